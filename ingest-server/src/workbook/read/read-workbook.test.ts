// readWorkbook on generated templates: the sheets no rule reads are never parsed, only size-checked, and each reading
// limit refuses with its own zh-TW reason. Edited with the XML tools, never through exceljs.
import { cachedTemplate } from '../../../../test/support/cached-template';
import { editSheetXml } from '../testing/edit-xlsx';
import { withNulCharRef } from '../testing/hostile-files';
import { READER_LIMITS, readWorkbook } from './read-workbook';
import { ReadLimitError } from './sheet';
import { XmlError } from './xml';

let template: Buffer;

beforeAll(async () => {
  template = await cachedTemplate('application', { year: 115, ubn: '04595257' });
}, 60_000);

/** Rows of junk in place of a sheet's data, as the audit's crafted files had them. */
const junkRows = (n: number): string => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>雜訊${i}</t></is></c></row>`).join('');
const withJunk = (sheet: string, rows: number): Buffer => editSheetXml(template, sheet, (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${junkRows(rows)}</sheetData>`));

describe('readWorkbook', () => {
  it('leaves the cells of 填表說明 and _marks unread, even when someone filled them', async () => {
    const snapshot = await readWorkbook(withJunk('_marks', 2000));
    const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
    expect(byName.get('填表說明')?.cells.size).toBe(0);
    expect(byName.get('_marks')?.cells.size).toBe(0);
    expect(byName.get('申請書')?.cells.size).toBeGreaterThan(0);
    expect(byName.get('申請書')?.protected).toBe(true);
  });

  it('refuses a generated sheet larger than its limit, naming it', async () => {
    const limits = { ...READER_LIMITS, maxGeneratedSheetBytes: { ...READER_LIMITS.maxGeneratedSheetBytes, 填表說明: 64 * 1024 } };
    await expect(readWorkbook(withJunk('填表說明', 2000), limits)).rejects.toThrow(ReadLimitError);
    await expect(readWorkbook(withJunk('填表說明', 2000), limits)).rejects.toThrow(/填表說明/);
    await expect(readWorkbook(template, limits)).resolves.toBeDefined();
  });

  it('refuses more cells than the workbook limit, across all sheets', async () => {
    const cells = (await readWorkbook(template)).sheets.reduce((n, s) => n + s.cells.size, 0);
    await expect(readWorkbook(template, { ...READER_LIMITS, maxCells: cells })).rejects.toThrow(/儲存格超過/);
    await expect(readWorkbook(withJunk('決算', 5000), { ...READER_LIMITS, maxCells: 4000 })).rejects.toThrow(ReadLimitError);
  });

  it('refuses small parts over their limit and a sheet whose validations are split into too many areas', async () => {
    await expect(readWorkbook(template, { ...READER_LIMITS, maxSmallPartBytes: 1024 })).rejects.toThrow(/超過/);
    await expect(readWorkbook(template, { ...READER_LIMITS, maxValidationAreas: 3 })).rejects.toThrow(/資料驗證/);
  });

  it('refuses a shared string with a reference to U+0000 as XML that is not well-formed', async () => {
    await expect(readWorkbook(withNulCharRef(template))).rejects.toThrow(XmlError);
  });
});
