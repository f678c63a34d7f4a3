// The review state machine of SPEC §6 as data (seeds 000, 003): which role may take which decision from which status.
import { DECISION_LABELS, DECISIONS, OPINION_REQUIRED, ROLE_LABELS, STATUS_LABELS, type Decision } from '@portfund/api-contract';
import { type FilingStatus } from '../../models/filing';
import { type Role } from '../../models/user';

// the labels and the decisions are the API contract's (the UIs show them); the transitions are the server's own
export { DECISION_LABELS, DECISIONS, OPINION_REQUIRED, ROLE_LABELS, STATUS_LABELS, type Decision };

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

/** Decisions that move an outdated version forward are refused; closing one out (return, reject) is not. */
export const ADVANCES: ReadonlySet<Decision> = new Set<Decision>(['accept', 'approve']);

export type Judgement =
  | { readonly ok: true; readonly to: FilingStatus }
  | { readonly ok: false; readonly reason: 'role' | 'state'; readonly message: string };

const roleMayEver = (role: Role, decision: Decision): boolean =>
  Object.values(TRANSITIONS[role]).some((byDecision) => byDecision[decision] !== undefined);

/** Why `role` may not take `decision` on a filing in `status`, in zh-TW: the role, or the state and what is possible instead. */
export const judgementMessage = (role: Role, status: FilingStatus, decision: Decision): string => {
  if (role === 'union') return '工會帳號無法審核申報';
  if (!roleMayEver(role, decision)) return `${ROLE_LABELS[role]}無法「${DECISION_LABELS[decision]}」申報`;
  const possible = allowedDecisions(role, status).map((d) => `「${DECISION_LABELS[d]}」`);
  const hint = possible.length > 0 ? `，目前可${possible.join('或')}` : `，${ROLE_LABELS[role]}目前無法審核`;
  return `此申報目前為「${STATUS_LABELS[status]}」，無法「${DECISION_LABELS[decision]}」${hint}`;
};

/** Whether `role` may take `decision` on a filing in `status`: a role that never takes it is a 403, a wrong status a 409. */
export const judge = (role: Role, status: FilingStatus, decision: Decision): Judgement => {
  const to = TRANSITIONS[role][status]?.[decision];
  if (to !== undefined) return { ok: true, to };
  const reason = role === 'union' || !roleMayEver(role, decision) ? 'role' : 'state';
  return { ok: false, reason, message: judgementMessage(role, status, decision) };
};

/** The decisions `role` may take on a filing in `status`, in a stable order. */
export const allowedDecisions = (role: Role, status: FilingStatus): Decision[] => {
  const byDecision = TRANSITIONS[role][status] ?? {};
  return DECISIONS.filter((d) => byDecision[d] !== undefined);
};
