// XLSX rows through exceljs's streaming WorkbookReader (the workbook is never loaded whole), from the first sheet or a
// chosen one; the input gate (zip bombs, macros, encryption) has already passed the bytes. Cells become the snapshot's
// CellValue (dates as ISO dates, rich text as text, formulas as their cached results).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellValue } from '@portfund/shared-rules';
import { plainValue } from '../workbook/exceljs-snapshot';
import { IMPORT_REASONS } from './reasons';
import { MAX_COLUMNS, TableReadError, type SourceRow, type TableSource } from './source';

type RowValues = ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>;

const cellsOf = (values: RowValues): CellValue[] => {
  if (!Array.isArray(values)) return [];
  if (values.length - 1 > MAX_COLUMNS) throw new TableReadError(IMPORT_REASONS.tooManyColumns(MAX_COLUMNS));
  const cells: CellValue[] = [];
  // exceljs row values are 1-based and sparse
  for (let i = 1; i < values.length; i++) cells.push(plainValue(values[i]));
  return cells;
};

export const xlsxSource = (bytes: Buffer, wantedSheet?: string): TableSource => {
  let sheetName: string | null = null;
  return {
    format: 'xlsx',
    encoding: null,
    sheet: () => sheetName,
    async *rows(): AsyncGenerator<SourceRow> {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      });
      const seen: string[] = [];
      let found = false;
      try {
        for await (const worksheet of reader) {
          const ws = worksheet as unknown as { name: string } & AsyncIterable<ExcelJS.Row>;
          seen.push(ws.name);
          if (found || (wantedSheet !== undefined && ws.name !== wantedSheet)) continue;
          found = true;
          sheetName = ws.name;
          for await (const row of ws) yield { line: row.number, cells: cellsOf(row.values as RowValues) };
        }
      } catch (error) {
        if (error instanceof TableReadError) throw error;
        throw new TableReadError(IMPORT_REASONS.xlsxCorrupt);
      }
      if (!found) throw new TableReadError(wantedSheet === undefined ? IMPORT_REASONS.noSheet : IMPORT_REASONS.sheetMissing(wantedSheet, seen));
    },
  };
};
