// The review state machine of SPEC §6 as data (seeds 000, 003): which role may take which decision from which status.
import { type FilingStatus } from '../../models/filing';
import { type Role } from '../../models/user';

export const DECISIONS = ['accept', 'approve', 'return', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

type Transitions = Readonly<Partial<Record<FilingStatus, Readonly<Partial<Record<Decision, FilingStatus>>>>>>;

/** role → from status → decision → to status. Anything not listed is refused. */
export const TRANSITIONS: Readonly<Record<Role, Transitions>> = {
  local_gov: {
    submitted: { accept: 'local_review' },
    local_review: { approve: 'ministry_review', return: 'returned', reject: 'rejected' },
    // the ministry sent it back to the local government: forward it again or send it back to the union
    ministry_returned: { approve: 'ministry_review', return: 'returned' },
  },
  ministry: {
    ministry_review: { approve: 'approved', return: 'ministry_returned' },
  },
  union: {},
};

/** Decisions that need a written opinion (the applicant must know what to fix). */
export const OPINION_REQUIRED: ReadonlySet<Decision> = new Set<Decision>(['return', 'reject']);

/** Decisions that move an outdated version forward are refused; closing one out (return, reject) is not. */
export const ADVANCES: ReadonlySet<Decision> = new Set<Decision>(['accept', 'approve']);

export const STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  submitted: '已提交',
  local_review: '地方審核中',
  ministry_review: '部審核中',
  approved: '核准',
  returned: '退回申請人',
  ministry_returned: '勞動部退回',
  rejected: '否決',
};

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  accept: '受理',
  approve: '核准',
  return: '退回',
  reject: '否決',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  union: '工會',
  local_gov: '地方主管機關',
  ministry: '勞動部',
};

export type Judgement =
  | { readonly ok: true; readonly to: FilingStatus }
  | { readonly ok: false; readonly reason: 'role' | 'state'; readonly message: string };

const roleMayEver = (role: Role, decision: Decision): boolean =>
  Object.values(TRANSITIONS[role]).some((byDecision) => byDecision[decision] !== undefined);

/** Whether `role` may take `decision` on a filing in `status`: a role that never takes it is a 403, a wrong status a 409. */
export const judge = (role: Role, status: FilingStatus, decision: Decision): Judgement => {
  const to = TRANSITIONS[role][status]?.[decision];
  if (to !== undefined) return { ok: true, to };
  if (role === 'union') return { ok: false, reason: 'role', message: '工會帳號無法審核申報' };
  if (!roleMayEver(role, decision)) return { ok: false, reason: 'role', message: `${ROLE_LABELS[role]}無法「${DECISION_LABELS[decision]}」申報` };
  const possible = allowedDecisions(role, status).map((d) => `「${DECISION_LABELS[d]}」`);
  const hint = possible.length > 0 ? `，目前可${possible.join('或')}` : `，${ROLE_LABELS[role]}目前無法審核`;
  return { ok: false, reason: 'state', message: `此申報目前為「${STATUS_LABELS[status]}」，無法「${DECISION_LABELS[decision]}」${hint}` };
};

/** The decisions `role` may take on a filing in `status`, in a stable order. */
export const allowedDecisions = (role: Role, status: FilingStatus): Decision[] => {
  const byDecision = TRANSITIONS[role][status] ?? {};
  return DECISIONS.filter((d) => byDecision[d] !== undefined);
};
