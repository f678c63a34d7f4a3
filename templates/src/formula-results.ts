// Cached results for every formula, computed from the written inputs with the checker's own evaluator:
// readers that do not recalculate (exceljs, scripts) must see the numbers Excel would show.
import Decimal from 'decimal.js';
import { cellsOfRange, evaluate, parseAddress, type SheetSpec, type Value, type WorkbookDefinition } from '@portfund/shared-rules';
import { type CellContents, type CellInput, type FormulaInput, isFormulaInput } from './fill';

export type FormulaResults = Map<string, Map<string, number | string>>;

const key = (sheet: string, at: string): string => `${sheet}!${at}`;

const toCached = (v: Value): number | string => (v === null ? '' : v instanceof Decimal ? v.toNumber() : v);

/** A written value as the evaluator reads it; a typed-over formula counts as its given result. */
const toValue = (v: CellInput | FormulaInput): Value => {
  const plain = isFormulaInput(v) ? (v.result ?? null) : v;
  return typeof plain === 'number' ? new Decimal(plain) : plain;
};

const PENDING = Symbol('pending');

const ranges = new Map<string, readonly string[]>();
/** The addresses of a range, listed once per process (the definitions' ranges are few and read by every template). */
const rangeCells = (ref: string): readonly string[] => {
  let cells = ranges.get(ref);
  if (cells === undefined) ranges.set(ref, (cells = cellsOfRange(ref)));
  return cells;
};

export const formulaResults = (def: WorkbookDefinition, contents: CellContents): FormulaResults => {
  const sheets = new Map(def.sheets.map((s) => [s.name, s]));
  // every cell read once: a written value, a default or a formula's result (a SUM reads the same inputs many times)
  const memo = new Map<string, Value | typeof PENDING>();

  const read = (sheet: string, at: string): Value => {
    const written = contents.get(sheet)?.get(at);
    if (written !== undefined) return toValue(written);
    const spec = sheets.get(sheet)?.cells.get(at);
    if (spec === undefined) return null;
    if (spec.kind === 'input') return spec.initial ?? null;
    if (spec.kind === 'label') return spec.text;
    if (spec.kind === 'forbidden') return '/';
    return evaluate(spec.expr, env);
  };
  const value = (sheet: string, at: string): Value => {
    const k = key(sheet, at);
    const known = memo.get(k);
    if (known === PENDING) throw new Error(`circular formula at ${k}`);
    if (known !== undefined) return known;
    memo.set(k, PENDING);
    const result = read(sheet, at);
    memo.set(k, result);
    return result;
  };
  const env = { value, cellsOf: rangeCells };

  const results: FormulaResults = new Map();
  for (const sheet of def.sheets) {
    const sheetResults = new Map<string, number | string>();
    results.set(sheet.name, sheetResults);
    for (const at of formulasInOrder(sheet)) sheetResults.set(at, toCached(value(sheet.name, at)));
  }
  return results;
};

const ordered = new WeakMap<SheetSpec, readonly string[]>();

/** A sheet's formula cells top to bottom, so a running balance finds the row above already computed instead of recursing 3,000 rows deep. */
const formulasInOrder = (sheet: SheetSpec): readonly string[] => {
  let formulas = ordered.get(sheet);
  if (formulas === undefined) {
    const rows = [...sheet.cells].filter(([, spec]) => spec.kind === 'formula').map(([at]) => ({ at, row: parseAddress(at)?.row ?? 0 }));
    formulas = rows.sort((a, b) => a.row - b.row).map((r) => r.at);
    ordered.set(sheet, formulas);
  }
  return formulas;
};
