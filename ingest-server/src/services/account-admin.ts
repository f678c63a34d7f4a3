// An administrator's help with a user's account within reach (mayManage): a reset link by e-mail, a temporary password
// the user must change at the next sign-in, or the end of a failed-login delay. Each is written to admin_audit in the
// same transaction; never for oneself.
import { randomInt } from 'node:crypto';
import { type Knex } from 'knex';
import { Organization } from '../models/organization';
import { User } from '../models/user';
import { recordAdminAction } from './admin-audit';
import { revokeSessions } from './auth-service';
import { forgetAccountThrottle } from './login-throttle';
import { issueResetLink } from './password-reset';
import { passwordProblem } from './password-policy';
import { hashPassword, SCRYPT_COST, type ScryptCost } from './passwords';
import { type Outcome, refuse } from './result';
import { mayManage } from './users';

export type ResetMode = 'link' | 'temporary';

export type AdminResetResult = Outcome<{ mode: ResetMode; mailed: boolean; temporaryPassword?: string; expiresAt?: string }>;

const manageable = async (db: Knex, actor: User, userId: number): Promise<User | undefined> => {
  const target = await User.query(db).findById(userId);
  const org = target === undefined ? undefined : await Organization.query(db).findById(target.organization_id);
  return target !== undefined && org !== undefined && mayManage(actor, org) ? target : undefined;
};

// no 0/O, 1/l/I: read aloud or copied from a screen without mistakes
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** Three groups of four (letters and digits), e.g. "hT4k-9wPm-Xa3e": about 80 bits, meets the password policy. */
export const temporaryPassword = (user: Pick<User, 'username' | 'display_name' | 'email'>): string => {
  for (;;) {
    const chars = Array.from({ length: 12 }, (_, i) => (i % 4 === 2 ? DIGITS[randomInt(DIGITS.length)] : (LETTERS + DIGITS)[randomInt(LETTERS.length + DIGITS.length)]));
    const candidate = `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
    if (passwordProblem(candidate, user) === null) return candidate;
  }
};

export const adminResetPassword = async (db: Knex, actor: User, userId: number, mode: ResetMode, cost: ScryptCost = SCRYPT_COST): Promise<AdminResetResult> => {
  const target = await manageable(db, actor, userId);
  if (target === undefined) return refuse('user.not_found');
  if (target.id === actor.id) return refuse('user.reset_self');
  if (mode === 'link') {
    return db.transaction(async (trx) => {
      const link = await issueResetLink(trx, target, actor.id);
      await recordAdminAction(trx, { actorId: actor.id, action: 'user.reset_link', targetUserId: target.id, targetOrgId: target.organization_id, details: { mailed: link.mailed } });
      return { ok: true as const, mode, mailed: link.mailed, ...(link.mailed ? { expiresAt: link.expiresAt.toISOString() } : {}) };
    });
  }
  const password = temporaryPassword(target);
  const hash = await hashPassword(password, cost);
  return db.transaction(async (trx) => {
    await trx('users').where('id', target.id).update({ password_hash: hash, must_change_password: true });
    await trx('password_reset_tokens').where('user_id', target.id).whereNull('used_at').update({ used_at: new Date() });
    await revokeSessions(trx, target.id);
    await trx('login_devices').where('user_id', target.id).delete();
    await forgetAccountThrottle(trx, target.username);
    await recordAdminAction(trx, { actorId: actor.id, action: 'user.reset_temporary', targetUserId: target.id, targetOrgId: target.organization_id });
    return { ok: true as const, mode, mailed: false, temporaryPassword: password };
  });
};

/** Ends the failed-login delay of the account and of every browser known to it. */
export const unlockUser = async (db: Knex, actor: User, userId: number): Promise<Outcome<{ user: User }>> => {
  const target = await manageable(db, actor, userId);
  if (target === undefined) return refuse('user.not_found');
  return db.transaction(async (trx) => {
    await forgetAccountThrottle(trx, target.username);
    const devices = await trx('login_devices').where('user_id', target.id).pluck('id');
    if (devices.length > 0) await trx('login_throttles').whereIn('key', devices.map((id: number) => `device:${id}`)).delete();
    await recordAdminAction(trx, { actorId: actor.id, action: 'user.unlock', targetUserId: target.id, targetOrgId: target.organization_id });
    return { ok: true as const, user: target };
  });
};
