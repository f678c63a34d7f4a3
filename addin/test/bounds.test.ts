// The definition's bounds in the add-in (issue 14): a table redefined as a whole sheet, or a used range past any
// template, is refused with file.unreadable's zh-TW text before a single cell range is requested from Excel.
import { workbookBounds } from '@portfund/shared-rules';
import { readWorkbookSnapshot } from '../src/office/snapshot';
import { WorkbookRefused } from '../src/office/bounds';
import { cashbookOfEntries, CASHBOOK_FILE } from './fixtures';
import { fakeOffice, installHost, uninstallHost } from './install-host';
import { mockExcel } from './mock-excel';
import { cachedOfficeModel } from './office-model/cached-model';
import { type OfficeWorkbookModel } from './office-model/model';

afterEach(uninstallHost);

let model: OfficeWorkbookModel;

beforeAll(async () => {
  model = await cachedOfficeModel(await cashbookOfEntries(10), CASHBOOK_FILE);
}, 120_000);

const readWith = async (changed: OfficeWorkbookModel) => {
  const mock = mockExcel(changed);
  installHost(mock, fakeOffice(CASHBOOK_FILE));
  const outcome = await readWorkbookSnapshot().then(
    () => null,
    (error: unknown) => error,
  );
  return { mock, outcome };
};

describe('the add-in applies the definition bounds', () => {
  it('reads the template itself', async () => {
    const { outcome } = await readWith(model);
    expect(outcome).toBeNull();
  });

  it.each(["'現金收支登記簿'!$A$1:$Z$1048576", "'現金收支登記簿'!$A:$Z", "'現金收支登記簿'!$A$14:$K$40013"])('refuses cb_entries redefined as %s before reading any cell', async (value) => {
    const names = model.names.map((n) => (n.name === 'cb_entries' ? { ...n, value } : n));
    const { mock, outcome } = await readWith({ ...model, names });
    expect(outcome).toBeInstanceOf(WorkbookRefused);
    expect((outcome as WorkbookRefused).reason).toMatchObject({ reason: 'bounds.name_too_large', name: 'cb_entries', limitRows: '25,000' });
    expect((outcome as WorkbookRefused).message).toMatch(/^無法讀取檔案：定義名稱「cb_entries」的範圍有 [\d,]+ 列/);
    expect(mock.rangeRequests).toEqual([]);
  });

  it('refuses a used range reaching past the last row of any template before loading its cells', async () => {
    const { maxRow } = workbookBounds();
    const sheets = model.sheets.map((s) => (s.name === '現金收支登記簿' ? { ...s, cells: { ...s.cells, [`A${maxRow + 1}`]: { value: 1, valueType: 'Double' } } } : s));
    const { mock, outcome } = await readWith({ ...model, sheets } as OfficeWorkbookModel);
    expect((outcome as WorkbookRefused).reason).toMatchObject({ reason: 'bounds.row_out_of_range', sheetName: '現金收支登記簿' });
    expect(mock.rangeRequests).toEqual([]);
  });
});
