// The CSV and XLSX writers: RFC 4180 quoting, BOM, number formats, frozen bold header, and inert text cells.
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { type Column, escapeFormula, safeSheetName, toCsv, toXlsx } from '.';

interface Row {
  readonly name: string | null;
  readonly amount: string | null;
  readonly ratio: Decimal | null;
  readonly count: number;
}

const COLUMNS: readonly Column<Row>[] = [
  { header: '工會名稱', kind: 'text', value: (r) => r.name },
  { header: '金額', kind: 'amount', value: (r) => r.amount },
  { header: '比率', kind: 'percent', value: (r) => r.ratio },
  { header: '件數', kind: 'count', value: (r) => r.count },
];

const EVIL = '=HYPERLINK("http://evil")';

const ROWS: readonly Row[] = [
  { name: '臺中市港區裝卸職業工會', amount: '1234567', ratio: new Decimal('41.5'), count: 3 },
  { name: EVIL, amount: '-500', ratio: new Decimal('4.3'), count: 0 },
  { name: '有,逗號與"引號"\r\n與換行', amount: null, ratio: null, count: 1 },
  { name: '+1', amount: '0', ratio: new Decimal('0'), count: 2 },
  { name: '-SUM(A1)', amount: '999999999999999', ratio: new Decimal('100'), count: 2 },
  { name: '@cmd', amount: '1', ratio: new Decimal('10.0'), count: 2 },
  { name: '\tTAB', amount: '1', ratio: null, count: 2 },
  { name: null, amount: '1', ratio: null, count: 2 },
];

describe('escapeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['臺中', '臺中'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(escapeFormula(input)).toBe(output);
  });
});

describe('toCsv', () => {
  const text = toCsv(COLUMNS, ROWS);
  const records = parse(text, { bom: true, relax_column_count: false }) as string[][];

  it('starts with a BOM and ends lines with CRLF', () => {
    expect(text.startsWith('\uFEFF"工會名稱"')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('\uFEFF"工會名稱","金額","比率","件數"');
  });

  it('round-trips through an RFC 4180 parser with quotes, commas and line breaks inside a cell', () => {
    expect(records).toHaveLength(ROWS.length + 1);
    expect(records[0]).toEqual(['工會名稱', '金額', '比率', '件數']);
    expect(records[1]).toEqual(['臺中市港區裝卸職業工會', '1234567', '41.5', '3']);
    expect(records[3]).toEqual(['有,逗號與"引號"\r\n與換行', '', '', '1']);
    expect(records[5]?.[1]).toBe('999999999999999');
  });

  it('escapes text starting with = + - @ TAB, and writes negative numbers as numbers', () => {
    expect(records[2]).toEqual([`'${EVIL}`, '-500', '4.3', '0']);
    expect(records.slice(4).map((r) => r[0])).toEqual(["'+1", "'-SUM(A1)", "'@cmd", "'\tTAB", '']);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")",-500,4.3,0`);
    expect(records[6]?.[2]).toBe('10.0');
  });
});

describe('toXlsx', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx('工會報表', COLUMNS, ROWS)) as never);
    const found = workbook.getWorksheet('工會報表');
    if (found === undefined) throw new Error('sheet missing');
    sheet = found;
  });

  it('has a bold, frozen header row with an autofilter and sensible widths', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, '工會名稱', '金額', '比率', '件數']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(24);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(10);
  });

  it('writes amounts and ratios as numbers with their formats, negative numbers included', () => {
    expect(sheet.getCell('B2').value).toBe(1234567);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('C2').value).toBeCloseTo(0.415, 10);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('D2').value).toBe(3);
    expect(sheet.getCell('B3').value).toBe(-500);
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B4').value).toBeNull();
  });

  it('writes text that looks like a formula as an escaped string, never a formula', () => {
    const evil = sheet.getCell('A3');
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.value).toBe(`'${EVIL}`);
    expect(evil.formula).toBeUndefined();
    expect(['A5', 'A6', 'A7', 'A8'].map((a) => sheet.getCell(a).value)).toEqual(["'+1", "'-SUM(A1)", "'@cmd", "'\tTAB"]);
    // XML keeps the line break (a bare CR inside it is normalised away by any XML reader)
    expect(sheet.getCell('A4').value).toMatch(/^有,逗號與"引號"\r?\n與換行$/);
  });

  it('makes any name a valid sheet name', () => {
    expect(safeSheetName('a/b:c*d?[e]')).toBe('a_b_c_d__e_');
    expect(safeSheetName('')).toBe('Sheet1');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});
