import { buildDefinition, MARK_ERROR, MARK_WARNING, marksLayout } from '@portfund/shared-rules';
import { markRuns, planMarks } from './marks-plan';

const layout = marksLayout(buildDefinition('cashbook').sheets);
const ledger = layout.blocks[0];

describe('planMarks', () => {
  it('maps a sheet cell to its block of _marks: same column, row + offset', () => {
    expect(ledger).toBeDefined();
    const sheet = ledger?.sheet ?? '';
    const plan = planMarks([{ sheet, cell: 'I20', severity: 'error' }], layout);
    expect([...plan]).toEqual([[`I${20 + (ledger?.offset ?? 0)}`, MARK_ERROR]]);
  });

  it('lets an error win over a warning on the same cell, whatever the order', () => {
    const sheet = ledger?.sheet ?? '';
    const a = planMarks([{ sheet, cell: 'C5', severity: 'warning' }, { sheet, cell: 'C5', severity: 'error' }], layout);
    const b = planMarks([{ sheet, cell: 'C5', severity: 'error' }, { sheet, cell: 'C5', severity: 'warning' }], layout);
    expect([...a.values()]).toEqual([MARK_ERROR]);
    expect([...b.values()]).toEqual([MARK_ERROR]);
  });

  it('marks formula cells as well as input cells (templates from 1.2 colour both)', () => {
    const sheet = buildDefinition('cashbook').sheets.find((s) => s.name === ledger?.sheet);
    const formulas = [...(sheet?.cells ?? new Map())].filter(([, spec]) => spec.kind === 'formula').map(([a1]) => a1);
    expect(formulas.length).toBeGreaterThan(0);
    const plan = planMarks(formulas.map((cell) => ({ sheet: sheet?.name ?? '', cell, severity: 'warning' as const })), layout);
    expect(plan.size).toBe(formulas.length);
    expect(new Set(plan.values())).toEqual(new Set([MARK_WARNING]));
  });

  it('skips findings without a cell or on sheets that have no block', () => {
    expect(planMarks([{ severity: 'error' }, { sheet: '參數表', cell: 'A3', severity: 'error' }, { sheet: ledger?.sheet ?? '', severity: 'warning' }], layout).size).toBe(0);
  });
});

describe('markRuns', () => {
  it('joins adjacent cells of a row into one write and keeps the rest apart', () => {
    const marks = new Map([
      ['C14', MARK_ERROR],
      ['A14', MARK_WARNING],
      ['B14', MARK_ERROR],
      ['B15', MARK_WARNING],
      ['E14', MARK_ERROR],
    ] as const);
    expect(markRuns(marks)).toEqual([
      { address: 'A14:C14', marks: [MARK_WARNING, MARK_ERROR, MARK_ERROR] },
      { address: 'E14', marks: [MARK_ERROR] },
      { address: 'B15', marks: [MARK_WARNING] },
    ]);
  });
});
