// What the lean reader reads besides values: data validations (plain and x14), sheet protection and unlocked cells,
// the same whether a sheet is read whole or streamed in chunks cut anywhere; and the limits that refuse a hostile sheet.
import { parseCellStyles, parseSharedStrings } from './parts';
import { parseSheetXml, ReadLimitError, readSheet, type CellBudget, type SheetContext } from './sheet';

const ctx: SheetContext = { sharedStrings: ['項目'], dateStyles: [false, false, false], unlockedStyles: [false, true, false], date1904: false };
const LIMITS = { maxRowChars: 1_000_000, maxOtherChars: 1_000_000 };

const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="m" xmlns:x14="x" xmlns:xm="xm"><sheetData>' +
  '<row r="14"><c r="A14" s="1"><v>3</v></c><c r="B14" s="2" t="s"><v>0</v></c><c r="L14"><f t="shared" ref="L14:L16" si="0">L13+A14</f><v>3</v></c></row>' +
  '<row r="15"><c r="A15" s="1"/><c r="L15"><f t="shared" si="0"/><v>3</v></c></row>' +
  '<row r="16"><c r="L16" s="1"><f t="shared" si="0"/><v>3</v></c></row>' +
  '</sheetData><sheetProtection sheet="1" objects="1"/>' +
  '<dataValidations count="3">' +
  '<dataValidation type="whole" allowBlank="1" sqref="$A$14:$A$3013"><formula1>1</formula1><formula2>12</formula2></dataValidation>' +
  '<dataValidation type="list" operator="between" sqref="E14:E3013 G5"><formula1>lst_cb_item</formula1><formula2>0</formula2></dataValidation>' +
  '<dataValidation type="textLength" operator="lessThanOrEqual" sqref="H14:H3013"><formula1>050</formula1></dataValidation>' +
  '</dataValidations><extLst><ext uri="{CCE6A557}"><x14:dataValidations count="1"><x14:dataValidation type="list">' +
  '<x14:formula1><xm:f>參數表!$A$1:$A$9</xm:f></x14:formula1><xm:sqref>F14:F3013</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>';

const chunked = async function* (text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
};

describe('sheet structure', () => {
  const whole = parseSheetXml(SHEET, ctx);

  it('reads validations as written, bounds in canonical form, LibreOffice’s extra operator and formula2 kept for the rule', () => {
    expect(whole.validations).toEqual([
      { sqref: 'A14:A3013', type: 'whole', operator: 'between', formulas: ['1', '12'] },
      { sqref: 'E14:E3013 G5', type: 'list', formulas: ['lst_cb_item', '0'] },
      { sqref: 'H14:H3013', type: 'textLength', operator: 'lessThanOrEqual', formulas: ['50'] },
      { sqref: 'F14:F3013', type: 'list', formulas: ['參數表!$A$1:$A$9'] },
    ]);
  });

  it('reads the protection flag and the non-empty cells whose style is unlocked', () => {
    expect(whole.protected).toBe(true);
    expect([...whole.unlocked].sort()).toEqual(['A14', 'L16']);
    expect(parseSheetXml('<worksheet><sheetData/><sheetProtection sheet="true"/></worksheet>', ctx).protected).toBe(true);
    expect(parseSheetXml('<worksheet><sheetData/><sheetProtection sheet="0" objects="1"/></worksheet>', ctx).protected).toBe(false);
    expect(parseSheetXml('<worksheet><sheetData/></worksheet>', ctx).protected).toBe(false);
  });

  it('streams to the same sheet whatever the chunk boundaries, following shared formulas across rows', async () => {
    for (const size of [1, 2, 3, 7, 64, SHEET.length]) {
      const streamed = await readSheet(chunked(SHEET, size), ctx, LIMITS);
      expect(streamed).toEqual(whole);
    }
    expect(whole.cells.get('L16')).toEqual({ v: 3, f: 'L15+A16' });
  });

  it('reads Locked from cell styles as Excel ("0") and LibreOffice ("false") write it', () => {
    const styles =
      '<styleSheet><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="0" applyProtection="1"><protection locked="0"/></xf>' +
      '<xf numFmtId="14"><alignment/><protection locked="false" hidden="false"/></xf><xf numFmtId="0"><protection locked="true"/></xf></cellXfs></styleSheet>';
    expect(parseCellStyles(styles)).toEqual({ dateStyles: [false, false, true, false], unlockedStyles: [false, true, true, false] });
  });

  it('drops characters XML cannot hold from Excel-escaped shared strings', () => {
    expect(parseSharedStrings('<sst><si><t>提撥_x0000_零用金</t></si></sst>')).toEqual(['提撥零用金']);
  });
});

describe('sheet limits', () => {
  const rows = (n: number): string =>
    `<worksheet><sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"/></row>`).join('')}</sheetData></worksheet>`;

  it('counts every <c> of the workbook against one budget and refuses past it', async () => {
    const budget: CellBudget = { remaining: 5, limit: 5 };
    await readSheet(chunked(rows(2), 10), ctx, LIMITS, budget);
    expect(budget.remaining).toBe(1);
    await expect(readSheet(chunked(rows(1), 10), ctx, LIMITS, budget)).rejects.toThrow(ReadLimitError);
    await expect(readSheet(chunked(rows(1), 10), ctx, LIMITS, { remaining: 1, limit: 1 })).rejects.toThrow(/超過 1 個/);
  });

  it('refuses a row longer than its limit without waiting for the end of the sheet', async () => {
    let sent = 0;
    const endless = async function* (): AsyncGenerator<string> {
      yield '<worksheet><sheetData><row r="1">';
      for (sent = 0; sent < 10_000; sent += 1) yield '<c><v>1</v></c>';
    };
    await expect(readSheet(endless(), ctx, { maxRowChars: 1000, maxOtherChars: 1000 })).rejects.toThrow(ReadLimitError);
    expect(sent).toBeLessThan(100);
  });

  it('refuses a sheet whose markup outside rows is over its limit', async () => {
    const bloated = `<worksheet><sheetData/><mergeCells>${'<mergeCell ref="A1:B2"/>'.repeat(100)}</mergeCells></worksheet>`;
    await expect(readSheet(chunked(bloated, 50), ctx, { maxRowChars: 1000, maxOtherChars: 500 })).rejects.toThrow(ReadLimitError);
  });
});
