// Values written into a fresh template before it is saved: by defined name (FillValues) or by address (CellOverrides).
import type ExcelJS from 'exceljs';
import { address, definedNames, parseRange, type WorkbookDefinition } from '@portfund/shared-rules';
import { formulaValue } from './write-sheet';

/** A value as written: strings stay strings and numbers stay numbers (tests need wrong types too); null leaves the cell empty. */
export type CellInput = string | number | null;

/** A formula typed over a cell (template tampering in tests); result is the cached value a reader sees. */
export interface FormulaInput {
  readonly formula: string;
  readonly result?: string | number;
}

/** By defined name: one value for a single cell; rows × columns from the range's top-left (undefined = leave as is). */
export type FillValues = Readonly<Record<string, CellInput | readonly (readonly (CellInput | undefined)[])[]>>;

/** By sheet and address, on any sheet (_meta and _marks too): overwrites whatever the template has there. */
export type CellOverrides = Readonly<Record<string, Readonly<Record<string, CellInput | FormulaInput>>>>;

/** Everything written over the definition's defaults, by sheet then address. */
export type CellContents = Map<string, Map<string, CellInput | FormulaInput>>;

export const isFormulaInput = (v: CellInput | FormulaInput): v is FormulaInput => typeof v === 'object' && v !== null;

const put = (contents: CellContents, sheet: string, at: string, value: CellInput | FormulaInput): void => {
  let cells = contents.get(sheet);
  if (cells === undefined) {
    cells = new Map();
    contents.set(sheet, cells);
  }
  cells.set(at, value);
};

/** Resolves names to addresses; an unknown name or a block larger than its range is a bug in the caller. */
export const fillByName = (def: WorkbookDefinition, fill: FillValues, contents: CellContents = new Map()): CellContents => {
  const names = definedNames(def);
  for (const [name, value] of Object.entries(fill)) {
    const target = names.get(name);
    const bounds = target === undefined ? null : parseRange(target.ref);
    if (target === undefined || bounds === null) throw new Error(`fill: no defined name ${name} in ${def.kind} ${def.version}`);
    // a block is the only object a fill value can be
    const rows = typeof value === 'object' && value !== null ? value : [[value]];
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === undefined) return;
        if (bounds.top + r > bounds.bottom || bounds.left + c > bounds.right) throw new Error(`fill: ${name}[${r}][${c}] is outside ${target.ref}`);
        put(contents, target.sheet, address(bounds.top + r, bounds.left + c), v);
      });
    });
  }
  return contents;
};

export const fillCells = (overrides: CellOverrides, contents: CellContents = new Map()): CellContents => {
  for (const [sheet, cells] of Object.entries(overrides)) {
    for (const [at, value] of Object.entries(cells)) put(contents, sheet, at.replace(/\$/g, '').toUpperCase(), value);
  }
  return contents;
};

/** Writes the contents over the built sheets, keeping each cell's style (so a tampered cell looks like the original). */
export const writeContents = (wb: ExcelJS.Workbook, contents: CellContents): void => {
  for (const [sheet, cells] of contents) {
    const ws = wb.getWorksheet(sheet);
    if (ws === undefined) throw new Error(`fill: no sheet ${sheet}`);
    for (const [at, v] of cells) ws.getCell(at).value = isFormulaInput(v) ? formulaValue(v.formula, v.result) : v;
  }
};
