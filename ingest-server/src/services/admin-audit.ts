// The audit log of administration (issue 15): who created, changed, disabled, reset or unlocked whom, and when.
// Append-only (a database trigger refuses UPDATE and DELETE); written in the same transaction as the act it records.
import { type AdminAction } from '@portfund/api-contract';
import { type Knex } from 'knex';

/** A detail value: what changed, never a password, token or link. */
export type AuditDetail = string | number | boolean | null;

export interface AdminAuditEntry {
  /** The acting user (null: the first-run setup or the bootstrap variable). */
  readonly actorId: number | null;
  readonly action: AdminAction;
  readonly targetUserId?: number | undefined;
  readonly targetOrgId?: number | undefined;
  readonly details?: Readonly<Record<string, AuditDetail>>;
}

/** Records one administrative act; pass the transaction that makes the change so both happen or neither does. */
export const recordAdminAction = async (db: Knex, entry: AdminAuditEntry): Promise<void> => {
  await db('admin_audit').insert({
    actor_id: entry.actorId,
    action: entry.action,
    target_user_id: entry.targetUserId ?? null,
    target_org_id: entry.targetOrgId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  });
};
