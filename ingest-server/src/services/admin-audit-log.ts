// Reading the audit log of administration: an administrator sees the acts on organisations and users within reach
// (a ministry admin all of them), newest first, a page at a time.
import { type AdminAction } from '@portfund/api-contract';
import { type Knex } from 'knex';
import { type User } from '../models/user';
import { type AuditDetail } from './admin-audit';
import { manageableOrgIds } from './users';

interface AuditRow {
  id: number | string;
  action: AdminAction;
  actor_id: number | null;
  actor_username: string | null;
  actor_display_name: string | null;
  target_user_id: number | null;
  target_username: string | null;
  target_org_id: number | null;
  target_org_name: string | null;
  details: Record<string, AuditDetail> | string;
  created_at: Date | string;
}

export interface AuditFilter {
  readonly action?: AdminAction | undefined;
  readonly limit: number;
  readonly offset: number;
}

export const auditPage = async (db: Knex, actor: User, filter: AuditFilter) => {
  const query = db('admin_audit as a');
  if (actor.role !== 'ministry') {
    const orgs = manageableOrgIds(db, actor);
    query.where((w) => w.whereIn('a.target_org_id', orgs.clone()).orWhereIn('a.target_user_id', db('users').select('id').whereIn('organization_id', orgs.clone())));
  }
  if (filter.action !== undefined) query.where('a.action', filter.action);
  const [count] = await query.clone().count<{ n: string | number }[]>('* as n');
  const rows = await query
    .leftJoin('users as actor', 'actor.id', 'a.actor_id')
    .leftJoin('users as target', 'target.id', 'a.target_user_id')
    .leftJoin('organizations as org', 'org.id', 'a.target_org_id')
    .orderBy([
      { column: 'a.created_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(filter.limit)
    .offset(filter.offset)
    .select<AuditRow[]>(
      'a.id',
      'a.action',
      'a.actor_id',
      'actor.username as actor_username',
      'actor.display_name as actor_display_name',
      'a.target_user_id',
      'target.username as target_username',
      'a.target_org_id',
      'org.name as target_org_name',
      'a.details',
      'a.created_at',
    );
  return {
    total: Number(count?.n ?? 0),
    entries: rows.map((r) => ({
      id: Number(r.id),
      action: r.action,
      actor: r.actor_id === null ? null : { id: r.actor_id, username: r.actor_username ?? '', displayName: r.actor_display_name },
      targetUser: r.target_user_id === null ? null : { id: r.target_user_id, username: r.target_username ?? '' },
      targetOrganization: r.target_org_id === null ? null : { id: r.target_org_id, name: r.target_org_name ?? '' },
      details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, AuditDetail>) : r.details,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
};
