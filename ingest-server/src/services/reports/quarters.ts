// The four quarters of a reporting year and how their filing standing is labelled in reports (decided in ../deadlines.ts).
import { type DeadlineState } from '../deadlines';

export type Quarter = 1 | 2 | 3 | 4;

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  on_time: '準時',
  late: '逾期',
  missing: '未申報',
  returned: '退回',
  not_due: '未到期',
};
