// Cells of used ranges, read in blocks of rows: all blocks of all sheets in one batch, or — only when Excel on the web
// refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded) — in rounds of fewer rows, one round trip each.
import { address, columnLetters, type SnapshotCell } from '@portfund/shared-rules';
import { snapshotCell } from './values';

/** Rows per range request; all blocks of all sheets are loaded in one batch. */
export const BLOCK_ROWS = 5000;
const PAYLOAD_LIMIT_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']);

export const isPayloadTooLarge = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && PAYLOAD_LIMIT_CODES.has(String((e as { code: unknown }).code));

export interface Block {
  readonly top: number; // 1-based sheet row of the block's first row
  readonly left: number; // 1-based column
  readonly range: Excel.Range;
}

/** A used range as Office.js reports it: 0-based row and column indexes and its size. */
export interface Dimensions {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Row blocks covering a used range (0-based indexes as Office.js reports them). */
export const blockAddresses = (d: Dimensions, blockRows = BLOCK_ROWS): string[] => {
  const out: string[] = [];
  const left = columnLetters(d.columnIndex + 1);
  const right = columnLetters(d.columnIndex + d.columnCount);
  for (let start = 0; start < d.rowCount; start += blockRows) {
    out.push(`${left}${d.rowIndex + start + 1}:${right}${d.rowIndex + Math.min(start + blockRows, d.rowCount)}`);
  }
  return out;
};

/** Everything a cell is read from (an edit's cells); a whole read loads VALUE_PROPERTIES and FORMULA_PROPERTIES apart. */
export const CELL_PROPERTIES = 'values,formulas,numberFormat,valueTypes';
/** What the rules consume: about a quarter of the payload (a 5,000-entry cash book: ~2 MB, its formula text ~7 MB). */
export const VALUE_PROPERTIES = 'values,numberFormat,valueTypes';
export const FORMULA_PROPERTIES = 'formulas';

/** Queues the loads of a used range's blocks (nothing is read until the next context.sync()). */
export const queueBlocks = (sheet: Excel.Worksheet, d: Dimensions, blockRows: number, properties = CELL_PROPERTIES): Block[] =>
  blockAddresses(d, blockRows).map((a, i) => ({
    top: d.rowIndex + 1 + i * blockRows,
    left: d.columnIndex + 1,
    range: sheet.getRange(a).load(properties),
  }));

export interface UsedSheet {
  readonly sheet: Excel.Worksheet;
  readonly used: Dimensions;
}

const slice = (d: Dimensions, offset: number, rows: number): Dimensions => ({ ...d, rowIndex: d.rowIndex + offset, rowCount: Math.min(rows, d.rowCount - offset) });

/**
 * Loads `properties` of every used range: all rows in one batch. Only when Excel on the web refuses a response that large,
 * half the rows are tried, and so on, then every further round trip loads that many rows of each sheet until the end —
 * so a book twice over the limit takes one refused and two accepted round trips, not one per thousand rows.
 */
export const readInRounds = async (context: Excel.RequestContext, sheets: readonly UsedSheet[], properties: string, blockRows = BLOCK_ROWS): Promise<Map<string, Block[]>> => {
  const blocks = new Map<string, Block[]>(sheets.map(({ sheet }) => [sheet.name, []]));
  const total = Math.max(0, ...sheets.map((s) => s.used.rowCount));
  let rows = total;
  let offset = 0;
  while (offset < total) {
    const n = Math.min(rows, total - offset);
    const round = sheets
      .filter(({ used }) => used.rowCount > offset)
      .map(({ sheet, used }) => ({ name: sheet.name, list: queueBlocks(sheet, slice(used, offset, n), blockRows, properties) }));
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || n === 1) throw e;
      rows = Math.ceil(n / 2);
      continue;
    }
    for (const { name, list } of round) blocks.get(name)?.push(...list);
    offset += n;
  }
  return blocks;
};

/** The formula text ('=…') of a cell, read apart from the values: at the workbook's open, or known from an earlier read. */
export type KnownFormula = (a1: string) => string | undefined;

/** Formula text by A1 address from blocks loaded with FORMULA_PROPERTIES (constants and empty cells left out). */
export const formulaTexts = (blocks: readonly Block[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const block of blocks) {
    block.range.formulas.forEach((row, r) => {
      row.forEach((f: unknown, c) => {
        if (typeof f === 'string' && f.length > 1 && f.startsWith('=')) out.set(address(block.top + r, block.left + c), f);
      });
    });
  }
  return out;
};

/** Cells of a block loaded with VALUE_PROPERTIES; a cell's formula is the known one (a constant reads the same from values as from formulas). */
export const readBlock = (block: Block, cells: Map<string, SnapshotCell>, date1904: boolean, knownFormula: KnownFormula): void => {
  const { values, numberFormat, valueTypes } = block.range;
  values.forEach((row, r) => {
    row.forEach((value: unknown, c) => {
      const a1 = address(block.top + r, block.left + c);
      const cell = snapshotCell(value, knownFormula(a1) ?? value, numberFormat[r]?.[c], valueTypes[r]?.[c] ?? 'Unknown', date1904);
      if (cell !== null) cells.set(a1, cell);
    });
  });
};
