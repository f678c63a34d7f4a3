// Migration: the inputs of a workbook made from an older template version, written into a fresh current template.
import {
  address,
  buildDefinition,
  cellsOfRange,
  CURRENT_VERSION,
  definedNames,
  evaluateConstantFormula,
  isDateValue,
  isErrorValue,
  parseRange,
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

const carried = (cell: SnapshotCell | undefined): Input | FormulaInput =>
  cell?.f === undefined ? asInput(cell?.v ?? null) : asFormula(cell.f);

/** Reads every input field of the old definition by its address and fills the same names in the current template. */
export const migrateSnapshot = async (snapshot: WorkbookSnapshot, kind: WorkbookKind, version: string): Promise<Buffer> => {
  const from = buildDefinition(kind, version);
  // a field a later version dropped has nowhere to go; a field it added stays blank
  const targets = definedNames(buildDefinition(kind, CURRENT_VERSION, from.options));
  const cells = new Map(snapshot.sheets.map((s) => [s.name, s.cells]));
  const read = (sheet: string, at: string): Input | FormulaInput => carried(cells.get(sheet)?.get(at));
  const fill: Record<string, Input | (Input | undefined)[][]> = {};
  const formulas: Record<string, Record<string, FormulaInput>> = {};
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
      const value = place(f.name, 0, 0, read(f.sheet, f.cell));
      if (value !== undefined) fill[f.name] = value;
    } else if (f.kind === 'range') {
      const b = parseRange(f.ref);
      if (b === null) continue;
      const spec = from.sheets.find((s) => s.name === f.sheet)?.cells;
      const width = b.right - b.left + 1;
      const rows: (Input | undefined)[][] = [];
      cellsOfRange(f.ref).forEach((at, i) => {
        const r = Math.floor(i / width);
        const value = spec?.get(at)?.kind === 'input' ? place(f.name, r, i % width, read(f.sheet, at)) : undefined;
        (rows[r] ??= []).push(value);
      });
      fill[f.name] = rows;
    }
  }
  const overrides: CellOverrides = formulas;
  return writeTemplate(kind, { version: CURRENT_VERSION, fill: fill as FillValues, cells: overrides, ...from.options });
};
