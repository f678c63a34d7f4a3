// The add-in highlights cells without unprotecting sheets: it writes "E"/"W" into the very-hidden _marks sheet,
// and each markable sheet has conditional formats reading its block of _marks through a defined name mk_<n>.
import { columnLetters, parseRange } from '../snapshot/a1';
import { type SheetSpec } from './types';

export const MARKS_SHEET = '_marks';
export const MARK_ERROR = 'E';
export const MARK_WARNING = 'W';

export interface MarkBlock {
  readonly sheet: string;
  readonly name: string;
  /** Row offset of this sheet's block in _marks: sheet cell (r, c) ↔ _marks cell (r + offset, c). */
  readonly offset: number;
  readonly ref: string;
}

export interface MarksLayout {
  readonly blockRows: number;
  readonly lastColumn: number;
  readonly blocks: readonly MarkBlock[];
}

// a definition's sheets are built once per version and size (buildDefinition caches them): so is their layout
const layouts = new WeakMap<readonly SheetSpec[], MarksLayout>();

export const marksLayout = (sheets: readonly SheetSpec[]): MarksLayout => {
  const hit = layouts.get(sheets);
  if (hit !== undefined) return hit;
  const layout = computeLayout(sheets);
  layouts.set(sheets, layout);
  return layout;
};

const computeLayout = (sheets: readonly SheetSpec[]): MarksLayout => {
  let maxRow = 1;
  let maxCol = 1;
  for (const s of sheets) {
    for (const a of s.cells.keys()) {
      const b = parseRange(a);
      if (b === null) continue;
      maxRow = Math.max(maxRow, b.bottom);
      maxCol = Math.max(maxCol, b.right);
    }
  }
  const blockRows = Math.ceil((maxRow + 1) / 1000) * 1000;
  const blocks = sheets
    .filter((s) => s.markable)
    .map((s, i) => {
      const offset = i * blockRows;
      return { sheet: s.name, name: `mk_${i + 1}`, offset, ref: `A${offset + 1}:${columnLetters(maxCol)}${offset + blockRows}` };
    });
  return { blockRows, lastColumn: maxCol, blocks };
};

/** The conditional-format formula for a cell range whose top-left is topLeft (relative refs, as Excel expects). */
export const markFormula = (block: MarkBlock, mark: string): string => `INDEX(${block.name},ROW(),COLUMN())="${mark}"`;
