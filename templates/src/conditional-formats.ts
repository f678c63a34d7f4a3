// Error/warning highlighting the add-in drives without unprotecting: conditional formats over the input cells
// read the sheet's block of the very-hidden _marks sheet ("E" or "W").
import type ExcelJS from 'exceljs';
import {
  type Bounds,
  formatRange,
  MARK_ERROR,
  MARK_WARNING,
  type MarkBlock,
  markFormula,
  parseAddress,
  type SheetSpec,
} from '@portfund/shared-rules';
import { COLORS, solidFill } from './styles';

/** Input cells as few rectangles: vertical runs per column, then equal runs of adjacent columns joined. */
export const inputRectangles = (sheet: SheetSpec): Bounds[] => {
  const rowsByColumn = new Map<number, number[]>();
  for (const [at, spec] of sheet.cells) {
    const a = spec.kind === 'input' ? parseAddress(at) : null;
    if (a === null) continue;
    const rows = rowsByColumn.get(a.col) ?? [];
    rows.push(a.row);
    rowsByColumn.set(a.col, rows);
  }
  const open: Bounds[] = [];
  const done: Bounds[] = [];
  for (const col of [...rowsByColumn.keys()].sort((x, y) => x - y)) {
    const runs: Bounds[] = [];
    for (const row of (rowsByColumn.get(col) ?? []).sort((x, y) => x - y)) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.bottom === row - 1) runs[runs.length - 1] = { ...last, bottom: row };
      else runs.push({ top: row, bottom: row, left: col, right: col });
    }
    const next: Bounds[] = [];
    for (const run of runs) {
      const i = open.findIndex((o) => o.right === col - 1 && o.top === run.top && o.bottom === run.bottom);
      if (i >= 0) next.push({ ...(open.splice(i, 1)[0] as Bounds), right: col });
      else next.push(run);
    }
    done.push(...open);
    open.splice(0, open.length, ...next);
  }
  return [...done, ...open];
};

export const addMarkFormats = (ws: ExcelJS.Worksheet, sheet: SheetSpec, block: MarkBlock): void => {
  const ref = inputRectangles(sheet).map(formatRange).join(' ');
  if (ref === '') return;
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [markFormula(block, MARK_ERROR)],
        style: { fill: solidFill(COLORS.markError), font: { bold: true, color: { argb: COLORS.markErrorFont } } },
      },
      { type: 'expression', priority: 2, formulae: [markFormula(block, MARK_WARNING)], style: { fill: solidFill(COLORS.markWarning) } },
    ],
  });
};
