// 忘記密碼 and an administrator's link: a one-time link mailed through the outbox (a random 256-bit token, only its
// SHA-256 stored; single use; 30 minutes). Asking answers the same whether or not the account exists; asking is limited
// per address (refused) and per account (silently no further link). Using a link sets the password, ends every session.
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { User } from '../models/user';
import { hashToken, revokeSessions } from './auth-service';
import { forgetAccountThrottle } from './login-throttle';
import { enqueueMail } from './mail/outbox';
import { consoleLink, mailSettings } from './mail/settings';
import { passwordProblem } from './password-policy';
import { hashPassword, type ScryptCost } from './passwords';
import { type Outcome, refuse } from './result';

export const RESET_LINK_MINUTES = 30;
/** Links one account may be sent on its own request within an hour (more requests are answered alike, and send nothing). */
export const RESET_LINKS_PER_ACCOUNT_HOUR = 3;
/** 忘記密碼 requests one address may make within the window; beyond it they are refused (429). */
export const RESET_REQUESTS_PER_ADDRESS = 10;
export const RESET_ADDRESS_WINDOW_MINUTES = 15;

const count = async (query: Knex.QueryBuilder): Promise<number> => Number((await query.count<{ count: string | number }[]>('* as count'))[0]?.count ?? 0);

/** Links still usable of a user become void (a newer link, a new password). */
const voidLinks = (db: Knex | Knex.Transaction, userId: number, now: Date) => db('password_reset_tokens').where('user_id', userId).whereNull('used_at').update({ used_at: now });

/**
 * Writes a reset link for the user to the outbox (inside the caller's transaction); answers whether it was mailed
 * (not when mail is off or the user has no address: then no link exists at all) and until when it works.
 */
export const issueResetLink = async (trx: Knex.Transaction, user: User, issuedBy: number | null, now = new Date()): Promise<{ mailed: boolean; expiresAt: Date }> => {
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  if (!mailSettings().enabled || user.email === null || user.email.trim() === '') return { mailed: false, expiresAt };
  const token = randomBytes(32).toString('base64url');
  await voidLinks(trx, user.id, now);
  await trx('password_reset_tokens').insert({ user_id: user.id, token_hash: hashToken(token), expires_at: expiresAt, issued_by: issuedBy, created_at: now });
  const who = user.display_name ?? user.username;
  await enqueueMail(trx, [
    {
      kind: 'password_reset',
      userId: user.id,
      to: user.email,
      subject: '密碼重設連結',
      body:
        `${who} 您好：\n\n${issuedBy === null ? '有人（希望是您）為帳號' : '系統管理者為您的帳號'}「${user.username}」申請重設密碼。` +
        `請於 ${RESET_LINK_MINUTES} 分鐘內開啟下列連結設定新密碼（連結只能使用一次）：\n\n${consoleLink(`reset?token=${token}`)}\n\n` +
        '若您沒有申請，請忽略此信，您的密碼不會改變。',
    },
  ]);
  return { mailed: true, expiresAt };
};

/** 忘記密碼: by user name or e-mail address. The answer never tells whether such an account exists. */
export const requestPasswordReset = async (db: Knex, login: string, ip: string, now = new Date()): Promise<Outcome<object>> => {
  const since = new Date(now.getTime() - RESET_ADDRESS_WINDOW_MINUTES * 60_000);
  return db.transaction(async (trx) => {
    // one address at a time: parallel requests cannot slip past the limit
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`reset|${ip}`]);
    const recent = trx('password_reset_requests').where('ip', ip).andWhere('at', '>', since);
    if ((await count(recent.clone())) >= RESET_REQUESTS_PER_ADDRESS) {
      const oldest = await recent.clone().orderBy('at', 'asc').first<{ at: Date } | undefined>('at');
      const until = new Date(new Date(oldest?.at ?? now).getTime() + RESET_ADDRESS_WINDOW_MINUTES * 60_000);
      return refuse('auth.reset_rate_limited', { until: until.toISOString() });
    }
    await trx('password_reset_requests').insert({ ip, at: now });
    const name = login.trim().toLowerCase();
    const users = await User.query(trx)
      .where((q) => q.whereRaw('lower(username) = ?', [name]).orWhereRaw('lower(email) = ?', [name]))
      .andWhere('disabled', false)
      .orderBy('id');
    for (const user of users) {
      const hourAgo = new Date(now.getTime() - 3_600_000);
      const sent = await count(trx('password_reset_tokens').where('user_id', user.id).whereNull('issued_by').andWhere('created_at', '>', hourAgo));
      if (sent < RESET_LINKS_PER_ACCOUNT_HOUR) await issueResetLink(trx, user, null, now);
    }
    return { ok: true as const };
  });
};

/** Old requests and links of no further use. */
export const prunePasswordResets = async (db: Knex, now = new Date()): Promise<void> => {
  await db('password_reset_requests').where('at', '<', new Date(now.getTime() - 24 * 3_600_000)).delete();
  await db('password_reset_tokens').where('expires_at', '<', new Date(now.getTime() - 7 * 24 * 3_600_000)).delete();
};

/** Sets a new password with a link's token: once, within 30 minutes; every session of the user ends. */
export const resetPasswordWithToken = async (db: Knex, cost: ScryptCost, token: string, newPassword: string, now = new Date()): Promise<Outcome<{ username: string }>> => {
  const invalid = () => refuse('auth.reset_invalid');
  const link = await db('password_reset_tokens')
    .where('token_hash', hashToken(token))
    .whereNull('used_at')
    .andWhere('expires_at', '>', now)
    .first<{ id: number; user_id: number } | undefined>('id', 'user_id');
  const user = link === undefined ? undefined : await User.query(db).findById(link.user_id);
  if (link === undefined || user === undefined || user.disabled) return invalid();
  const problem = passwordProblem(newPassword, user);
  if (problem !== null) return refuse('auth.weak_password', { problem });
  const hash = await hashPassword(newPassword, cost);
  return db.transaction(async (trx) => {
    // single use even when two tabs submit at once: only one of them marks the link used
    const used = await trx('password_reset_tokens').where('id', link.id).whereNull('used_at').andWhere('expires_at', '>', now).update({ used_at: now }).returning('id');
    if (used.length === 0) return invalid();
    await voidLinks(trx, user.id, now);
    await trx('users').where('id', user.id).update({ password_hash: hash, must_change_password: false });
    await revokeSessions(trx, user.id);
    await trx('login_devices').where('user_id', user.id).delete();
    await forgetAccountThrottle(trx, user.username);
    return { ok: true as const, username: user.username };
  });
};
