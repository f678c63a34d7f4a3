// The Office.js adapter over office-addin-mock, fed from real generated workbooks: the pane finds exactly what
// `portfund check` (checkFileBytes, run once per test run for the same file: cachedCheck) finds, and reads any workbook in
// a constant number of context.sync() calls.
import { buildDefinition, definedNames, INSTRUCTIONS_SHEET, MARKS_SHEET, serialToIsoDate } from '@portfund/shared-rules';
import { cachedCheck } from '../../test/support/cached-check';
import { runCheck } from '../src/check/run-check';
import { BLOCK_ROWS, readWorkbookSnapshot } from '../src/office/snapshot';
import { cashbookOfEntries, CASHBOOK_FILE, FIXTURES } from './fixtures';
import { fakeOffice, installHost, uninstallHost } from './install-host';
import { mockExcel, type MockOptions } from './mock-excel';
import { cachedOfficeModel } from './office-model/cached-model';

afterEach(uninstallHost);

const location = (f: { code: string; sheet?: string; cell?: string }) => `${f.code} ${f.sheet ?? '-'}!${f.cell ?? '-'}`;

const readThroughMock = async (bytes: Buffer, fileName: string, options: MockOptions = {}, maxExcelApi = '1.9') => {
  const mock = mockExcel(await cachedOfficeModel(bytes, fileName), options);
  installHost(mock, fakeOffice(fileName, maxExcelApi));
  const snapshot = await readWorkbookSnapshot();
  return { mock, snapshot, pane: runCheck(snapshot, fileName) };
};

describe.each(FIXTURES)('$name', ({ fileName, bytes }) => {
  let cli: Awaited<ReturnType<typeof cachedCheck>>;
  let read: Awaited<ReturnType<typeof readThroughMock>>;

  beforeAll(async () => {
    const file = await bytes();
    cli = await cachedCheck(file, fileName);
    read = await readThroughMock(file, fileName);
  }, 120_000);

  it('yields the same findings as portfund check: codes, sheets, cells, messages', () => {
    expect(read.pane.result.findings.map(location)).toEqual(cli.findings.map(location));
    expect(read.pane.result.findings).toEqual(cli.findings);
    expect(read.pane.result.summary).toEqual(cli.summary);
    expect([read.pane.result.kind, read.pane.result.templateVersion]).toEqual([cli.kind, cli.templateVersion]);
  });

  it('builds the same snapshot as the exceljs reader for every sheet the rules read', () => {
    expect([...read.snapshot.names]).toEqual([...(cli.snapshot?.names ?? new Map())]);
    expect(read.snapshot.sheets.map((s) => [s.name, s.state])).toEqual(cli.snapshot?.sheets.map((s) => [s.name, s.state]));
    for (const sheet of read.snapshot.sheets) {
      if (sheet.name === MARKS_SHEET || sheet.name === INSTRUCTIONS_SHEET || cli.kind === null) continue;
      expect([sheet.name, new Map(sheet.cells)]).toEqual([sheet.name, new Map(cli.snapshot?.sheets.find((s) => s.name === sheet.name)?.cells)]);
    }
  });

  it('needs four context.sync() calls for a template, values and formulas apart (one for a foreign workbook)', () => {
    expect(read.mock.syncs()).toBe(cli.kind === null ? 1 : 4);
  });
});

describe('round trips do not grow with the number of rows', () => {
  const measured = new Map<number, { syncs: number; blocks: number; entries: number }>();

  beforeAll(async () => {
    for (const n of [100, 5000]) {
      const bytes = await cashbookOfEntries(n);
      const { mock, snapshot, pane } = await readThroughMock(bytes, CASHBOOK_FILE);
      const cli = await cachedCheck(bytes, CASHBOOK_FILE);
      expect(pane.result.findings).toEqual(cli.findings);
      const range = snapshot.names.get('cb_entries');
      const top = Number(/\d+/.exec(range?.ref ?? '')?.[0]);
      const ledger = snapshot.sheets.find((s) => s.name === range?.sheet);
      measured.set(n, {
        syncs: mock.syncs(),
        blocks: mock.rangeRequests.filter((r) => r.sheet === range?.sheet).length,
        // 傳票序號 (column D) of every entry row
        entries: [...(ledger?.cells.keys() ?? [])].filter((a) => /^D\d+$/.test(a) && Number(a.slice(1)) >= top).length,
      });
    }
  }, 240_000);

  it('reads a cash book of 100 entries and one of 5,000 in the same number of context.sync() calls', () => {
    const small = measured.get(100);
    const large = measured.get(5000);
    expect(small?.entries).toBe(100);
    expect(large?.entries).toBe(5000);
    expect(large?.syncs).toBe(small?.syncs);
    expect(small?.syncs).toBe(4);
  });

  it('splits the larger used range into blocks of rows loaded in that same batch', () => {
    // one range for the values, one for the formula text
    expect(measured.get(100)?.blocks).toBe(2);
    // 5,100 entry rows below a 13-row header: two blocks of at most BLOCK_ROWS rows, twice
    expect(BLOCK_ROWS).toBe(5000);
    expect(measured.get(5000)?.blocks).toBe(4);
  });
});

describe('the 1904 date system', () => {
  const founded = definedNames(buildDefinition('application')).get('app_founded');
  const foundedCell = async (maxExcelApi: string) => {
    const fixture = FIXTURES.find((f) => f.name.includes('1904 date system'));
    if (fixture === undefined || founded === undefined) throw new Error('fixture missing');
    const { snapshot, mock } = await readThroughMock(await fixture.bytes(), fixture.fileName, {}, maxExcelApi);
    return { cell: snapshot.sheets.find((s) => s.name === founded.sheet)?.cells.get(founded.ref), serial: mock.model.sheets.find((s) => s.name === founded.sheet)?.cells[founded.ref]?.value };
  };

  it('reads a date serial of a 1904 workbook as the server reader does, told by DATE(1904,1,1) through workbook.functions', async () => {
    const { cell, serial } = await foundedCell('1.9');
    // Excel reports the 1904 serial of 1978-01-27 (1,462 days less than in the 1900 system)
    expect(serial).toBe(28517 - 1462);
    expect(cell).toEqual({ v: { date: '1978-01-27' } });
  }, 120_000);

  it('keeps the 1900 system on a host without workbook.functions (below ExcelApi 1.2)', async () => {
    const { cell, serial } = await foundedCell('1.1');
    expect(cell).toEqual({ v: { date: serialToIsoDate(Number(serial)) } });
    expect(cell).not.toEqual({ v: { date: '1978-01-27' } });
  }, 120_000);
});

describe('a response too large for Excel on the web', () => {
  it('is read again in rounds of half the rows, one round trip each, with the same findings', async () => {
    const fixture = FIXTURES.find((f) => f.name.includes('petty cash goes negative'));
    if (fixture === undefined) throw new Error('fixture missing');
    const bytes = await fixture.bytes();
    const cli = await cachedCheck(bytes, fixture.fileName);
    // the 3,013 × 16 ledger is over the limit at once and in halves of 1,507 rows, under it in rounds of 754 rows
    const { mock, pane } = await readThroughMock(bytes, fixture.fileName, { maxCellsPerSync: 20_000 });
    expect(pane.result.findings).toEqual(cli.findings);
    expect([1507 * 16 > 20_000, 754 * 16 < 20_000]).toEqual([true, true]);
    // sheets and names, used ranges; then for the values and again for the formulas: two refused rounds, four of 754 rows
    // (the first with 參數表 and _meta)
    expect(mock.syncs()).toBe(2 + 2 * (2 + Math.ceil(3013 / 754)));
  }, 120_000);
});
