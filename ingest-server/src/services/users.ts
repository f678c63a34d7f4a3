// Organisations and users: who may create whom (a ministry admin anything; a local-government admin its unions and
// their users; a union admin its own users), and the bootstrap administrator.
import { PASSWORD_PROBLEM_LABELS } from '@portfund/api-contract';
import { checkUbn } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { isUniqueViolation } from '../db/pg-errors';
import { Organization, type OrgKind } from '../models/organization';
import { type Role, User } from '../models/user';
import { revokeSessions } from './auth-service';
import { recordAdminAction, type AuditDetail } from './admin-audit';
import { accountLocks, forgetAccountThrottle, lockedAccountNames } from './login-throttle';
import { passwordProblem } from './password-policy';
import { hashPassword, SCRYPT_COST, type ScryptCost } from './passwords';
import { type Outcome, type Refusal, refuse } from './result';
import { scopedUnions } from './scope';

/** Optional text as stored: trimmed, and blank as null. */
export const emptyToNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text.trim());

const ROLE_OF: Readonly<Record<OrgKind, Role>> = { ministry: 'ministry', local_gov: 'local_gov', union: 'union' };

/** The API's view of users (one query for their organisations and one for their sign-in delays). */
export const userViews = async (db: Knex, users: readonly User[]) => {
  const orgs = new Map((await Organization.query(db).findByIds([...new Set(users.map((u) => u.organization_id))])).map((o) => [o.id, o]));
  const locks = await accountLocks(db, users.map((u) => u.username));
  return users.map((user) => {
    const org = orgs.get(user.organization_id);
    if (org === undefined) throw new Error(`user ${user.id} has no organization`);
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      isAdmin: user.is_admin,
      disabled: user.disabled,
      email: user.email,
      emailOptOut: user.email_opt_out,
      mustChangePassword: user.must_change_password,
      lockedUntil: locks.get(user.username.toLowerCase())?.toISOString() ?? null,
      organization: { id: org.id, kind: org.kind, name: org.name, ubn: org.ubn },
    };
  });
};

export const userView = async (db: Knex, user: User) => {
  const [view] = await userViews(db, [user]);
  if (view === undefined) throw new Error('userViews answered nothing');
  return view;
};

export const organizationView = (o: Organization) => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  ubn: o.ubn,
  parentId: o.parent_id,
  code: o.code,
  disabled: o.disabled,
  contactName: o.contact_name,
  contactPhone: o.contact_phone,
  contactEmail: o.contact_email,
});

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
  readonly contactName?: string | undefined;
  readonly contactPhone?: string | undefined;
  readonly contactEmail?: string | undefined;
}

/** The organisations a user sees: a union its own, a local government itself and its unions, the ministry all. */
export const visibleOrganizations = async (db: Knex, user: User): Promise<Organization[]> => {
  const own = await Organization.query(db).findById(user.organization_id).throwIfNotFound();
  if (user.role === 'union') return [own];
  const unions = await scopedUnions(db, user).orderBy('id');
  const others = user.role === 'ministry' ? await Organization.query(db).whereNot('kind', 'union').orderBy('id') : [own];
  return [...others, ...unions.filter((u) => u.id !== own.id)];
};

/** The organisations whose users an administrator manages (ids, as a subquery). */
export const manageableOrgIds = (db: Knex, actor: User): Knex.QueryBuilder => {
  const ids = db('organizations').select('id');
  if (!actor.is_admin) return ids.whereRaw('false');
  if (actor.role === 'ministry') return ids;
  if (actor.role === 'local_gov') return ids.where((q) => q.where('id', actor.organization_id).orWhere('parent_id', actor.organization_id));
  return ids.where('id', actor.organization_id);
};

export interface UserFilter {
  readonly q?: string | undefined;
  readonly role?: Role | undefined;
  readonly organizationId?: number | undefined;
  readonly disabled?: 'true' | 'false' | undefined;
  readonly locked?: 'true' | 'false' | undefined;
  readonly limit: number;
  readonly offset: number;
}

const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of the users an administrator manages (in organisations within reach), searched and filtered, by username. */
export const manageableUsers = async (db: Knex, actor: User, filter: UserFilter): Promise<{ users: User[]; total: number }> => {
  const query = User.query(db).whereIn('organization_id', manageableOrgIds(db, actor) as never);
  const q = filter.q?.trim() ?? '';
  if (q !== '') {
    const like = likePattern(q);
    query.where((w) => w.whereRaw('lower(username) like ?', [like]).orWhereRaw("lower(coalesce(display_name, '')) like ?", [like]).orWhereRaw("lower(coalesce(email, '')) like ?", [like]));
  }
  if (filter.role !== undefined) query.where('role', filter.role);
  if (filter.organizationId !== undefined) query.where('organization_id', filter.organizationId);
  if (filter.disabled !== undefined) query.where('disabled', filter.disabled === 'true');
  if (filter.locked !== undefined) {
    const locked = lockedAccountNames(db);
    if (filter.locked === 'true') query.whereIn(db.raw('lower(username)') as never, locked as never);
    else query.whereNotIn(db.raw('lower(username)') as never, locked as never);
  }
  const total = await query.clone().resultSize();
  const users = await query.orderBy('username').limit(filter.limit).offset(filter.offset);
  return { users, total };
};

/** One user an administrator manages, or undefined (outside one's reach a user does not exist). */
export const findManageableUser = async (db: Knex, actor: User, id: number): Promise<User | undefined> =>
  await User.query(db).whereIn('organization_id', manageableOrgIds(db, actor) as never).findById(id);

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
  return db
    .transaction(async (trx) => {
      const organization = await Organization.query(trx).insertAndFetch({
        kind: input.kind,
        name: input.name,
        ubn: input.kind === 'union' ? (input.ubn ?? null) : null,
        parent_id: parentId,
        code: emptyToNull(input.code),
        contact_name: emptyToNull(input.contactName),
        contact_phone: emptyToNull(input.contactPhone),
        contact_email: emptyToNull(input.contactEmail),
      });
      await recordAdminAction(trx, { actorId: actor.id, action: 'org.create', targetOrgId: organization.id, details: { kind: organization.kind, name: organization.name, ...(organization.ubn === null ? {} : { ubn: organization.ubn }) } });
      return { ok: true as const, organization };
    })
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
  const hash = await hashPassword(input.password, cost);
  return db
    .transaction(async (trx) => {
      const user = await User.query(trx).insertAndFetch({
        username: input.username,
        password_hash: hash,
        organization_id: org.id,
        role: ROLE_OF[org.kind],
        is_admin: input.isAdmin ?? false,
        display_name: emptyToNull(input.displayName),
        email: emptyToNull(input.email),
      });
      await recordAdminAction(trx, {
        actorId: actor?.id ?? null,
        action: 'user.create',
        targetUserId: user.id,
        targetOrgId: org.id,
        details: { username: user.username, isAdmin: user.is_admin },
      });
      return { ok: true as const, user };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return taken();
      throw error;
    });
};

export interface UserPatch {
  readonly disabled?: boolean | undefined;
  readonly password?: string | undefined;
  readonly displayName?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly isAdmin?: boolean | undefined;
}

/**
 * An admin edits a user within reach (name, e-mail, administrator flag), disables or re-enables them, or sets a new
 * password for them (forgotten, or perhaps known to someone else). Disabling or a new password ends the user's sessions
 * at once; a new password must meet the policy, forgets the user's known devices and lifts the account's failed-login
 * delay. An admin neither disables, resets nor demotes themselves here. Each change is written to the audit log.
 */
export const updateUser = async (db: Knex, actor: User, userId: number, patch: UserPatch, cost: ScryptCost = SCRYPT_COST): Promise<Outcome<{ user: User }>> => {
  const target = await User.query(db).findById(userId);
  const org = target === undefined ? undefined : await Organization.query(db).findById(target.organization_id);
  if (target === undefined || org === undefined || !mayManage(actor, org)) return refuse('user.not_found');
  if (patch.disabled === true && target.id === actor.id) return refuse('user.disable_self');
  if (patch.isAdmin === false && target.id === actor.id) return refuse('user.demote_self');
  if (patch.password !== undefined && target.id === actor.id) return refuse('user.reset_self');
  const problem = patch.password === undefined ? null : passwordProblem(patch.password, target);
  if (problem !== null) return refuse('user.weak_password', { problem });
  const hash = patch.password === undefined ? undefined : await hashPassword(patch.password, cost);
  const fields: Partial<Pick<User, 'display_name' | 'email' | 'is_admin'>> = {
    ...(patch.displayName === undefined ? {} : { display_name: emptyToNull(patch.displayName) }),
    ...(patch.email === undefined ? {} : { email: emptyToNull(patch.email) }),
    ...(patch.isAdmin === undefined ? {} : { is_admin: patch.isAdmin }),
  };
  return db.transaction(async (trx) => {
    const disabledChanges = patch.disabled !== undefined && patch.disabled !== target.disabled;
    const user = await User.query(trx).patchAndFetchById(target.id, {
      ...fields,
      ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
      ...(hash === undefined ? {} : { password_hash: hash }),
    });
    if (patch.disabled === true || hash !== undefined) await revokeSessions(trx, target.id);
    if (hash !== undefined) {
      await trx('login_devices').where('user_id', target.id).delete();
      await forgetAccountThrottle(trx, target.username);
    }
    // what changed, by field: never the password itself
    const changed = changedFields(target, fields);
    if (hash !== undefined) changed.password = true;
    const audit = { actorId: actor.id, targetUserId: target.id, targetOrgId: org.id };
    if (Object.keys(changed).length > 0) await recordAdminAction(trx, { ...audit, action: 'user.update', details: changed });
    if (disabledChanges) await recordAdminAction(trx, { ...audit, action: patch.disabled === true ? 'user.disable' : 'user.enable' });
    return { ok: true as const, user };
  });
};

/** The fields whose value differs from the record's, with their new values (for the audit log). */
export const changedFields = <R extends object>(before: R, after: Partial<R>): Record<string, AuditDetail> => {
  const changed: Record<string, AuditDetail> = {};
  for (const [key, value] of Object.entries(after) as [keyof R & string, unknown][]) {
    if (value !== undefined && before[key] !== value) changed[key] = value as AuditDetail;
  }
  return changed;
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
