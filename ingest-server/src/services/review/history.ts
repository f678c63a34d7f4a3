// The review history (審核歷程, seed 003): the submission, then every decision with who, role, opinion and time, oldest first;
// and what the caller may decide now.
import { HISTORY_ACTION_LABELS, type HistoryAction } from '@portfund/api-contract';
import { type Knex } from 'knex';
import { type Filing, type FilingStatus } from '../../models/filing';
import { type Role, type User } from '../../models/user';
import { latestFilingOf } from './decide';
import {
  ADVANCES,
  allowedDecisions,
  DECISION_LABELS,
  OPINION_REQUIRED,
  ROLE_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  type Decision,
} from './state-machine';

interface ActorRow {
  readonly user_id: number;
  readonly username: string;
  readonly display_name: string | null;
  readonly role: Role;
  readonly org_id: number;
  readonly org_name: string;
  readonly org_kind: string;
}

interface EventRow extends ActorRow {
  readonly id: string | number;
  readonly actor_role: Role;
  readonly decision: Exclude<HistoryAction, 'submit'>;
  readonly from_status: FilingStatus;
  readonly to_status: FilingStatus;
  readonly opinion: string;
  readonly acknowledged_errors: number | null;
  readonly created_at: Date | string;
}

const actorView = (r: ActorRow) => ({
  id: r.user_id,
  username: r.username,
  displayName: r.display_name,
  organization: { id: r.org_id, name: r.org_name, kind: r.org_kind },
});

export interface HistoryEntry {
  /** The review event id; null for the submission (the upload itself). */
  readonly id: number | null;
  readonly decision: HistoryAction;
  readonly decisionLabel: string;
  readonly actor: ReturnType<typeof actorView>;
  readonly role: Role;
  readonly roleLabel: string;
  readonly from: FilingStatus | null;
  readonly fromLabel: string | null;
  readonly to: FilingStatus;
  readonly toLabel: string;
  readonly opinion: string;
  readonly acknowledgedErrors: number | null;
  readonly at: string;
}

const ACTOR_COLUMNS = [
  'users.id as user_id',
  'users.username',
  'users.display_name',
  'users.role',
  'organizations.id as org_id',
  'organizations.name as org_name',
  'organizations.kind as org_kind',
];

/** The full history of one filing, the upload first. */
export const reviewHistory = async (db: Knex, filing: Filing): Promise<HistoryEntry[]> => {
  const uploader = await db('users')
    .join('organizations', 'organizations.id', 'users.organization_id')
    .where('users.id', filing.uploaded_by)
    .first<ActorRow>(ACTOR_COLUMNS);
  const events = await db('review_events')
    .join('users', 'users.id', 'review_events.actor_id')
    .join('organizations', 'organizations.id', 'users.organization_id')
    .where('review_events.filing_id', filing.id)
    .orderBy([{ column: 'review_events.created_at' }, { column: 'review_events.id' }])
    .select<EventRow[]>([
      'review_events.id',
      'review_events.actor_role',
      'review_events.decision',
      'review_events.from_status',
      'review_events.to_status',
      'review_events.opinion',
      'review_events.acknowledged_errors',
      'review_events.created_at',
      ...ACTOR_COLUMNS,
    ]);
  const submission: HistoryEntry = {
    id: null,
    decision: 'submit',
    decisionLabel: '提交',
    actor: actorView(uploader),
    role: uploader.role,
    roleLabel: ROLE_LABELS[uploader.role],
    from: null,
    fromLabel: null,
    to: 'submitted',
    toLabel: STATUS_LABELS.submitted,
    opinion: '',
    acknowledgedErrors: null,
    at: new Date(filing.uploaded_at).toISOString(),
  };
  return [
    submission,
    ...events.map(
      (e): HistoryEntry => ({
        id: Number(e.id),
        decision: e.decision,
        decisionLabel: HISTORY_ACTION_LABELS[e.decision] ?? e.decision,
        actor: actorView(e),
        role: e.actor_role,
        roleLabel: ROLE_LABELS[e.actor_role] ?? e.actor_role,
        from: e.from_status,
        fromLabel: STATUS_LABELS[e.from_status] ?? e.from_status,
        to: e.to_status,
        toLabel: STATUS_LABELS[e.to_status] ?? e.to_status,
        opinion: e.opinion,
        acknowledgedErrors: e.acknowledged_errors === null ? null : Number(e.acknowledged_errors),
        at: new Date(e.created_at).toISOString(),
      }),
    ),
  ];
};

export interface AllowedDecision {
  readonly decision: Decision;
  readonly label: string;
  readonly to: FilingStatus;
  readonly toLabel: string;
  readonly opinionRequired: boolean;
}

/** Where the filing stands, what the caller may decide now, the latest opinion and the full history. */
export const reviewSummary = async (db: Knex, user: User, filing: Filing) => {
  const history = await reviewHistory(db, filing);
  const latest = await latestFilingOf(db, filing);
  const latestVersion = latest.version;
  const superseded = latestVersion > filing.version;
  // a union takes back its own version while no reviewer has touched it (the submission is the only history entry)
  const mayWithdraw = user.role === 'union' && filing.status === 'submitted' && history.length === 1;
  const allowed = allowedDecisions(user.role, filing.status)
    .filter((d) => !(superseded && ADVANCES.has(d)))
    .map((d): AllowedDecision => {
      const to = TRANSITIONS[user.role][filing.status]?.[d] ?? filing.status;
      return { decision: d, label: DECISION_LABELS[d], to, toLabel: STATUS_LABELS[to], opinionRequired: OPINION_REQUIRED.has(d) };
    });
  const withOpinion = [...history].reverse().find((h) => h.id !== null && h.opinion !== '');
  return {
    filingId: filing.id,
    status: filing.status,
    statusLabel: STATUS_LABELS[filing.status],
    lockVersion: filing.lock_version,
    version: filing.version,
    latestVersion,
    superseded,
    latestFilingId: latest.id,
    errors: filing.errors,
    mayWithdraw,
    allowedDecisions: allowed,
    latestOpinion: withOpinion === undefined ? null : { decision: withOpinion.decision, decisionLabel: withOpinion.decisionLabel, opinion: withOpinion.opinion, actor: withOpinion.actor, at: withOpinion.at },
    history,
  };
};

export type ReviewSummary = Awaited<ReturnType<typeof reviewSummary>>;
