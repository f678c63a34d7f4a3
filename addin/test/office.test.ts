// Marks, navigation, change events and the file reader against office-addin-mock over a generated workbook.
import { MARK_ERROR, MARKS_SHEET } from '@portfund/shared-rules';
import { markRuns, planMarks } from '../src/check/marks-plan';
import { runCheck } from '../src/check/run-check';
import { watchWorkbookChanges } from '../src/office/events';
import { type SheetChange } from '../src/office/changes';
import { readDocumentFile } from '../src/office/file';
import { clearMarks, writeMarks } from '../src/office/marks';
import { selectCell } from '../src/office/navigate';
import { readWorkbookSnapshot } from '../src/office/snapshot';
import { CASHBOOK_FILE, FIXTURES } from './fixtures';
import { fakeOffice, installHost, uninstallHost } from './install-host';
import { mockExcel, type MockExcel } from './mock-excel';
import { cachedOfficeModel } from './office-model/cached-model';
import { type OfficeWorkbookModel } from './office-model/model';

const fixture = (name: string) => {
  const f = FIXTURES.find((x) => x.name.includes(name));
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return f;
};

let negative: OfficeWorkbookModel;
let oldVersion: OfficeWorkbookModel;

beforeAll(async () => {
  negative = await cachedOfficeModel(await fixture('petty cash goes negative').bytes(), CASHBOOK_FILE);
  oldVersion = await cachedOfficeModel(await fixture('version 1.0').bytes(), CASHBOOK_FILE);
}, 120_000);
afterEach(uninstallHost);

const fresh = (model: OfficeWorkbookModel): MockExcel => {
  const mock = mockExcel(structuredClone(model));
  installHost(mock, fakeOffice(model.url));
  return mock;
};

const marksOf = (mock: MockExcel) => mock.model.sheets.find((s) => s.name === MARKS_SHEET)?.cells ?? {};

describe('marks', () => {
  it('writes E/W into _marks at the mapped cells in one context.sync(), and clears them in one more', async () => {
    const mock = fresh(negative);
    const check = runCheck(await readWorkbookSnapshot(), CASHBOOK_FILE);
    if (!check.marks.ok) throw new Error('the 1.1 template supports marks');
    const plan = planMarks(check.result.findings, check.marks.layout);
    expect(plan.size).toBeGreaterThan(0);

    mock.resetCounts();
    await expect(writeMarks(markRuns(plan))).resolves.toBe('done');
    expect(mock.syncs()).toBe(1);
    const written = Object.fromEntries(Object.entries(marksOf(mock)).map(([a, c]) => [a, c.value]));
    expect(written).toEqual(Object.fromEntries(plan));
    // the negative balance is at P34 of the ledger, the first block of _marks (offset 0)
    expect(written.P34).toBe(MARK_ERROR);

    mock.resetCounts();
    await expect(clearMarks()).resolves.toBe('done');
    expect(mock.syncs()).toBe(1);
    expect(marksOf(mock)).toEqual({});
  });

  it('replaces the previous marks when the workbook is checked again', async () => {
    const mock = fresh(negative);
    await writeMarks([{ address: 'A1:B1', marks: ['E', 'W'] }]);
    await writeMarks([{ address: 'C3', marks: ['W'] }]);
    expect(Object.keys(marksOf(mock))).toEqual(['C3']);
  });

  it('reports that a version-1.0 workbook (no _marks) cannot be marked, and the writers skip it gracefully', async () => {
    const mock = fresh(oldVersion);
    const check = runCheck(await readWorkbookSnapshot(), CASHBOOK_FILE);
    expect(check.marks).toEqual({ ok: false, reason: 'old-version' });
    expect(check.result.findings.map((f) => f.code)).toContain('template.outdated');
    await expect(writeMarks([{ address: 'A1', marks: ['E'] }])).resolves.toBe('no-marks-sheet');
    await expect(clearMarks()).resolves.toBe('no-marks-sheet');
    expect(mock.model.sheets.map((s) => s.name)).not.toContain(MARKS_SHEET);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one context.sync()', async () => {
    const mock = fresh(negative);
    await selectCell('現金收支登記簿', 'P34');
    expect(mock.activated).toEqual(['現金收支登記簿']);
    expect(mock.selections).toEqual([{ sheet: '現金收支登記簿', address: 'P34' }]);
    expect(mock.syncs()).toBe(1);
  });

  it('only activates the sheet for a finding without a cell', async () => {
    const mock = fresh(negative);
    await selectCell('現金收支登記簿');
    expect(mock.activated).toEqual(['現金收支登記簿']);
    expect(mock.selections).toEqual([]);
  });
});

describe('watchWorkbookChanges', () => {
  it('listens to every sheet but _marks when the host has ExcelApi 1.7, and stops on request', async () => {
    const mock = fresh(negative);
    const changed: SheetChange[] = [];
    const stop = await watchWorkbookChanges((change) => changed.push(change));
    expect(stop).not.toBeNull();
    expect([...mock.changeHandlers.keys()].sort()).toEqual(mock.model.sheets.map((s) => s.name).filter((n) => n !== MARKS_SHEET).sort());
    for (const handler of mock.changeHandlers.get('現金收支登記簿') ?? []) await handler({ worksheetId: '{ledger}', address: 'I20', changeType: 'RangeEdited' });
    // the address and kind of change go with the sheet: the re-check reads only that range
    expect(changed).toEqual([{ sheet: '現金收支登記簿', address: 'I20', changeType: 'RangeEdited' }]);
    await stop?.();
    expect([...mock.changeHandlers.values()].flat()).toEqual([]);
  });

  it('answers null on a host without change events (ExcelApi below 1.7)', async () => {
    const mock = mockExcel(structuredClone(negative));
    installHost(mock, fakeOffice(negative.url, '1.6'));
    expect(await watchWorkbookChanges(() => undefined)).toBeNull();
    expect(mock.syncs()).toBe(0);
  });
});

describe('readDocumentFile', () => {
  it('joins the slices of getFileAsync(Compressed) into one .xlsx blob and closes the file', async () => {
    const slices = [Uint8Array.of(0x50, 0x4b), Uint8Array.of(3, 4), Uint8Array.of(5)];
    let closed = false;
    const file = {
      sliceCount: slices.length,
      getSliceAsync: (i: number, done: (r: unknown) => void) => done({ status: 'succeeded', value: { data: Array.from(slices[i] ?? []) } }),
      closeAsync: (done: () => void) => {
        closed = true;
        done();
      },
    };
    const office = fakeOffice(CASHBOOK_FILE, '1.9', {
      getFileAsync: (type: unknown, _options: unknown, done: unknown) =>
        (done as (r: unknown) => void)(type === 'compressed' ? { status: 'succeeded', value: file } : { status: 'failed', error: { message: 'type' } }),
    });
    installHost(null, office);
    const blob = await readDocumentFile();
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x50, 0x4b, 3, 4, 5]);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(closed).toBe(true);
  });
});
