// Cached results for every formula, computed from the written inputs with the checker's own evaluator:
// readers that do not recalculate (exceljs, scripts) must see the numbers Excel would show.
import Decimal from 'decimal.js';
import { cellsOfRange, evaluate, parseAddress, type Value, type WorkbookDefinition } from '@portfund/shared-rules';
import { type CellContents, type CellInput, type FormulaInput, isFormulaInput } from './fill';

export type FormulaResults = Map<string, Map<string, number | string>>;

const key = (sheet: string, at: string): string => `${sheet}!${at}`;

const toCached = (v: Value): number | string => (v === null ? '' : v instanceof Decimal ? v.toNumber() : v);

/** A written value as the evaluator reads it; a typed-over formula counts as its given result. */
const toValue = (v: CellInput | FormulaInput): Value => {
  const plain = isFormulaInput(v) ? (v.result ?? null) : v;
  return typeof plain === 'number' ? new Decimal(plain) : plain;
};

export const formulaResults = (def: WorkbookDefinition, contents: CellContents): FormulaResults => {
  const sheets = new Map(def.sheets.map((s) => [s.name, s]));
  const memo = new Map<string, Value>();
  const pending = new Set<string>();

  const value = (sheet: string, at: string): Value => {
    const written = contents.get(sheet)?.get(at);
    if (written !== undefined) return toValue(written);
    const spec = sheets.get(sheet)?.cells.get(at);
    if (spec === undefined) return null;
    if (spec.kind === 'input') return spec.initial ?? null;
    if (spec.kind === 'label') return spec.text;
    if (spec.kind === 'forbidden') return '/';
    const k = key(sheet, at);
    if (memo.has(k)) return memo.get(k) ?? null;
    if (pending.has(k)) throw new Error(`circular formula at ${k}`);
    pending.add(k);
    const result = evaluate(spec.expr, env);
    pending.delete(k);
    memo.set(k, result);
    return result;
  };
  const env = { value, cellsOf: cellsOfRange };

  const results: FormulaResults = new Map();
  for (const sheet of def.sheets) {
    const sheetResults = new Map<string, number | string>();
    results.set(sheet.name, sheetResults);
    // top to bottom, so a running balance finds the row above already computed instead of recursing 3,000 rows deep
    const formulas = [...sheet.cells].filter(([, spec]) => spec.kind === 'formula').map(([at]) => at);
    formulas.sort((a, b) => (parseAddress(a)?.row ?? 0) - (parseAddress(b)?.row ?? 0));
    for (const at of formulas) sheetResults.set(at, toCached(value(sheet.name, at)));
  }
  return results;
};
