// The review state machine as a table: every (role, status, decision) is either the one allowed transition or refused,
// a role that never takes a decision with 403, a wrong status with 409.
import { type FilingStatus } from '../../models/filing';
import { type Role } from '../../models/user';
import { allowedDecisions, DECISIONS, judge, STATUS_LABELS, type Decision } from './state-machine';

const STATUSES = Object.keys(STATUS_LABELS) as FilingStatus[];
const ROLES: Role[] = ['union', 'local_gov', 'ministry'];

const ALLOWED: readonly [Role, FilingStatus, Decision, FilingStatus][] = [
  ['local_gov', 'submitted', 'accept', 'local_review'],
  ['local_gov', 'local_review', 'approve', 'ministry_review'],
  ['local_gov', 'local_review', 'return', 'returned'],
  ['local_gov', 'local_review', 'reject', 'rejected'],
  ['local_gov', 'ministry_returned', 'approve', 'ministry_review'],
  ['local_gov', 'ministry_returned', 'return', 'returned'],
  ['ministry', 'ministry_review', 'approve', 'approved'],
  ['ministry', 'ministry_review', 'return', 'ministry_returned'],
];

const allowedTo = (role: Role, status: FilingStatus, decision: Decision): FilingStatus | undefined =>
  ALLOWED.find(([r, s, d]) => r === role && s === status && d === decision)?.[3];

describe('judge', () => {
  const cases = ROLES.flatMap((role) => STATUSES.flatMap((status) => DECISIONS.map((decision) => [role, status, decision] as const)));

  it.each(cases)('%s on %s: %s', (role, status, decision) => {
    const to = allowedTo(role, status, decision);
    const j = judge(role, status, decision);
    if (to !== undefined) {
      expect(j).toEqual({ ok: true, to });
      return;
    }
    expect(j.ok).toBe(false);
    if (j.ok) return;
    const roleNeverDecides = role === 'union' || (role === 'ministry' && (decision === 'accept' || decision === 'reject'));
    expect(j.reason).toBe(roleNeverDecides ? 'role' : 'state');
    if (j.reason === 'state') expect(j.message).toContain(`「${STATUS_LABELS[status]}」`);
  });

  it('names the state and what is possible instead', () => {
    expect(judge('local_gov', 'submitted', 'approve')).toEqual({ ok: false, reason: 'state', message: '此申報目前為「已提交」，無法「核准」，目前可「受理」' });
    expect(judge('local_gov', 'approved', 'return')).toMatchObject({ message: '此申報目前為「核准」，無法「退回」，地方主管機關目前無法審核' });
    expect(judge('union', 'submitted', 'accept')).toMatchObject({ reason: 'role', message: '工會帳號無法審核申報' });
    expect(judge('ministry', 'ministry_review', 'reject')).toMatchObject({ reason: 'role', message: '勞動部無法「否決」申報' });
  });
});

describe('allowedDecisions', () => {
  it('lists exactly the allowed transitions of a role and status', () => {
    for (const role of ROLES) {
      for (const status of STATUSES) {
        expect(allowedDecisions(role, status)).toEqual(DECISIONS.filter((d) => allowedTo(role, status, d) !== undefined));
      }
    }
  });

  it('leaves approved and rejected final, and nothing for unions', () => {
    for (const role of ROLES) {
      expect(allowedDecisions(role, 'approved')).toEqual([]);
      expect(allowedDecisions(role, 'rejected')).toEqual([]);
      expect(allowedDecisions(role, 'returned')).toEqual([]);
    }
    for (const status of STATUSES) expect(allowedDecisions('union', status)).toEqual([]);
  });
});
