// Shared formulas (how Excel and LibreOffice store a formula filled down a column): the master's text moved to each
// clone's position — relative references shift, absolute ($) ones stay; string literals and names are left alone.
import { columnIndex, columnLetters } from '@portfund/shared-rules';

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(!])/g;

const shiftPart = (part: string, dRow: number, dCol: number): string =>
  part.replace(REF, (whole, colAbs: string, col: string, rowAbs: string, row: string, offset: number, text: string) => {
    // a name such as tbl_cb_summary or a function like LOG10 is not a reference
    const before = offset > 0 ? text[offset - 1] : '';
    if (before !== undefined && /[\w.]/.test(before)) return whole;
    const c = colAbs === '' ? columnIndex(col) + dCol : columnIndex(col);
    const r = rowAbs === '' ? Number(row) + dRow : Number(row);
    if (c < 1 || r < 1) return '#REF!';
    return `${colAbs}${columnLetters(c)}${rowAbs}${r}`;
  });

/** The master formula moved from its cell to another (both A1 addresses). */
export const slideFormula = (formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string => {
  const dRow = to.row - from.row;
  const dCol = to.col - from.col;
  if (dRow === 0 && dCol === 0) return formula;
  // split off string literals ("…" with "" escapes) and quoted sheet names ('…'): never shifted
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part) => (part.startsWith('"') || part.startsWith("'") ? part : shiftPart(part, dRow, dCol)))
    .join('');
};

