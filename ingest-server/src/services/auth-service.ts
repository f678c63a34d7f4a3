// Signing in and out: rate-limited password checks, expiring sessions (bearer token and HttpOnly cookie share one session),
// changing one's own password.
import { createHash, randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { Session } from '../models/session';
import { User } from '../models/user';
import { dummyPasswordHash, hashPassword, needsRehash, passwordProblem, type ScryptCost, verifyPassword } from './passwords';
import { type Outcome, refuse } from './result';

export const FAILURE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 30;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type LoginResult = Outcome<{ user: User; token: string; csrfToken: string; expiresAt: Date }>;

const recentFailures = async (db: Knex, column: 'username' | 'ip', value: string): Promise<number> => {
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  const row = await db('login_attempts').where(column, value).andWhere('success', false).andWhere('at', '>', since).count<{ count: string }[]>('* as count');
  return Number(row[0]?.count ?? 0);
};

/**
 * Records an attempt as a failure before the password is verified, under per-account and per-address locks, so parallel
 * guesses are counted while they are still being checked; null when the limit is already reached.
 */
const claimAttempt = (db: Knex, name: string, ip: string): Promise<number | null> =>
  db.transaction(async (trx) => {
    // always account first, then address: one lock order, so two claims never wait on each other in a cycle
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`login-user|${name}`]);
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`login-ip|${ip}`]);
    if ((await recentFailures(trx, 'username', name)) >= MAX_FAILURES_PER_USER || (await recentFailures(trx, 'ip', ip)) >= MAX_FAILURES_PER_IP) {
      return null;
    }
    const [row] = await trx('login_attempts').insert({ username: name, ip, success: false }).returning('id');
    return Number((row as { id: number | string }).id);
  });

/** Verifies a password as one rate-limited attempt; a valid password with an outdated hash is re-hashed at the current cost. */
const checkPassword = async (
  db: Knex,
  cost: ScryptCost,
  username: string,
  password: string,
  ip: string,
): Promise<{ ok: true; user: User } | { ok: false; reason: 'invalid' | 'rate_limited' }> => {
  const name = username.trim().toLowerCase();
  const attempt = await claimAttempt(db, name, ip);
  if (attempt === null) return { ok: false, reason: 'rate_limited' };
  const user = await User.query(db).whereRaw('lower(username) = ?', [name]).first();
  const valid = user !== undefined && !user.disabled ? await verifyPassword(password, user.password_hash) : await verifyPassword(password, await dummyPasswordHash(cost)).then(() => false);
  if (!valid || user === undefined) return { ok: false, reason: 'invalid' };
  await db('login_attempts').where('id', attempt).update({ success: true });
  if (needsRehash(user.password_hash, cost)) {
    const rehashed = await hashPassword(password, cost);
    // only if nobody changed the password meanwhile
    await db('users').where({ id: user.id, password_hash: user.password_hash }).update({ password_hash: rehashed });
  }
  return { ok: true, user };
};

/** What signing in needs of the configuration. */
export interface AuthSettings {
  readonly sessionHours: number;
  readonly passwordCost: ScryptCost;
}

export const login = async (db: Knex, settings: AuthSettings, username: string, password: string, ip: string): Promise<LoginResult> => {
  const checked = await checkPassword(db, settings.passwordCost, username, password, ip);
  if (!checked.ok) return refuse(checked.reason === 'rate_limited' ? 'auth.rate_limited' : 'auth.invalid_credentials');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.sessionHours * 3_600_000);
  await Session.query(db).insert({ token_hash: hashToken(token), user_id: checked.user.id, csrf_token: csrfToken, expires_at: expiresAt });
  return { ok: true, user: checked.user, token, csrfToken, expiresAt };
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
  ip: string,
): Promise<PasswordChangeResult> => {
  const problem = passwordProblem(next);
  if (problem !== null) return refuse('auth.weak_password', { problem });
  if (next === current) return refuse('auth.same_password');
  const checked = await checkPassword(db, cost, user.username, current, ip);
  if (!checked.ok) return refuse(checked.reason === 'rate_limited' ? 'auth.rate_limited' : 'auth.wrong_current_password');
  const hash = await hashPassword(next, cost);
  return db.transaction(async (trx) => {
    await trx('users').where('id', user.id).update({ password_hash: hash });
    return { ok: true as const, revokedSessions: await revokeSessions(trx, user.id, keepSessionId) };
  });
};

export const findSession = async (db: Knex, token: string): Promise<{ session: Session; user: User } | null> => {
  const session = await Session.query(db).where('token_hash', hashToken(token)).andWhere('expires_at', '>', new Date()).first();
  if (session === undefined) return null;
  const user = await User.query(db).findById(session.user_id);
  if (user === undefined || user.disabled) return null;
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

/** Old sessions and login attempts are of no use after they expire. */
export const pruneAuthTables = async (db: Knex): Promise<void> => {
  await db('sessions').where('expires_at', '<', new Date()).delete();
  await db('login_attempts').where('at', '<', new Date(Date.now() - 7 * 86_400_000)).delete();
};
