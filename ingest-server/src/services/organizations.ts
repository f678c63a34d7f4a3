// Administrators edit and disable organisations within reach: a ministry admin any of them, a local-government admin
// itself and its unions. A disabled organisation's users cannot sign in and their sessions end at once. Each change is
// written to the audit log in the same transaction.
import { type Knex } from 'knex';
import { Organization } from '../models/organization';
import { type User } from '../models/user';
import { recordAdminAction } from './admin-audit';
import { type Outcome, refuse } from './result';
import { changedFields, emptyToNull, mayManage } from './users';

export interface OrganizationPatch {
  readonly name?: string | undefined;
  readonly code?: string | null | undefined;
  readonly parentId?: number | undefined;
  readonly contactName?: string | null | undefined;
  readonly contactPhone?: string | null | undefined;
  readonly contactEmail?: string | null | undefined;
  readonly disabled?: boolean | undefined;
}

export interface OrganizationFilter {
  readonly q?: string | undefined;
  readonly kind?: Organization['kind'] | undefined;
  readonly parentId?: number | undefined;
  readonly disabled?: 'true' | 'false' | undefined;
}

/** The visible organisations narrowed by a search (name, code or UBN contains the text) and filters. */
export const filterOrganizations = (orgs: readonly Organization[], filter: OrganizationFilter): Organization[] => {
  const q = filter.q?.trim().toLowerCase() ?? '';
  return orgs.filter(
    (o) =>
      (q === '' || [o.name, o.code ?? '', o.ubn ?? ''].some((text) => text.toLowerCase().includes(q))) &&
      (filter.kind === undefined || o.kind === filter.kind) &&
      (filter.parentId === undefined || o.parent_id === filter.parentId) &&
      (filter.disabled === undefined || o.disabled === (filter.disabled === 'true')),
  );
};

export const updateOrganization = async (db: Knex, actor: User, orgId: number, patch: OrganizationPatch): Promise<Outcome<{ organization: Organization }>> => {
  if (!actor.is_admin || actor.role === 'union') return refuse('organization.admin_required');
  const target = await Organization.query(db).findById(orgId);
  // the ministry's own record is the ministry admins' alone; outside one's reach an organisation does not exist
  if (target === undefined || !mayManage(actor, target) || (target.kind === 'ministry' && actor.role !== 'ministry')) return refuse('organization.not_found');
  if (patch.disabled === true && target.id === actor.organization_id) return refuse('organization.disable_own');
  if (patch.parentId !== undefined && patch.parentId !== target.parent_id) {
    if (actor.role !== 'ministry' || target.kind !== 'union') return refuse('organization.move_ministry_only');
    const parent = await Organization.query(db).findById(patch.parentId);
    if (parent?.kind !== 'local_gov') return refuse('organization.parent_required');
  }
  const fields: Partial<Organization> = {
    ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
    ...(patch.code === undefined ? {} : { code: emptyToNull(patch.code) }),
    ...(patch.parentId === undefined ? {} : { parent_id: patch.parentId }),
    ...(patch.contactName === undefined ? {} : { contact_name: emptyToNull(patch.contactName) }),
    ...(patch.contactPhone === undefined ? {} : { contact_phone: emptyToNull(patch.contactPhone) }),
    ...(patch.contactEmail === undefined ? {} : { contact_email: emptyToNull(patch.contactEmail) }),
  };
  return db.transaction(async (trx) => {
    const changed = changedFields(target, fields);
    const disabledChanges = patch.disabled !== undefined && patch.disabled !== target.disabled;
    const organization = await Organization.query(trx).patchAndFetchById(target.id, { ...fields, ...(disabledChanges ? { disabled: patch.disabled } : {}) });
    // a disabled organisation's users are signed out at once (and cannot sign in: auth-service checks the organisation)
    if (patch.disabled === true) await trx('sessions').whereIn('user_id', trx('users').select('id').where('organization_id', target.id)).delete();
    if (Object.keys(changed).length > 0) await recordAdminAction(trx, { actorId: actor.id, action: 'org.update', targetOrgId: target.id, details: changed });
    if (disabledChanges) await recordAdminAction(trx, { actorId: actor.id, action: patch.disabled === true ? 'org.disable' : 'org.enable', targetOrgId: target.id });
    return { ok: true as const, organization };
  });
};
