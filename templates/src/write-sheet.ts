// Writes one data sheet of the definition: labels, inputs (unlocked, empty), formulas with cached results, "/" cells, merges.
import type ExcelJS from 'exceljs';
import { type CellSpec, type ListDef, render, type SheetSpec } from '@portfund/shared-rules';
import { applyLayout } from './layout';
import { fittedRowHeights } from './row-heights';
import { formulaStyle, forbiddenStyle, inputStyle, labelStyle } from './styles';

const styleOf = (spec: CellSpec, sheet: SheetSpec, lists: readonly ListDef[]): Partial<ExcelJS.Style> => {
  switch (spec.kind) {
    case 'label':
      return labelStyle(spec.role, sheet.inputColor);
    case 'input':
      return inputStyle(spec.field, sheet.inputColor, lists.find((l) => l.key === spec.field.list)?.values);
    case 'formula':
      return formulaStyle(spec.role, spec.format, sheet.inputColor);
    case 'forbidden':
      return forbiddenStyle();
  }
};

export const formulaValue = (formula: string, result: number | string | undefined): ExcelJS.CellValue =>
  ({ formula, result: result ?? '' }) as ExcelJS.CellFormulaValue;

const definedValue = (spec: CellSpec, sheet: string, result: number | string | undefined): ExcelJS.CellValue => {
  switch (spec.kind) {
    case 'label':
      return spec.text;
    case 'input':
      return spec.initial ?? null;
    case 'formula':
      return formulaValue(render(spec.expr, sheet), result);
    case 'forbidden':
      return '/';
  }
};

/** Formula cells get their cached results from results (by address). */
export const writeSheet = (ws: ExcelJS.Worksheet, sheet: SheetSpec, lists: readonly ListDef[], results: ReadonlyMap<string, number | string>): void => {
  for (const [at, spec] of sheet.cells) {
    const cell = ws.getCell(at);
    cell.style = styleOf(spec, sheet, lists);
    const value = definedValue(spec, sheet.name, results.get(at));
    if (value !== null) cell.value = value;
  }
  // after the values: exceljs copies the top-left cell's style over the merged area
  for (const merge of sheet.layout.merges) ws.mergeCells(merge);
  applyLayout(ws, sheet.layout, sheet.layout.fitRowHeights === true ? fittedRowHeights(sheet) : undefined);
};
