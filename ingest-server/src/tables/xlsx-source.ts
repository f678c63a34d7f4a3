// XLSX rows from the first sheet or a chosen one, read with the checker's own OOXML reader (native unzip, no temp files):
// the small parts (shared strings, styles) are read once, then the sheet's XML is streamed as it inflates and its rows
// read one at a time, so memory does not grow with the row count. Every pass reads from the archive the gate opened.
// Cells become the snapshot's CellValue (dates as ISO dates, rich text as text, formulas as their cached results).
import { parseAddress, type CellValue, type SnapshotCell } from '@portfund/shared-rules';
import { readWorkbookFrame, type WorkbookFrame } from '../workbook/read/read-workbook';
import { sheetRowsOf } from '../workbook/read/sheet';
import { type ZipEntries } from '../workbook/zip-archive';
import { IMPORT_REASONS } from './reasons';
import { MAX_COLUMNS, TableReadError, type SourceRow, type TableSource } from './source';

/** A row's cells in column order (1-based columns → 0-based array; gaps are null). */
const cellsOf = (cells: ReadonlyMap<string, SnapshotCell>): CellValue[] => {
  const out: CellValue[] = [];
  for (const [at, cell] of cells) {
    const col = parseAddress(at)?.col ?? 0;
    if (col > MAX_COLUMNS) throw new TableReadError(IMPORT_REASONS.tooManyColumns(MAX_COLUMNS));
    while (out.length < col - 1) out.push(null);
    out[col - 1] = cell.v;
  }
  return out;
};

/** Rows of a gated workbook; the archive is read from the upload's buffer and holds no file descriptor, so it needs no closing. */
export const xlsxSource = (zip: ZipEntries, wantedSheet?: string): TableSource => {
  let sheetName: string | null = null;
  let frame: Promise<WorkbookFrame> | undefined;
  return {
    format: 'xlsx',
    encoding: null,
    sheet: () => sheetName,
    async *rows(): AsyncGenerator<SourceRow> {
      let parts;
      try {
        parts = await (frame ??= readWorkbookFrame(zip));
      } catch {
        throw new TableReadError(IMPORT_REASONS.xlsxCorrupt);
      }
      const chosen = parts.sheets.find(({ entry }) => wantedSheet === undefined || entry.name === wantedSheet);
      if (chosen === undefined) {
        throw new TableReadError(wantedSheet === undefined ? IMPORT_REASONS.noSheet : IMPORT_REASONS.sheetMissing(wantedSheet, parts.sheets.map((s) => s.entry.name)));
      }
      sheetName = chosen.entry.name;
      try {
        if (chosen.path === undefined) return;
        for await (const row of sheetRowsOf(zip.chunks(chosen.path), parts.ctx)) yield { line: row.line, cells: cellsOf(row.cells) };
      } catch (error) {
        if (error instanceof TableReadError) throw error;
        throw new TableReadError(IMPORT_REASONS.xlsxCorrupt);
      }
    },
  };
};
