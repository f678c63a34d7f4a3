// The four quarters of a reporting year and how their filing standing is labelled in reports (decided in ../deadlines.ts).
import { DEADLINE_STATE_LABELS as LABELS } from '@portfund/api-contract';
import { type DeadlineState } from '../deadlines';

export type Quarter = 1 | 2 | 3 | 4;

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

// the words live in the API contract (the console shows them too); the type keeps them in step with the deadlines
export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = LABELS;
