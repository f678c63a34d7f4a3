// A new version closes the older ones of its period that are still waiting for a reviewer: they become 已被取代
// (superseded), each with a history row, and leave the worklist; final ones (approved, returned, rejected) stay as they
// are. Then the union's local government is told about the new version. Runs inside the upload's transaction, under
// the per-period lock.
import { SUPERSEDABLE_STATUSES } from '@portfund/api-contract';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';
import { type Organization } from '../../models/organization';
import { ReviewEvent } from '../../models/review-event';
import { type User } from '../../models/user';
import { filingLabel, submittedForLocalGov } from '../notifications/messages';
import { createNotifications } from '../notifications/notifications';

/** Closes the open older versions of `filing`'s period; answers their version numbers, oldest first. */
export const supersedeOlderVersions = async (trx: Knex.Transaction, user: User, filing: Filing): Promise<number[]> => {
  const older = await trx('filings')
    .where({ union_id: filing.union_id, kind: filing.kind, year: filing.year, quarter: filing.quarter })
    .where('version', '<', filing.version)
    .whereIn('status', SUPERSEDABLE_STATUSES)
    .orderBy('version')
    .forUpdate()
    .select<{ id: number; version: number; status: string }[]>('id', 'version', 'status');
  for (const o of older) {
    await trx('filings')
      .where('id', o.id)
      .update({ status: 'superseded', lock_version: trx.raw('lock_version + 1') });
    // the upload that closed it is the act recorded: by its uploader, naming the new version
    await ReviewEvent.query(trx).insert({
      filing_id: o.id,
      actor_id: user.id,
      actor_role: user.role,
      decision: 'supersede',
      from_status: o.status,
      to_status: 'superseded',
      opinion: `由第 ${filing.version} 版取代`,
      acknowledged_errors: null,
    });
  }
  return older.map((o) => Number(o.version));
};

/** Tells the union's local government that the union filed a new version (a local government's own upload needs no notice). */
export const notifySubmission = async (trx: Knex.Transaction, user: User, union: Organization, filing: Filing, superseded: readonly number[]): Promise<void> => {
  if (user.role !== 'union' || union.parent_id === null) return;
  const text = submittedForLocalGov({ unionName: union.name, filing: filingLabel(filing), errors: filing.errors, warnings: filing.warnings, superseded });
  await createNotifications(trx, [{ organizationId: union.parent_id, filingId: filing.id, kind: 'submission', ...text, dedupeKey: `submission:${filing.id}:${union.parent_id}` }]);
};
