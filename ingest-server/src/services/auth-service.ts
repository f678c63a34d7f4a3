// Signing in and out: rate-limited password checks, expiring sessions (bearer token and HttpOnly cookie share one session).
import { createHash, randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { Session } from '../models/session';
import { User } from '../models/user';
import { dummyPasswordHash, verifyPassword } from './passwords';

export const FAILURE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 30;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type LoginResult =
  | { ok: true; user: User; token: string; csrfToken: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

const recentFailures = async (db: Knex, column: 'username' | 'ip', value: string): Promise<number> => {
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  const row = await db('login_attempts').where(column, value).andWhere('success', false).andWhere('at', '>', since).count<{ count: string }[]>('* as count');
  return Number(row[0]?.count ?? 0);
};

export const login = async (db: Knex, username: string, password: string, ip: string, sessionHours: number): Promise<LoginResult> => {
  const name = username.trim().toLowerCase();
  if ((await recentFailures(db, 'username', name)) >= MAX_FAILURES_PER_USER || (await recentFailures(db, 'ip', ip)) >= MAX_FAILURES_PER_IP) {
    return { ok: false, reason: 'rate_limited' };
  }
  const user = await User.query(db).whereRaw('lower(username) = ?', [name]).first();
  const valid = user !== undefined && !user.disabled ? await verifyPassword(password, user.password_hash) : await verifyPassword(password, await dummyPasswordHash()).then(() => false);
  await db('login_attempts').insert({ username: name, ip, success: valid });
  if (!valid || user === undefined) return { ok: false, reason: 'invalid' };
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3_600_000);
  await Session.query(db).insert({ token_hash: hashToken(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt });
  return { ok: true, user, token, csrfToken, expiresAt };
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

/** Old sessions and login attempts are of no use after they expire. */
export const pruneAuthTables = async (db: Knex): Promise<void> => {
  await db('sessions').where('expires_at', '<', new Date()).delete();
  await db('login_attempts').where('at', '<', new Date(Date.now() - 7 * 86_400_000)).delete();
};
