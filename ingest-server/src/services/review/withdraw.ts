// A union takes back (撤回) a version of its own that no reviewer has taken up yet: status, history row, reconciliation
// and the local government's notice in one transaction. The union may then upload again.
import { type Knex } from 'knex';
import { Filing } from '../../models/filing';
import { Organization } from '../../models/organization';
import { ReviewEvent } from '../../models/review-event';
import { type User } from '../../models/user';
import { filingLabel, withdrawnForLocalGov } from '../notifications/messages';
import { createNotifications } from '../notifications/notifications';
import { reconcileAround } from '../reconcile';
import { type Outcome, refuse } from '../result';

export type WithdrawOutcome = Outcome<{ readonly filing: Filing; readonly event: ReviewEvent }>;

/** Withdraws `filing` (already loaded within the union's scope) if it is still 已提交 and untouched by reviewers. */
export const withdrawFiling = async (db: Knex, user: User, filing: Filing, lockVersion: number): Promise<WithdrawOutcome> => {
  if (user.role !== 'union') return refuse('filing.withdraw_union_only');
  if (lockVersion !== filing.lock_version) return refuse('review.stale');
  if (filing.status !== 'submitted') return refuse('filing.withdraw_taken_up', { status: filing.status });
  return db.transaction(async (trx) => {
    const updated = await trx('filings')
      .where({ id: filing.id, lock_version: lockVersion, status: 'submitted' })
      // no reviewer has recorded anything on it (a decision always changes the status too; say it anyway)
      .whereNotExists(trx('review_events').where('review_events.filing_id', filing.id))
      .update({ status: 'withdrawn', lock_version: trx.raw('lock_version + 1') })
      .returning('id');
    if (updated.length === 0) return refuse('review.stale');
    const event = await ReviewEvent.query(trx).insertAndFetch({
      filing_id: filing.id,
      actor_id: user.id,
      actor_role: user.role,
      decision: 'withdraw',
      from_status: 'submitted',
      to_status: 'withdrawn',
      opinion: '',
      acknowledged_errors: null,
    });
    const after = await Filing.query(trx).findById(filing.id).throwIfNotFound();
    // the withdrawn version stops being its period's current one: what is reconciled against it changes
    await reconcileAround(trx, after, 'withdrawn');
    const union = await Organization.query(trx).findById(filing.union_id).throwIfNotFound();
    if (union.parent_id !== null) {
      await createNotifications(trx, [
        {
          organizationId: union.parent_id,
          filingId: filing.id,
          kind: 'submission',
          ...withdrawnForLocalGov({ unionName: union.name, filing: filingLabel(after) }),
          dedupeKey: `withdraw:${event.id}:${union.parent_id}`,
        },
      ]);
    }
    return { ok: true as const, filing: after, event };
  });
};
