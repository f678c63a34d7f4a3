// Generated import files for tests and the benchmark: CSV (UTF-8 with or without BOM, or Big5 via iconv-lite) and
// XLSX (exceljs), from a header-plus-rows table.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type CellValue } from '@portfund/shared-rules';

export type Table = readonly (readonly CellValue[])[];

const csvField = (v: CellValue): string => {
  if (v === null) return '';
  const text = typeof v === 'object' ? ('date' in v ? v.date : v.error) : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvText = (table: Table): string => `${table.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

export const utf8Csv = (table: Table): Buffer => Buffer.from(csvText(table), 'utf8');
export const utf8BomCsv = (table: Table): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Csv(table)]);
export const big5Csv = (table: Table): Buffer => iconv.encode(csvText(table), 'big5');

export interface XlsxOptions {
  readonly sheetName?: string;
  /** Sheets written before the data sheet (to test choosing a sheet). */
  readonly before?: readonly string[];
  /** Write Gregorian yyyy-mm-dd texts as real Excel dates. */
  readonly realDates?: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const xlsxOf = async (table: Table, options: XlsxOptions = {}): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  for (const name of options.before ?? []) wb.addWorksheet(name).addRow(['說明', '這不是資料']);
  const ws = wb.addWorksheet(options.sheetName ?? '資料');
  table.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (options.realDates === true && r > 0 && typeof v === 'string' && ISO.test(v)) {
        cell.value = new Date(`${v}T00:00:00Z`);
        cell.numFmt = 'yyyy-mm-dd';
      } else {
        cell.value = typeof v === 'object' ? ('date' in v ? v.date : v.error) : v;
      }
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
};
