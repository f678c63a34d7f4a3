// Incremental re-checking through the Office.js adapter on office-addin-mock, over a real generated cash book: after each
// edit only the edited range is read, in one context.sync() whatever the book's size, and the findings are exactly those of
// reading the whole workbook again and checking it in full — for ledger edits, header edits and changes of structure.
import { type CheckResult, INSTRUCTIONS_SHEET } from '@portfund/shared-rules';
import { runCheck } from '../src/check/run-check';
import { createCheckSession, type CheckSession } from '../src/check/session';
import { officeHost } from '../src/office';
import { readWorkbookSnapshot } from '../src/office/snapshot';
import { cashbookOfEntries, CASHBOOK_FILE } from './fixtures';
import { fakeOffice, installHost, uninstallHost } from './install-host';
import { mockExcel, type MockExcel } from './mock-excel';
import { cachedOfficeModel } from './office-model/cached-model';
import { type OfficeScalar, type OfficeWorkbookModel, valueTypeOf } from './office-model/model';

const LEDGER = '現金收支登記簿';

let model: OfficeWorkbookModel;
let mock: MockExcel;
let session: CheckSession;

beforeAll(async () => {
  model = await cachedOfficeModel(await cashbookOfEntries(100), CASHBOOK_FILE);
  mock = mockExcel(model);
  installHost(mock, fakeOffice(CASHBOOK_FILE));
  session = createCheckSession(officeHost);
  session.setWatching(true);
}, 120_000);
afterAll(uninstallHost);

/** A user edit: the cell changes in the workbook and onChanged reports its address. */
const edit = (sheet: string, cell: string, value: OfficeScalar, changeType = 'RangeEdited'): void => {
  const cells = mock.model.sheets.find((s) => s.name === sheet)?.cells;
  if (cells === undefined) throw new Error(`no sheet ${sheet}`);
  if (value === '') delete cells[cell];
  else cells[cell] = { value, valueType: valueTypeOf(value) };
  session.noteChange({ sheet, address: cell, changeType });
};

/** Reads the whole workbook again and checks it in full: what the incremental check must equal. */
const fullCheck = async (): Promise<CheckResult> => runCheck(await readWorkbookSnapshot(), CASHBOOK_FILE).result;

const checked = async () => {
  mock.resetCounts();
  const done = await session.check(CASHBOOK_FILE);
  return { ...done, syncs: mock.syncs(), ranges: mock.rangeRequests.length };
};

describe('re-checking after edits in Excel', () => {
  it('reads the whole workbook once, then only the edited cells in one context.sync() per edit, finding what a full check finds', async () => {
    const first = await checked();
    expect([first.read, first.syncs]).toEqual(['full', 4]);
    expect(first.check.result).toEqual(await fullCheck());

    // row 20 of the ledger: 金額 so large the petty cash goes negative, then a duplicate voucher, then a cleared row
    const steps: [string, OfficeScalar][] = [
      ['I20', 9_000_000],
      ['D21', '3'],
      ['A22', 13],
      ['I20', 5],
      ['H30', '王大同（家屬）'],
      ['D21', ''],
    ];
    const codes = new Set<string>();
    for (const [cell, value] of steps) {
      edit(LEDGER, cell, value);
      const again = await checked();
      expect([cell, again.read, again.mode, again.syncs, again.ranges]).toEqual([cell, 'changes', 'rows', 1, 1]);
      expect(again.check.result).toEqual(await fullCheck());
      again.check.result.findings.forEach((f) => codes.add(f.code));
    }
    expect([...codes]).toEqual(expect.arrayContaining(['ledger.negative_balance', 'ledger.voucher_duplicate', 'cell.required']));
  }, 120_000);

  it('re-checks a header edit in full from the one range read', async () => {
    edit(LEDGER, 'C4', '114');
    const again = await checked();
    expect([again.read, again.mode, again.syncs]).toEqual(['changes', 'full', 1]);
    expect(again.check.result).toEqual(await fullCheck());
    edit(LEDGER, 'C4', '115');
    expect((await checked()).check.result).toEqual(await fullCheck());
  }, 120_000);

  it('gathers the edits made while it waited into the same single read', async () => {
    edit(LEDGER, 'I25', 70);
    edit(LEDGER, 'I26', 80);
    edit(LEDGER, 'D40', '7');
    const again = await checked();
    expect([again.read, again.syncs, again.ranges]).toEqual(['changes', 1, 3]);
    expect(again.check.result).toEqual(await fullCheck());
  }, 120_000);

  it('reads a pasted block larger than 20,000 cells with the whole workbook, and nothing of a sheet the rules never read', async () => {
    session.noteChange({ sheet: LEDGER, address: 'A14:K2000', changeType: 'RangeEdited' });
    const pasted = await checked();
    // refused before any round trip: then the four of a whole read with formulas
    expect([pasted.read, pasted.syncs]).toEqual(['full', 4]);
    expect(pasted.check.result).toEqual(await fullCheck());
    edit(INSTRUCTIONS_SHEET, 'B3', '備註');
    const instructions = await checked();
    expect([instructions.read, instructions.syncs, instructions.ranges]).toEqual(['changes', 1, 0]);
    expect(instructions.check.result).toEqual(await fullCheck());
  }, 120_000);

  it('reads the whole workbook again after rows were inserted or deleted', async () => {
    edit(LEDGER, 'A30', 12, 'RowInserted');
    const again = await checked();
    expect([again.read, again.syncs]).toEqual(['full', 4]);
    expect(again.check.result).toEqual(await fullCheck());
  }, 120_000);

  it('reads the whole workbook again when the names changed, and values only when asked to re-check with nothing edited', async () => {
    const clone = structuredClone(mock.model);
    const moved = { ...clone, names: clone.names.map((n) => (n.name === 'cb_entries' ? { ...n, value: n.value.replace(/\$A\$14/, '$A$15') } : n)) };
    expect(moved.names).not.toEqual(clone.names);
    const before = mock;
    mock = mockExcel(moved);
    installHost(mock, fakeOffice(CASHBOOK_FILE));
    edit(LEDGER, 'I20', 6);
    const again = await checked();
    // the edit's one read saw the names differ: then the four of a whole read with formulas
    expect([again.read, again.syncs]).toEqual(['full', 1 + 4]);
    expect(again.check.result).toEqual(await fullCheck());
    expect(again.check.result.findings.map((f) => f.code)).toContain('template.structure');

    mock = before;
    installHost(mock, fakeOffice(CASHBOOK_FILE));
    const byHand = await checked();
    // the names are back as they were: a change of structure again, so formulas are read too
    expect(byHand.read).toBe('full');
    expect(mock.rangeLoads.filter((props) => props.includes('formulas')).length).toBe(mock.rangeLoads.length / 2);
    const once = await checked();
    expect([once.read, once.syncs]).toEqual(['values', 3]);
    expect(mock.rangeLoads.length).toBeGreaterThan(0);
    expect(mock.rangeLoads.filter((props) => props.includes('formulas'))).toEqual([]);
    expect(once.check.result).toEqual(await fullCheck());
  }, 120_000);

  it('reads formulas on every re-check when the host has no change events (an edit may have gone unseen)', async () => {
    const unwatched = createCheckSession(officeHost);
    for (let i = 0; i < 2; i += 1) {
      mock.resetCounts();
      const done = await unwatched.check(CASHBOOK_FILE);
      expect([done.read, mock.syncs()]).toEqual(['full', 4]);
      expect(mock.rangeLoads.filter((props) => props.includes('formulas')).length).toBe(mock.rangeLoads.length / 2);
    }
  }, 120_000);
});

describe('a formula the user edited', () => {
  const at = (result: CheckResult) => result.findings.filter((f) => f.code === 'template.structure').map((f) => `${f.sheet ?? ''}!${f.cell ?? ''}`);

  it('is found at open (formula text read once, apart from the values), after an edit and by hand — the text never read again', async () => {
    const before = mock;
    const edited = structuredClone(before.model);
    const ledger = edited.sheets.find((s) => s.name === LEDGER);
    const n20 = ledger?.cells.N20;
    if (ledger === undefined || n20?.formula === undefined) throw new Error('N20 holds no formula');
    ledger.cells.N20 = { ...n20, formula: '=N19+1' };
    mock = mockExcel(edited);
    installHost(mock, fakeOffice(CASHBOOK_FILE));
    try {
      const fresh = createCheckSession(officeHost);
      fresh.setWatching(true);
      const run = async () => {
        mock.resetCounts();
        const done = await fresh.check(CASHBOOK_FILE);
        return { ...done, syncs: mock.syncs(), formulaLoads: mock.rangeLoads.filter((p) => p === 'formulas').length };
      };
      const open = await run();
      expect([open.read, open.syncs, open.formulaLoads > 0]).toEqual(['full', 4, true]);
      expect(at(open.check.result)).toContain(`${LEDGER}!N20`);
      expect(open.check.result).toEqual(await fullCheck());

      // a value edited elsewhere: only that cell is read, and the edited formula is still reported
      const cells = ledger.cells;
      cells.I25 = { value: 70, valueType: 'Integer' };
      fresh.noteChange({ sheet: LEDGER, address: 'I25', changeType: 'RangeEdited' });
      const afterEdit = await run();
      expect([afterEdit.read, afterEdit.syncs, afterEdit.formulaLoads]).toEqual(['changes', 1, 0]);
      expect(at(afterEdit.check.result)).toContain(`${LEDGER}!N20`);
      expect(afterEdit.check.result).toEqual(await fullCheck());

      // a second formula edited: the edit's read brings its formula text
      const m30 = cells.M30;
      if (m30?.formula === undefined) throw new Error('M30 holds no formula');
      cells.M30 = { ...m30, formula: '=0' };
      fresh.noteChange({ sheet: LEDGER, address: 'M30', changeType: 'RangeEdited' });
      const formulaEdit = await run();
      expect([formulaEdit.read, formulaEdit.syncs]).toEqual(['changes', 1]);
      expect(at(formulaEdit.check.result)).toEqual(expect.arrayContaining([`${LEDGER}!N20`, `${LEDGER}!M30`]));
      expect(formulaEdit.check.result).toEqual(await fullCheck());

      // by hand with every edit seen: values only, both still reported
      const byHand = await run();
      expect([byHand.read, byHand.syncs, byHand.formulaLoads]).toEqual(['values', 3, 0]);
      expect(at(byHand.check.result)).toEqual(expect.arrayContaining([`${LEDGER}!N20`, `${LEDGER}!M30`]));
      expect(byHand.check.result).toEqual(await fullCheck());
    } finally {
      mock = before;
      installHost(mock, fakeOffice(CASHBOOK_FILE));
    }
  }, 120_000);
});
