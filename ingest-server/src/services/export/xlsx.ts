// XLSX download of a table with exceljs: bold frozen header row with an autofilter, column widths, '#,##0' amounts and
// '0.0%' ratios as real numbers; text cells are written as strings and made inert like in the CSV. Streamed (WorkbookWriter).
import { PassThrough, type Writable } from 'node:stream';
import { exceljs } from '@portfund/templates/src/exceljs';
import { cellOf, type Column, type ColumnKind, displayWidth, escapeFormula, numberText } from './columns';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const NUMBER_FORMATS: Readonly<Record<Exclude<ColumnKind, 'text'>, string>> = { amount: '#,##0', percent: '0.0%', count: '0' };

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** A sheet name Excel accepts: no [ ] : * ? / \, at most 31 characters, not empty. */
export const safeSheetName = (name: string): string => {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
};

const shownWidth = (kind: ColumnKind, text: string): number => (kind === 'amount' ? text.length + Math.floor((text.length - 1) / 3) : displayWidth(text));

/** Column widths in characters: from the header and every value (a CJK character counts two), unless a column sets one. */
const widthsOf = <Row>(columns: readonly Column<Row>[], rows: readonly Row[]): number[] => {
  const widths = columns.map((c) => displayWidth(c.header));
  for (const row of rows) {
    columns.forEach((column, i) => {
      const cell = cellOf(column.kind, column.value(row));
      if (cell.type === 'text') widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text));
      else if (cell.type === 'number' && column.kind !== 'text') {
        widths[i] = Math.max(widths[i] ?? 0, shownWidth(column.kind, numberText(column.kind, cell.value)) + (column.kind === 'percent' ? 1 : 0));
      }
    });
  }
  return columns.map((c, i) => c.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[i] ?? 0) + 2)));
};

export interface StreamControl {
  /** True once the client has gone: stop producing. */
  readonly gone?: () => boolean;
  /** Resolves when the output can take more (back-pressure); called between batches of rows. */
  readonly drained?: () => Promise<void>;
}

const BATCH_ROWS = 500;

/** Print-ready page setup: landscape, one page wide, the header row on every page, the title in the page header. */
export interface PrintSetup {
  readonly title: string;
}

const escapeHeaderText = (text: string): string => text.replace(/&/g, '&&');

/**
 * One sheet holding the table, streamed into `out` with exceljs's WorkbookWriter (rows committed as they are written,
 * waiting for the output between batches, stopping when the client goes). Resolves false when it stopped early.
 */
export const writeXlsx = async <Row>(
  out: Writable,
  sheetName: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  control: StreamControl = {},
  print?: PrintSetup,
): Promise<boolean> => {
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'portfund';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    ...(print === undefined
      ? {}
      : {
          pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', horizontalCentered: true },
          headerFooter: { oddHeader: `&C&"-,Bold"${escapeHeaderText(print.title)}`, oddFooter: '&C第 &P 頁，共 &N 頁' },
        }),
  });
  if (print !== undefined) workbook.title = print.title;
  const widths = widthsOf(columns, rows);
  sheet.columns = columns.map((_, i) => ({ width: widths[i] ?? MIN_WIDTH }));
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };

  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = escapeFormula(c.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();

  for (let r = 0; r < rows.length; r++) {
    if (r % BATCH_ROWS === 0) {
      if (control.gone?.() === true) return false;
      await control.drained?.();
    }
    const row = rows[r] as Row;
    const sheetRow = sheet.getRow(r + 2);
    columns.forEach((column, i) => {
      const cell = cellOf(column.kind, column.value(row));
      if (cell.type === 'empty') return;
      const target = sheetRow.getCell(i + 1);
      if (cell.type === 'text') {
        // a plain string value: exceljs writes it as a string cell, never as a formula
        target.value = cell.text;
        return;
      }
      if (column.kind === 'text') return;
      target.value = column.kind === 'percent' ? cell.value.dividedBy(100).toNumber() : cell.value.toNumber();
      target.numFmt = NUMBER_FORMATS[column.kind];
    });
    sheetRow.commit();
  }
  if (control.gone?.() === true) return false;
  sheet.commit();
  await workbook.commit();
  return true;
};

/** The workbook bytes of one sheet holding the table. */
export const toXlsx = async <Row>(sheetName: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeXlsx(out, sheetName, columns, rows);
  await ended;
  return Buffer.concat(chunks);
};

/** What a printed table needs above and around it. */
export interface PrintLayout {
  /** Lines above the header row (a title, then facts such as the period and the generation time). */
  readonly title: readonly string[];
}

/**
 * One sheet for paper: title lines, then the table with its header repeated on every printed page, frozen below the
 * header, landscape A4 fitted to the page width. Built in memory (print titles are a defined name the stream writer lacks):
 * for tables of a few thousand rows, such as a filing's findings.
 */
export const toPrintableXlsx = async <Row>(sheetName: string, layout: PrintLayout, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<Buffer> => {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'portfund';
  const headerRow = layout.title.length + (layout.title.length > 0 ? 2 : 1);
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}`, horizontalCentered: true },
  });
  sheet.headerFooter.oddFooter = '&C第 &P 頁，共 &N 頁';
  const widths = widthsOf(columns, rows);
  sheet.columns = columns.map((_, i) => ({ width: widths[i] ?? MIN_WIDTH }));
  layout.title.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = escapeFormula(line);
    cell.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = escapeFormula(c.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(0, rows.length), column: columns.length } };
  rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(headerRow + 1 + r);
    columns.forEach((column, i) => {
      const cell = cellOf(column.kind, column.value(row));
      if (cell.type === 'empty') return;
      const target = sheetRow.getCell(i + 1);
      target.alignment = { vertical: 'top', wrapText: column.kind === 'text' };
      if (cell.type === 'text') {
        target.value = cell.text;
        return;
      }
      if (column.kind === 'text') return;
      target.value = column.kind === 'percent' ? cell.value.dividedBy(100).toNumber() : cell.value.toNumber();
      target.numFmt = NUMBER_FORMATS[column.kind];
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
