// First run without PORTFUND_BOOTSTRAP_ADMIN (as Grafana and Jenkins do): while no user exists, the server prints a
// one-time setup code in its log, and whoever can read that log creates the first ministry administrator in the console.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Knex } from 'knex';
import { Organization } from '../models/organization';
import { User } from '../models/user';
import { recordAdminAction } from './admin-audit';
import { passwordProblem } from './password-policy';
import { hashPassword, SCRYPT_COST, type ScryptCost } from './passwords';
import { type Outcome, refuse } from './result';

/** A fresh setup code: 20 characters of base32 in groups of four (100 bits; unguessable, easy to copy from a log). */
export const newSetupCode = (): string => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % 32]);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join('')).join('-');
};

const noUsers = async (db: Knex | Knex.Transaction): Promise<boolean> => Number((await db('users').count<{ count: string | number }[]>('* as count'))[0]?.count ?? 0) === 0;

/** Whether the setup page is open: this server holds a setup code and still no user exists. */
export const setupOpen = async (db: Knex, setupCode: string | undefined): Promise<boolean> => setupCode !== undefined && (await noUsers(db));

const digest = (s: string): Buffer => createHash('sha256').update(s.trim().toUpperCase().replace(/\s+/g, '')).digest();

export interface SetupInput {
  readonly code: string;
  readonly username: string;
  readonly password: string;
  readonly displayName?: string | undefined;
  readonly email?: string | undefined;
}

/** Creates the ministry (if missing) and its first administrator, once; recorded as setup.admin. */
export const firstRunSetup = async (db: Knex, setupCode: string | undefined, input: SetupInput, cost: ScryptCost = SCRYPT_COST): Promise<Outcome<{ user: User }>> => {
  if (setupCode === undefined || !(await noUsers(db))) return refuse('setup.not_available');
  if (!timingSafeEqual(digest(setupCode), digest(input.code))) return refuse('setup.wrong_code');
  const problem = passwordProblem(input.password, { username: input.username, display_name: input.displayName ?? null, email: input.email ?? null });
  if (problem !== null) return refuse('user.weak_password', { problem });
  const hash = await hashPassword(input.password, cost);
  return db.transaction(async (trx) => {
    // two browsers submitting at once: the second finds a user and is refused
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['portfund|first-run-setup']);
    if (!(await noUsers(trx))) return refuse('setup.not_available');
    let ministry = await Organization.query(trx).where('kind', 'ministry').first();
    ministry ??= await Organization.query(trx).insertAndFetch({ kind: 'ministry', name: '勞動部', ubn: null, parent_id: null, code: 'MOL' });
    const user = await User.query(trx).insertAndFetch({
      username: input.username,
      password_hash: hash,
      organization_id: ministry.id,
      role: 'ministry',
      is_admin: true,
      display_name: input.displayName ?? '系統管理者',
      email: input.email ?? null,
    });
    await recordAdminAction(trx, { actorId: null, action: 'setup.admin', targetUserId: user.id, targetOrgId: ministry.id, details: { via: 'setup_page' } });
    return { ok: true as const, user };
  });
};
