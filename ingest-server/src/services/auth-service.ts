// Signing in and out: throttled password checks (login-throttle.ts), expiring sessions (bearer token and HttpOnly cookie share one session),
// changing one's own password.
import { createHash, randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { Session } from '../models/session';
import { User } from '../models/user';
import { knownDevice, pruneLoginDevices, rememberDevice } from './login-devices';
import { claimAttempt, pruneLoginThrottle, settleAttempt } from './login-throttle';
import { passwordProblem } from './password-policy';
import { dummyPasswordHash, hashPassword, needsRehash, type ScryptCost, verifyPassword } from './passwords';
import { type Outcome, type Refusal, refuse } from './result';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type LoginResult = Outcome<{ user: User; token: string; csrfToken: string; expiresAt: Date; deviceToken: string }>;

type Checked = { ok: true; user: User } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate_limited'; until: Date };

/**
 * Verifies a password as one throttled attempt (login-throttle.ts): claimed before it is verified, settled after; from a
 * known device (its cookie token) under that device's own throttle. A valid password with an outdated hash is re-hashed.
 */
const checkPassword = async (db: Knex, cost: ScryptCost, username: string, password: string, ip: string, deviceToken: string | undefined): Promise<Checked> => {
  const name = username.trim().toLowerCase();
  const source = { username: name, ip, deviceId: await knownDevice(db, name, deviceToken) };
  const claim = await claimAttempt(db, source);
  if (!claim.ok) return { ok: false, reason: 'rate_limited', until: claim.until };
  let user: User | undefined;
  let valid = false;
  try {
    user = await User.query(db).whereRaw('lower(username) = ?', [name]).first();
    valid = user !== undefined && (await accountUsable(db, user)) ? await verifyPassword(password, user.password_hash) : await verifyPassword(password, await dummyPasswordHash(cost)).then(() => false);
  } finally {
    await settleAttempt(db, source, claim.attemptId, valid);
  }
  if (!valid || user === undefined) return { ok: false, reason: 'invalid' };
  if (needsRehash(user.password_hash, cost)) {
    const rehashed = await hashPassword(password, cost);
    // only if nobody changed the password meanwhile
    await db('users').where({ id: user.id, password_hash: user.password_hash }).update({ password_hash: rehashed });
  }
  return { ok: true, user };
};

/** Neither the user nor their organisation is disabled. */
const accountUsable = async (db: Knex, user: User): Promise<boolean> =>
  !user.disabled && (await db('organizations').where({ id: user.organization_id, disabled: false }).first('id')) !== undefined;

const rateLimited = (checked: { until: Date }): Refusal => refuse('auth.rate_limited', { until: checked.until.toISOString() });

/** What signing in needs of the configuration. */
export interface AuthSettings {
  readonly sessionHours: number;
  readonly passwordCost: ScryptCost;
}

/** The client as the request shows it: its address (req.ip, after PORTFUND_TRUST_PROXY) and its device cookie, if any. */
export interface LoginClient {
  readonly ip: string;
  readonly deviceToken: string | undefined;
}

export const login = async (db: Knex, settings: AuthSettings, username: string, password: string, client: LoginClient): Promise<LoginResult> => {
  const checked = await checkPassword(db, settings.passwordCost, username, password, client.ip, client.deviceToken);
  if (!checked.ok) return checked.reason === 'rate_limited' ? rateLimited(checked) : refuse('auth.invalid_credentials');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.sessionHours * 3_600_000);
  await Session.query(db).insert({ token_hash: hashToken(token), user_id: checked.user.id, csrf_token: csrfToken, expires_at: expiresAt });
  const deviceToken = await rememberDevice(db, checked.user.id, client.deviceToken);
  return { ok: true, user: checked.user, token, csrfToken, expiresAt, deviceToken };
};

export type PasswordChangeResult = Outcome<{ revokedSessions: number }>;

/** Changes the signed-in user's own password (the current one is verified like a login) and ends their other sessions. */
export const changePassword = async (
  db: Knex,
  cost: ScryptCost,
  user: User,
  keepSessionId: number,
  current: string,
  next: string,
  client: LoginClient,
): Promise<PasswordChangeResult> => {
  if (next === current) return refuse('auth.same_password');
  const checked = await checkPassword(db, cost, user.username, current, client.ip, client.deviceToken);
  if (!checked.ok) return checked.reason === 'rate_limited' ? rateLimited(checked) : refuse('auth.wrong_current_password');
  // after the (throttled) check of the current password: the estimate costs CPU, a stolen session must not spend it freely
  const problem = passwordProblem(next, user);
  if (problem !== null) return refuse('auth.weak_password', { problem });
  const hash = await hashPassword(next, cost);
  return db.transaction(async (trx) => {
    await trx('users').where('id', user.id).update({ password_hash: hash, must_change_password: false });
    return { ok: true as const, revokedSessions: await revokeSessions(trx, user.id, keepSessionId) };
  });
};

/** The signed-in user's own settings as the console shows them (帳號設定). */
export const accountView = (user: User) => ({ email: user.email, emailOptOut: user.email_opt_out, mustChangePassword: user.must_change_password });

/** One's own e-mail opt-out: notifications stay in the console, none is mailed. */
export const updateOwnAccount = async (db: Knex, user: User, patch: { readonly emailOptOut: boolean }): Promise<User> =>
  User.query(db).patchAndFetchById(user.id, { email_opt_out: patch.emailOptOut });

export const findSession = async (db: Knex, token: string): Promise<{ session: Session; user: User } | null> => {
  const session = await Session.query(db).where('token_hash', hashToken(token)).andWhere('expires_at', '>', new Date()).first();
  if (session === undefined) return null;
  const user = await User.query(db).findById(session.user_id);
  if (user === undefined || !(await accountUsable(db, user))) return null;
  return { session, user };
};

export const logout = async (db: Knex, sessionId: number): Promise<void> => {
  await Session.query(db).deleteById(sessionId);
};

/** Every session of a user ends (the account was disabled), or every other one (the password changed); how many ended. */
export const revokeSessions = async (db: Knex, userId: number, exceptSessionId?: number): Promise<number> => {
  const sessions = db('sessions').where('user_id', userId);
  if (exceptSessionId !== undefined) sessions.whereNot('id', exceptSessionId);
  // returning() counts the same way on pg and PGlite (whose driver reports a delete as a result object)
  return (await sessions.delete().returning('id')).length;
};

/** Old sessions, login attempts, throttle counters and devices are of no use after they expire. */
export const pruneAuthTables = async (db: Knex): Promise<void> => {
  await db('sessions').where('expires_at', '<', new Date()).delete();
  await pruneLoginThrottle(db);
  await pruneLoginDevices(db);
};
