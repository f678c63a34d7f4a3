// One review decision (SPEC §6): optimistic locking on lock_version, then the status change, the history row and the
// notifications in one transaction — all of them or none.
import { type Knex } from 'knex';
import { Filing } from '../../models/filing';
import { Organization } from '../../models/organization';
import { ReviewEvent } from '../../models/review-event';
import { type User } from '../../models/user';
import {
  decisionForLocalGov,
  decisionForUnion,
  filingLabel,
  forwardedToMinistry,
  type DecisionFacts,
} from '../notifications/messages';
import { createNotifications, type NewNotification } from '../notifications/notifications';
import { ADVANCES, judge, type Decision } from './state-machine';
import { reconcileAround } from '../reconcile';
import { type Outcome, refuse } from '../result';

export interface DecisionInput {
  readonly decision: Decision;
  /** Trimmed; may be '' unless the decision needs an opinion (checked by the request schema). */
  readonly opinion: string;
  /** The lock_version the reviewer saw; a different current one means someone else decided first. */
  readonly lockVersion: number;
  /** The reviewer has read the filing's open errors and approves anyway (needed for 核准 while errors are open). */
  readonly acknowledgeErrors?: boolean | undefined;
}

/**
 * Decisions that need the open errors acknowledged: 核准, both the local government's (it forwards the filing to the
 * ministry, which then trusts the local review) and the ministry's (final). 受理 does not: taking a filing up is where
 * reading its errors starts, and 退回 / 否決 are what errors call for.
 */
export const NEEDS_ACKNOWLEDGEMENT: ReadonlySet<Decision> = new Set<Decision>(['approve']);

export type DecisionOutcome = Outcome<{ readonly filing: Filing; readonly event: ReviewEvent }>;

/** The newest version filed for the same union, kind and period: its id and version number. */
export const latestFilingOf = async (db: Knex | Knex.Transaction, filing: Filing): Promise<{ id: number; version: number }> => {
  const row = await db('filings')
    .where({ union_id: filing.union_id, kind: filing.kind, year: filing.year, quarter: filing.quarter })
    .orderBy('version', 'desc')
    .first<{ id: number; version: number } | undefined>('id', 'version');
  return row === undefined ? { id: filing.id, version: filing.version } : { id: Number(row.id), version: Number(row.version) };
};

/** The newest version number filed for the same union, kind and period. */
export const latestVersionOf = async (db: Knex | Knex.Transaction, filing: Filing): Promise<number> => {
  const row = await db('filings')
    .where({ union_id: filing.union_id, kind: filing.kind, year: filing.year, quarter: filing.quarter })
    .max<{ max: number | null }[]>('version as max');
  return Number(row[0]?.max ?? filing.version);
};

const notificationsFor = async (trx: Knex.Transaction, user: User, filing: Filing, event: ReviewEvent): Promise<NewNotification[]> => {
  const union = await Organization.query(trx).findById(filing.union_id).throwIfNotFound();
  const local = union.parent_id === null ? undefined : await Organization.query(trx).findById(union.parent_id);
  const decider = await Organization.query(trx).findById(user.organization_id).throwIfNotFound();
  const facts: DecisionFacts = {
    filing: filingLabel(filing),
    unionName: union.name,
    localGovName: local?.name ?? '地方主管機關',
    deciderName: decider.name,
    deciderRole: user.role === 'ministry' ? 'ministry' : 'local_gov',
    from: event.from_status as Filing['status'],
    to: event.to_status as Filing['status'],
    opinion: event.opinion,
  };
  const note = (organizationId: number, text: { title: string; message: string }): NewNotification => ({
    organizationId,
    filingId: filing.id,
    kind: 'review',
    ...text,
    dedupeKey: `review:${event.id}:${organizationId}`,
  });
  const rows = [note(union.id, decisionForUnion(facts))];
  if (user.role === 'ministry' && local !== undefined) rows.push(note(local.id, decisionForLocalGov(facts)));
  if (facts.to === 'ministry_review') {
    const ministries = await Organization.query(trx).where('kind', 'ministry').orderBy('id');
    for (const m of ministries) rows.push(note(m.id, forwardedToMinistry(facts)));
  }
  return rows;
};

/** Takes `user`'s decision on `filing` (already loaded within the user's scope). */
export const decideReview = async (db: Knex, user: User, filing: Filing, input: DecisionInput): Promise<DecisionOutcome> => {
  const judgement = judge(user.role, filing.status, input.decision);
  const judged = { role: user.role, status: filing.status, decision: input.decision };
  if (!judgement.ok && judgement.reason === 'role') return refuse('review.role_forbidden', judged);
  if (input.lockVersion !== filing.lock_version) return refuse('review.stale');
  if (!judgement.ok) return refuse('review.wrong_state', judged);
  const mustAcknowledge = NEEDS_ACKNOWLEDGEMENT.has(input.decision) && filing.errors > 0;
  if (mustAcknowledge && input.acknowledgeErrors !== true) return refuse('review.errors_unacknowledged', { errors: filing.errors });
  if (ADVANCES.has(input.decision)) {
    const latest = await latestVersionOf(db, filing);
    if (latest > filing.version) return refuse('review.superseded', { latest });
  }
  return db.transaction(async (trx) => {
    // the status check guards too: a changed status always comes with a changed lock_version, but say so explicitly
    // the error count the reviewer saw must still be the filing's: reconciliation may have added errors meanwhile
    const updated = await trx('filings')
      .where({ id: filing.id, lock_version: input.lockVersion, status: filing.status, ...(mustAcknowledge ? { errors: filing.errors } : {}) })
      .update({ status: judgement.to, lock_version: trx.raw('lock_version + 1') })
      .returning('id');
    if (updated.length === 0) return refuse('review.stale');
    const event = await ReviewEvent.query(trx).insertAndFetch({
      filing_id: filing.id,
      actor_id: user.id,
      actor_role: user.role,
      decision: input.decision,
      from_status: filing.status,
      to_status: judgement.to,
      opinion: input.opinion,
      acknowledged_errors: mustAcknowledge ? filing.errors : null,
    });
    const after = await Filing.query(trx).findById(filing.id).throwIfNotFound();
    // a rejected version stops being its period's current one: what is reconciled against it changes
    if (judgement.to === 'rejected') await reconcileAround(trx, after, 'rejected');
    await createNotifications(trx, await notificationsFor(trx, user, after, event));
    return { ok: true as const, filing: after, event };
  });
};
