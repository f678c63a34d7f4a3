// The core property of incremental re-checking: after any sequence of edits its findings are exactly checkWorkbook's on the
// same workbook state — ledger edits re-checked by rows, header, formula and other edits in full.
import { checkWorkbook } from '../check/run';
import { buildDefinition } from '../definition/build';
import { definedNames } from '../definition/names';
import { CB_CELLS, CB_FIRST_ENTRY_ROW, CB_SHEET } from '../definition/cashbook/ledger-sheet';
import { type SnapshotCell, type WorkbookSnapshot } from '../snapshot/types';
import { APPLICATION_EXAMPLE, CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '../testing/seed-examples';
import { buildSnapshot } from '../testing/snapshot-builder';
import { type CellPatch, startIncrementalCheck } from './recheck';
import { allCashbookRulesClassified } from './rule-classes';

const FILE = '11512_04595257_accounting.xlsx';

/** An independent copy, so the reference check never shares a Map with the incremental one. */
const copy = (s: WorkbookSnapshot): WorkbookSnapshot => ({ sheets: s.sheets.map((x) => ({ ...x, cells: new Map(x.cells) })), names: s.names });

const apply = (s: WorkbookSnapshot, patches: readonly CellPatch[]): void => {
  for (const p of patches) {
    const cells = s.sheets.find((x) => x.name === p.sheet)?.cells as Map<string, SnapshotCell> | undefined;
    if (p.value === null) cells?.delete(p.cell);
    else cells?.set(p.cell, p.value);
  }
};

/** A deterministic pseudo-random sequence (a test that fails must fail the same way again). */
const random = (seed: number) => {
  let s = seed;
  return (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
};

const at = (column: string, row: number): string => `${column}${row}`;
const ledger = (cell: string, v: SnapshotCell['v'] | undefined): CellPatch => ({ sheet: CB_SHEET, cell, value: v === undefined ? null : { v } });

/** Edits of every kind a user makes, by name, for entry row `row` of a book whose last used row is `last`. */
const EDITS: Record<string, (row: number, last: number, pick: (n: number) => number) => CellPatch[]> = {
  amount: (row, _l, pick) => [ledger(at('I', row), [5, 1200, 9_000_000, '２０００', -3, 'abc'][pick(6)])],
  month: (row, _l, pick) => [ledger(at('A', row), [1, 6, 12, 13, 2][pick(5)])],
  day: (row, _l, pick) => [ledger(at('B', row), [1, 29, 31, 15][pick(4)])],
  voucher: (row, _l, pick) => [ledger(at('D', row), ['1', '2', '8', '99', '１２'][pick(5)])],
  code: (row, _l, pick) => [ledger(at('F', row), ['6-1', '1', '3-2-1', '9-9', '2'][pick(5)])],
  zi: (row, _l, pick) => [ledger(at('C', row), ['收', '支', '轉', '借'][pick(4)])],
  account: (row, _l, pick) => [ledger(at('K', row), ['零用金', '專戶存款1', '專戶存款2', '定期存款', '現金'][pick(5)])],
  category: (row, _l, pick) => [ledger(at('J', row), ['分配款', '結餘款', undefined, '利息收入'][pick(4)])],
  person: (row, _l, pick) => [ledger(at('H', row), ['王大同', '王大同（家屬）', undefined, '林小美'][pick(4)])],
  clearRow: (row) => ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'J', 'K'].map((c) => ledger(at(c, row), undefined)),
  newRow: (_r, last, pick) => {
    const row = last + 1 + pick(3);
    return [
      ledger(at('A', row), 12),
      ledger(at('B', row), 30),
      ledger(at('C', row), '支'),
      ledger(at('D', row), String(100 + pick(50))),
      ledger(at('E', row), '3、職災保險或慰問金'),
      ledger(at('F', row), '3-2-1'),
      ledger(at('H', row), '王大同'),
      ledger(at('I', row), [3000, 30000][pick(2)]),
      ledger(at('J', row), '結餘款'),
      ledger(at('K', row), '零用金'),
    ];
  },
  header: (_r, _l, pick) => [ledger([CB_CELLS.year, CB_CELLS.period, CB_CELLS.openPetty, CB_CELLS.ubn][pick(4)] ?? CB_CELLS.year, ['115', 6, 100, '12345678'][pick(4)])],
  overwriteBalance: (row, _l, pick) => [ledger(at(['L', 'M', 'P'][pick(3)] ?? 'M', row), 123)],
  typedFormula: (row) => [{ sheet: CB_SHEET, cell: at('I', row), value: { v: 300, f: '100*3' } }],
  restoreAmount: (row) => [ledger(at('I', row), 1000)],
};

const entriesOf = (n: number) => Array.from({ length: n }, (_, i) => [...(CASHBOOK_ENTRIES[i % CASHBOOK_ENTRIES.length] ?? [])].map((v, c) => (c === 3 ? i + 1 : v)));

describe('incremental re-check', () => {
  it('classifies every cash-book rule once', () => {
    expect(allCashbookRulesClassified()).toBe(true);
  });

  it.each([
    ['ledger edits only', ['amount', 'month', 'day', 'voucher', 'code', 'zi', 'account', 'category', 'person', 'clearRow', 'newRow'], 1],
    ['every kind of edit, header and formulas included', Object.keys(EDITS), 2],
  ])('finds exactly what a full check finds after each of 25 edits: %s', (_name, kinds, seed) => {
    const initial = buildSnapshot('cashbook', { ...CASHBOOK_EXAMPLE, cb_entries: entriesOf(60) });
    const reference = copy(initial);
    const check = startIncrementalCheck(initial, { fileName: FILE });
    expect(check.result).toEqual(checkWorkbook(reference, { fileName: FILE }));
    const pick = random(seed);
    const modes = new Set<string>();
    let last = CB_FIRST_ENTRY_ROW + 59;
    for (let i = 0; i < 25; i += 1) {
      const kind = kinds[pick(kinds.length)] ?? 'amount';
      const patches = (EDITS[kind] ?? EDITS.amount)?.(CB_FIRST_ENTRY_ROW + pick(last - CB_FIRST_ENTRY_ROW + 1), last, pick) ?? [];
      if (kind === 'newRow') last = Math.max(last, ...patches.map((p) => Number(p.cell.slice(1))));
      apply(reference, patches);
      const { result, mode } = check.update(patches);
      modes.add(mode);
      expect([kind, result]).toEqual([kind, checkWorkbook(reference, { fileName: FILE })]);
    }
    expect(modes.has('rows')).toBe(true);
  });

  it('re-checks a ledger edit by rows and a header edit in full', () => {
    const check = startIncrementalCheck(buildSnapshot('cashbook', CASHBOOK_EXAMPLE), { fileName: FILE });
    expect(check.update([ledger('I18', 9_000_000)]).mode).toBe('rows');
    expect(check.result.findings.map((f) => f.code)).toContain('ledger.negative_balance');
    expect(check.update([ledger(CB_CELLS.openPetty, 10_000_000)]).mode).toBe('full');
    expect(check.update([ledger('I18', 2000)]).mode).toBe('rows');
    expect(check.result).toEqual(checkWorkbook(check.snapshot(), { fileName: FILE }));
  });

  it('checks an application in full after every edit', () => {
    const check = startIncrementalCheck(buildSnapshot('application', APPLICATION_EXAMPLE), {});
    const members = definedNames(buildDefinition('application')).get('app_members');
    const patch: CellPatch = { sheet: members?.sheet ?? '', cell: members?.ref ?? '', value: { v: '３８５' } };
    expect(check.update([patch]).mode).toBe('full');
    expect(check.result).toEqual(checkWorkbook(check.snapshot()));
    expect(check.result.findings.map((f) => f.code)).toContain('cell.fullwidth');
  });
});
