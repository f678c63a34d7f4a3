// Table-driven rule tests on the application example: a case changes the example, names the findings it expects
// (code, sheet, cell, severity, and words the message must mention). Pure: the tests assert on what this returns.
import { checkWorkbook } from '../check/run';
import { APPLICATION_EXAMPLE } from './seed-examples';
import { buildSnapshot, type Fill, type FillValue, type SnapshotBuilderOptions } from './snapshot-builder';

export type Table = readonly (readonly FillValue[])[];
export type Expected = readonly [code: string, sheet: string, cell: string, severity: 'error' | 'warning', ...mentions: string[]];

export interface Case {
  readonly name: string;
  readonly fill: Fill;
  readonly cells?: SnapshotBuilderOptions['cells'];
  readonly expected: readonly Expected[];
}

/** The example's table with some cells changed: [row, column, value]. */
export const edit = (name: string, ...changes: (readonly [number, number, FillValue])[]): Table =>
  (APPLICATION_EXAMPLE[name] as Table).map((row, r) =>
    row.map((v, c) => {
      const change = changes.find(([cr, cc]) => cr === r && cc === c);
      return change === undefined ? v : change[2];
    }),
  );

export interface CaseOutcome {
  readonly findings: readonly (readonly [string, string | undefined, string | undefined, string])[];
  /** Expected words a finding's message does not mention. */
  readonly unmentioned: readonly string[];
}

/** Checks the changed example; compare with expectedOutcome(c). */
export const caseOutcome = (c: Case): CaseOutcome => {
  const snapshot = buildSnapshot('application', { ...APPLICATION_EXAMPLE, ...c.fill }, c.cells === undefined ? {} : { cells: c.cells });
  const findings = checkWorkbook(snapshot).findings;
  const unmentioned = c.expected.flatMap(([, , , , ...mentions], i) => mentions.filter((m) => findings[i]?.message.includes(m) !== true));
  return { findings: findings.map((f) => [f.code, f.sheet, f.cell, f.severity] as const), unmentioned };
};

export const expectedOutcome = (c: Case): CaseOutcome => ({
  findings: c.expected.map((e) => [e[0], e[1], e[2], e[3]] as const),
  unmentioned: [],
});
