// Organisations and users: who may create whom (a ministry admin anything; a local-government admin its unions and
// their users; a union admin its own users), and the bootstrap administrator.
import { PASSWORD_PROBLEM_LABELS } from '@portfund/api-contract';
import { checkUbn } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { isUniqueViolation } from '../db/pg-errors';
import { Organization, type OrgKind } from '../models/organization';
import { type Role, User } from '../models/user';
import { recordAdminAction } from './admin-audit';
import { revokeSessions } from './auth-service';
import { forgetAccountThrottle } from './login-throttle';
import { passwordProblem } from './password-policy';
import { hashPassword, SCRYPT_COST, type ScryptCost } from './passwords';
import { type Outcome, type Refusal, refuse } from './result';
import { scopedUnions } from './scope';

const ROLE_OF: Readonly<Record<OrgKind, Role>> = { ministry: 'ministry', local_gov: 'local_gov', union: 'union' };

export const userView = async (db: Knex, user: User) => {
  const org = await Organization.query(db).findById(user.organization_id).throwIfNotFound();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    isAdmin: user.is_admin,
    disabled: user.disabled,
    organization: { id: org.id, kind: org.kind, name: org.name, ubn: org.ubn },
  };
};

export const organizationView = (o: Organization) => ({ id: o.id, kind: o.kind, name: o.name, ubn: o.ubn, parentId: o.parent_id, code: o.code });

/** Whether the acting admin may manage (create users in, see) this organisation. */
export const mayManage = (actor: User, org: Organization): boolean => {
  if (!actor.is_admin) return false;
  if (actor.role === 'ministry') return true;
  if (actor.role === 'local_gov') return org.id === actor.organization_id || org.parent_id === actor.organization_id;
  return org.id === actor.organization_id;
};

export interface NewOrganization {
  readonly kind: 'local_gov' | 'union';
  readonly name: string;
  readonly ubn?: string | undefined;
  readonly parentId?: number | undefined;
  readonly code?: string | undefined;
}

/** The organisations a user sees: a union its own, a local government itself and its unions, the ministry all. */
export const visibleOrganizations = async (db: Knex, user: User): Promise<Organization[]> => {
  const own = await Organization.query(db).findById(user.organization_id).throwIfNotFound();
  if (user.role === 'union') return [own];
  const unions = await scopedUnions(db, user).orderBy('id');
  const others = user.role === 'ministry' ? await Organization.query(db).whereNot('kind', 'union').orderBy('id') : [own];
  return [...others, ...unions.filter((u) => u.id !== own.id)];
};

/** The users an administrator manages (in organisations within reach). */
export const manageableUsers = async (db: Knex, actor: User): Promise<User[]> => {
  const users = await User.query(db).orderBy('id');
  const orgs = new Map((await Organization.query(db)).map((o) => [o.id, o]));
  return users.filter((u) => {
    const org = orgs.get(u.organization_id);
    return org !== undefined && mayManage(actor, org);
  });
};

// one refusal whoever holds the UBN: a local government must not learn that a union exists in another jurisdiction
const ubnTaken = (): Refusal => refuse('organization.ubn_taken');

export const createOrganization = async (db: Knex, actor: User, input: NewOrganization): Promise<Outcome<{ organization: Organization }>> => {
  if (!actor.is_admin || actor.role === 'union') return refuse('organization.admin_required');
  if (input.kind === 'local_gov' && actor.role !== 'ministry') return refuse('organization.ministry_only');
  let parentId: number | null = null;
  if (input.kind === 'union') {
    if (input.ubn === undefined) return refuse('organization.ubn_required');
    const ubn = checkUbn(input.ubn);
    if (!ubn.ok || ubn.value !== input.ubn) return refuse('organization.ubn_invalid', { ubn: input.ubn });
    parentId = actor.role === 'local_gov' ? actor.organization_id : (input.parentId ?? null);
    const parent = parentId === null ? undefined : await Organization.query(db).findById(parentId);
    if (parent?.kind !== 'local_gov') return refuse('organization.parent_required');
    if (await Organization.query(db).where('ubn', input.ubn).first()) return ubnTaken();
  }
  return Organization.query(db)
    .insertAndFetch({
      kind: input.kind,
      name: input.name,
      ubn: input.kind === 'union' ? (input.ubn ?? null) : null,
      parent_id: parentId,
      code: input.code ?? null,
    })
    .then((organization) => ({ ok: true as const, organization }))
    .catch((error: unknown) => {
      // two admins registering the same UBN at the same moment: the unique index decides, the answer stays the same
      if (isUniqueViolation(error)) return ubnTaken();
      throw error;
    });
};

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly organizationId: number;
  readonly displayName?: string | undefined;
  readonly email?: string | undefined;
  readonly isAdmin?: boolean | undefined;
}

export const createUser = async (db: Knex, actor: User | null, input: NewUser, cost: ScryptCost = SCRYPT_COST): Promise<Outcome<{ user: User }>> => {
  const org = await Organization.query(db).findById(input.organizationId);
  if (org === undefined || (actor !== null && !mayManage(actor, org))) return refuse('user.organization_not_found');
  const problem = passwordProblem(input.password, { username: input.username, display_name: input.displayName ?? null, email: input.email ?? null });
  if (problem !== null) return refuse('user.weak_password', { problem });
  const taken = (): Refusal => refuse('user.username_taken', { username: input.username });
  if (await User.query(db).whereRaw('lower(username) = ?', [input.username.toLowerCase()]).first()) return taken();
  return User.query(db)
    .insertAndFetch({
      username: input.username,
      password_hash: await hashPassword(input.password, cost),
      organization_id: org.id,
      role: ROLE_OF[org.kind],
      is_admin: input.isAdmin ?? false,
      display_name: input.displayName ?? null,
      email: input.email ?? null,
    })
    .then((user) => ({ ok: true as const, user }))
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return taken();
      throw error;
    });
};

export interface UserPatch {
  readonly disabled?: boolean | undefined;
  readonly password?: string | undefined;
}

/**
 * An admin disables (or re-enables) a user within reach, or sets a new password for them (forgotten, or perhaps known
 * to someone else). Either ends the user's sessions at once; a new password must meet the policy, forgets the user's
 * known devices and lifts the account's failed-login delay. An admin changes neither for themselves here.
 */
export const updateUser = async (db: Knex, actor: User, userId: number, patch: UserPatch, cost: ScryptCost = SCRYPT_COST): Promise<Outcome<{ user: User }>> => {
  const target = await User.query(db).findById(userId);
  const org = target === undefined ? undefined : await Organization.query(db).findById(target.organization_id);
  if (target === undefined || org === undefined || !mayManage(actor, org)) return refuse('user.not_found');
  if (patch.disabled === true && target.id === actor.id) return refuse('user.disable_self');
  if (patch.password !== undefined && target.id === actor.id) return refuse('user.reset_self');
  const problem = patch.password === undefined ? null : passwordProblem(patch.password, target);
  if (problem !== null) return refuse('user.weak_password', { problem });
  const hash = patch.password === undefined ? undefined : await hashPassword(patch.password, cost);
  return db.transaction(async (trx) => {
    const user = await User.query(trx).patchAndFetchById(target.id, { ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }), ...(hash === undefined ? {} : { password_hash: hash }) });
    if (patch.disabled === true || hash !== undefined) await revokeSessions(trx, target.id);
    if (hash !== undefined) {
      await trx('login_devices').where('user_id', target.id).delete();
      await forgetAccountThrottle(trx, target.username);
    }
    return { ok: true as const, user };
  });
};

/** PORTFUND_BOOTSTRAP_ADMIN=user:password creates the ministry and its first administrator when no user exists. */
export const bootstrapAdmin = async (db: Knex, spec: string | undefined, cost: ScryptCost = SCRYPT_COST): Promise<User | null> => {
  if (spec === undefined || spec === '') return null;
  const colon = spec.indexOf(':');
  if (colon <= 0) throw new Error('PORTFUND_BOOTSTRAP_ADMIN 的格式為 帳號:密碼');
  const password = spec.slice(colon + 1);
  // checked on every start, not only the first: a weak administrator password must never be accepted silently
  const problem = passwordProblem(password, { username: spec.slice(0, colon) });
  if (problem !== null) throw new Error(`PORTFUND_BOOTSTRAP_ADMIN 的密碼不符密碼規則：${PASSWORD_PROBLEM_LABELS[problem]}`);
  const count = await User.query(db).resultSize();
  if (count > 0) return null;
  let ministry = await Organization.query(db).where('kind', 'ministry').first();
  ministry ??= await Organization.query(db).insertAndFetch({ kind: 'ministry', name: '勞動部', ubn: null, parent_id: null, code: 'MOL' });
  const admin = await User.query(db).insertAndFetch({
    username: spec.slice(0, colon),
    password_hash: await hashPassword(password, cost),
    organization_id: ministry.id,
    role: 'ministry',
    is_admin: true,
    display_name: '系統管理者',
    email: null,
  });
  await recordAdminAction(db, { actorId: null, action: 'setup.admin', targetUserId: admin.id, targetOrgId: ministry.id, details: { via: 'bootstrap_variable' } });
  return admin;
};
