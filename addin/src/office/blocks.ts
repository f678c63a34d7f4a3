// Cells of used ranges, read in blocks of rows: all blocks of all sheets in one batch, or — only when Excel on the web
// refuses a response that large — smaller blocks one round trip each.
import { address, columnLetters, type SnapshotCell } from '@portfund/shared-rules';
import { snapshotCell } from './values';

/** Rows per range request; all blocks of all sheets are loaded in one batch. */
export const BLOCK_ROWS = 5000;
/**
 * Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded): the 3,000-row cash book is about
 * 4 MB, mostly its running-balance formulas. Only then are the cells re-read in blocks this size, one round trip each.
 */
export const FALLBACK_BLOCK_ROWS = 1000;

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

/** Everything a cell is read from; without formulas (a re-read whose formulas are known) the payload is a quarter as large. */
export const CELL_PROPERTIES = 'values,formulas,numberFormat,valueTypes';
export const VALUE_PROPERTIES = 'values,numberFormat,valueTypes';

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

/** Excel on the web only, and only for very large books: smaller blocks, one round trip each. */
export const readBlockByBlock = async (context: Excel.RequestContext, sheets: readonly UsedSheet[], properties = CELL_PROPERTIES): Promise<Map<string, Block[]>> => {
  const blocks = new Map<string, Block[]>();
  for (const { sheet, used } of sheets) {
    const list: Block[] = [];
    for (let start = 0; start < used.rowCount; start += FALLBACK_BLOCK_ROWS) {
      const part = { ...used, rowIndex: used.rowIndex + start, rowCount: Math.min(FALLBACK_BLOCK_ROWS, used.rowCount - start) };
      list.push(...queueBlocks(sheet, part, FALLBACK_BLOCK_ROWS, properties));
      await context.sync();
    }
    blocks.set(sheet.name, list);
  }
  return blocks;
};

/** The formula text ('=…') of a cell when the block was loaded without formulas: known from an earlier read. */
export type KnownFormula = (a1: string) => string | undefined;

export const readBlock = (block: Block, cells: Map<string, SnapshotCell>, date1904 = false, knownFormula?: KnownFormula): void => {
  const { values, numberFormat, valueTypes } = block.range;
  const formulas = knownFormula === undefined ? block.range.formulas : null;
  // loaded without formulas: a cell's formula is the known one, a constant reads the same from values as from formulas
  const formulaAt = (r: number, c: number, value: unknown): unknown =>
    formulas !== null ? formulas[r]?.[c] : (knownFormula?.(address(block.top + r, block.left + c)) ?? value);
  values.forEach((row, r) => {
    row.forEach((value: unknown, c) => {
      const cell = snapshotCell(value, formulaAt(r, c, value), numberFormat[r]?.[c], valueTypes[r]?.[c] ?? 'Unknown', date1904);
      if (cell !== null) cells.set(address(block.top + r, block.left + c), cell);
    });
  });
};
