// What check-phases-child.ts reports to check.bench.ts (kept apart so the parent never loads the child's modules).
// read = the checker's own xlsx reader (what checkFileBytes runs); exceljs = exceljs load + adapter, timed only for comparison
export const PHASES = ['gate', 'read', 'check', 'exceljs'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseSamples {
  /** Per phase, wall milliseconds of run 0 (cold, first in a fresh process) then runs 1…N (warm). */
  readonly phases: Record<Phase, number[]>;
  /** The same runs' CPU milliseconds (user + system, all threads of the process). */
  readonly cpu: Record<Phase, number[]>;
  /** checkFileBytes end to end, warm, N runs (after the phase runs). */
  readonly total: number[];
  readonly cells: number;
  readonly heapUsedMB: number;
  readonly maxRssKb: number;
}
