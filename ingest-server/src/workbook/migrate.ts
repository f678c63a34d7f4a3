// Migration: the inputs of a workbook made from an older template version, written into a fresh current template. The
// same machinery makes a reviewer's clean copy (clean-copy.ts): a fresh template of the workbook's own version.
import {
  address,
  buildDefinition,
  cellsOfRange,
  CURRENT_VERSION,
  definedNames,
  evaluateConstantFormula,
  isDateValue,
  isErrorValue,
  parseAddress,
  parseRange,
  renderedFormula,
  type CellValue,
  type SnapshotCell,
  type WorkbookKind,
  type WorkbookSnapshot,
} from '@portfund/shared-rules';
import { writeTemplate, type CellOverrides, type FillValues, type FormulaInput } from '@portfund/templates';

type Input = string | number | null;

const asInput = (v: CellValue): Input => {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.date;
  if (isErrorValue(v)) return null;
  return null;
};

/** A formula the user typed moves as the formula (its result ours for constant arithmetic, never the file's cached one). */
const asFormula = (formula: string): FormulaInput => {
  const r = evaluateConstantFormula(formula);
  return r.ok ? { formula, result: r.value.toNumber() } : { formula };
};

/** A formula that may be carried into a fresh template; others are written as their cached value (clean copies). */
export type FormulaFilter = (formula: string) => boolean;

const carriedWith =
  (keep: FormulaFilter) =>
  (cell: SnapshotCell | undefined): Input | FormulaInput =>
    cell?.f === undefined ? asInput(cell?.v ?? null) : keep(cell.f) ? asFormula(cell.f) : asInput(cell.v);

export interface FillOptions {
  /** Formulas to carry (default: every one). */
  readonly keepFormula?: FormulaFilter;
  /**
   * Same version only: also carry what the user put in the template's formula and "/" cells (a typed value or another
   * formula), and read each field where the file's own defined name now points (rows inserted above it moved it).
   */
  readonly sameVersion?: boolean;
}

/** Reads every input field of the old definition by its address and fills the same names in the current template. */
export const migrateSnapshot = async (snapshot: WorkbookSnapshot, kind: WorkbookKind, version: string): Promise<Buffer> =>
  fillFromSnapshot(snapshot, kind, version, CURRENT_VERSION);

/** The inputs of a workbook of version `version`, written by defined name into a fresh template of version `to`. */
export const fillFromSnapshot = async (snapshot: WorkbookSnapshot, kind: WorkbookKind, version: string, to: string, options: FillOptions = {}): Promise<Buffer> => {
  const carried = carriedWith(options.keepFormula ?? (() => true));
  const from = buildDefinition(kind, version);
  // a field a later version dropped has nowhere to go; a field it added stays blank
  const targets = definedNames(buildDefinition(kind, to, from.options));
  const cells = new Map(snapshot.sheets.map((s) => [s.name, s.cells]));
  const read = (sheet: string, at: string): Input | FormulaInput => carried(cells.get(sheet)?.get(at));
  // a name the file moved (rows or columns inserted above or before it, same size): its values are read where it is now
  const movedSheets = new Set<string>();
  const shiftOf = (name: string, sheet: string, ref: string): { dr: number; dc: number } => {
    const now = options.sameVersion === true ? snapshot.names.get(name) : undefined;
    const a = parseRange(ref);
    const b = now === undefined || now.sheet !== sheet ? null : parseRange(now.ref);
    if (a === null || b === null || b.bottom - b.top !== a.bottom - a.top || b.right - b.left !== a.right - a.left) return { dr: 0, dc: 0 };
    if (b.top !== a.top || b.left !== a.left) movedSheets.add(sheet);
    return { dr: b.top - a.top, dc: b.left - a.left };
  };
  const readMoved = (sheet: string, at: string, shift: { dr: number; dc: number }): Input | FormulaInput => {
    const p = parseAddress(at);
    return read(sheet, p === null ? at : address(p.row + shift.dr, p.col + shift.dc));
  };
  const fill: Record<string, Input | (Input | undefined)[][]> = {};
  const formulas: Record<string, Record<string, Input | FormulaInput>> = {};
  // values go by name; a typed formula goes to the same position of the name in the current template
  const place = (name: string, r: number, c: number, value: Input | FormulaInput): Input | undefined => {
    if (value === null || typeof value !== 'object') return value;
    const target = targets.get(name);
    const b = target === undefined ? null : parseRange(target.ref);
    if (target !== undefined && b !== null) (formulas[target.sheet] ??= {})[address(b.top + r, b.left + c)] = value;
    return undefined;
  };
  for (const f of from.fields) {
    if (!targets.has(f.name)) continue;
    if (f.kind === 'single') {
      const value = place(f.name, 0, 0, readMoved(f.sheet, f.cell, shiftOf(f.name, f.sheet, f.cell)));
      if (value !== undefined) fill[f.name] = value;
    } else if (f.kind === 'range') {
      const b = parseRange(f.ref);
      if (b === null) continue;
      const spec = from.sheets.find((s) => s.name === f.sheet)?.cells;
      const width = b.right - b.left + 1;
      const rows: (Input | undefined)[][] = [];
      const shift = shiftOf(f.name, f.sheet, f.ref);
      cellsOfRange(f.ref).forEach((at, i) => {
        const r = Math.floor(i / width);
        const value = spec?.get(at)?.kind === 'input' ? place(f.name, r, i % width, readMoved(f.sheet, at, shift)) : undefined;
        (rows[r] ??= []).push(value);
      });
      fill[f.name] = rows;
    }
  }
  // a formula or "/" cell typed over or edited stays as the user left it, so the copy re-checks to the same findings; once
  // names moved, the template's addresses hold other cells (and the file's formulas point at the moved ones, on any
  // sheet): the template's own formulas stay
  if (options.sameVersion === true && movedSheets.size === 0) {
    for (const sheet of from.sheets) {
      for (const [at, spec] of sheet.cells) {
        const cell = cells.get(sheet.name)?.get(at);
        if (spec.kind === 'formula') {
          if (cell?.f !== undefined && cell.f.replace(/^=/, '') === renderedFormula(from, sheet.name, at)) continue;
        } else if (spec.kind === 'forbidden') {
          if (cell?.f === undefined && cell?.v === '/') continue;
        } else continue;
        (formulas[sheet.name] ??= {})[at] = carried(cell);
      }
    }
  }
  const overrides: CellOverrides = formulas;
  return writeTemplate(kind, { version: to, fill: fill as FillValues, cells: overrides, ...from.options });
};
