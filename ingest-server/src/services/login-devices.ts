// Browsers a user has signed in from: a random token in an HttpOnly cookie (stored only as SHA-256), remembered at each
// successful sign-in. A known device is throttled on its own, so guesses from elsewhere never lock its owner out.
import { createHash, randomBytes } from 'node:crypto';
import { type Knex } from 'knex';

/** A device not used to sign in for this long is forgotten (the cookie lives as long). */
export const DEVICE_DAYS = 180;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const oldest = (now: Date): Date => new Date(now.getTime() - DEVICE_DAYS * 86_400_000);

/** The known device of this account (lower-case name) that the cookie token names, or null. */
export const knownDevice = async (db: Knex, username: string, token: string | undefined, now = new Date()): Promise<number | null> => {
  if (token === undefined || !TOKEN.test(token)) return null;
  const row = await db('login_devices as d')
    .join('users as u', 'u.id', 'd.user_id')
    .where('d.token_hash', hashOf(token))
    .whereRaw('lower(u.username) = ?', [username])
    .andWhere('d.last_used_at', '>', oldest(now))
    .first<{ id: number | string } | undefined>('d.id');
  return row === undefined ? null : Number(row.id);
};

/** After a successful sign-in: the browser's token (kept when this server issued it, else a new one), remembered for the user. */
export const rememberDevice = async (db: Knex, userId: number, token: string | undefined, now = new Date()): Promise<string> => {
  const issued = token !== undefined && TOKEN.test(token) && (await db('login_devices').where('token_hash', hashOf(token)).first()) !== undefined;
  const value = issued ? token : randomBytes(32).toString('base64url');
  await db('login_devices').insert({ token_hash: hashOf(value), user_id: userId, created_at: now, last_used_at: now }).onConflict(['token_hash', 'user_id']).merge(['last_used_at']);
  return value;
};

export const pruneLoginDevices = async (db: Knex, now = new Date()): Promise<void> => {
  await db('login_devices').where('last_used_at', '<', oldest(now)).delete();
};
