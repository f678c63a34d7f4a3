// Error/warning highlighting the add-in drives without unprotecting: conditional formats over the cells a version
// marks (1.1 the input cells, from 1.2 every cell of the sheet, locked totals too) read the sheet's block of the
// very-hidden _marks sheet ("E" or "W").
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
  type TemplateVersion,
} from '@portfund/shared-rules';
import { COLORS, solidFill } from './styles';

/** Input cells as few rectangles (what 1.1 highlights): vertical runs per column, then equal runs of adjacent columns joined. */
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

/** The rectangles a version's conditional formats cover: from 1.2 one over the whole sheet, conditional formats work on locked cells. */
export const markedRectangles = (sheet: SheetSpec, release: TemplateVersion): Bounds[] => {
  if (release.marked === 'inputs') return inputRectangles(sheet);
  if (release.marked === 'none') return [];
  // a loop, not Math.min(...cells): a 20,000-entry cash book has ~300,000 cells, more than a call's argument limit
  let bounds: Bounds | null = null;
  for (const key of sheet.cells.keys()) {
    const a = parseAddress(key);
    if (a === null) continue;
    bounds =
      bounds === null
        ? { top: a.row, bottom: a.row, left: a.col, right: a.col }
        : { top: Math.min(bounds.top, a.row), bottom: Math.max(bounds.bottom, a.row), left: Math.min(bounds.left, a.col), right: Math.max(bounds.right, a.col) };
  }
  return bounds === null ? [] : [bounds];
};

export const addMarkFormats = (ws: ExcelJS.Worksheet, sheet: SheetSpec, block: MarkBlock, release: TemplateVersion): void => {
  const ref = markedRectangles(sheet, release).map(formatRange).join(' ');
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
