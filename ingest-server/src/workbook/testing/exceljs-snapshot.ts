// The exceljs adapter: a loaded workbook → the shared WorkbookSnapshot (values, formulas, defined names, validations,
// protection). Normalises exceljs's {formula,result}, {sharedFormula}, {richText}, hyperlinks, errors and Date into one
// shape; the sheets no rule reads are left empty, as the lean reader and the Office.js adapter leave them.
import type ExcelJS from 'exceljs';
import {
  formatRange,
  GENERATED_SHEETS,
  parseAddress,
  parseSheetReference,
  type Bounds,
  type CellValue,
  type DefinedNameTarget,
  type SnapshotCell,
  type SnapshotSheet,
  type SnapshotValidation,
  type WorkbookSnapshot,
} from '@portfund/shared-rules';
import { makeValidation } from '../read/sheet';

type RawValue = ExcelJS.CellValue;

const isoDate = (d: Date): CellValue =>
  Number.isNaN(d.getTime()) ? { error: '#VALUE!' } : { date: d.toISOString().slice(0, 10) };

/** A plain value (not a formula) as the snapshot stores it. */
export const plainValue = (v: RawValue | undefined): CellValue => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return { error: String(v.error) };
    if ('text' in v && 'hyperlink' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as RawValue);
    if ('result' in v) return plainValue(v.result as RawValue);
  }
  return null;
};

const readCell = (cell: ExcelJS.Cell): SnapshotCell | null => {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    // cell.formula translates a shared-formula clone from its master (Excel and LibreOffice write filled-down formulas so)
    const formula = cell.formula;
    const result = plainValue((v as { result?: RawValue }).result);
    return typeof formula === 'string' && formula !== '' ? { v: result, f: formula } : { v: result };
  }
  const value = plainValue(v);
  return value === null ? null : { v: value };
};

/** One exceljs data-validation model (it keeps one object per <dataValidation>, under every address it covers). */
interface ValidationModel {
  readonly type: string;
  readonly operator?: string;
  readonly formulae?: readonly unknown[];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const boundText = (f: unknown): string => (f instanceof Date ? String((f.getTime() - EXCEL_EPOCH_MS) / 86_400_000) : String(f));

/** The addresses of one validation as rectangles: vertical runs per column, merged across columns with the same run. */
const areasOf = (addresses: readonly string[]): string => {
  const runs = new Map<string, number>();
  const byColumn = new Map<number, number[]>();
  for (const a of addresses) {
    const at = parseAddress(a);
    if (at === null) continue;
    const rows = byColumn.get(at.col);
    if (rows === undefined) byColumn.set(at.col, [at.row]);
    else rows.push(at.row);
  }
  const areas: Bounds[] = [];
  for (const col of [...byColumn.keys()].sort((x, y) => x - y)) {
    const rows = [...new Set(byColumn.get(col))].sort((x, y) => x - y);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j += 1;
      const top = rows[i] ?? 0;
      const bottom = rows[j] ?? 0;
      const key = `${top}:${bottom}`;
      // the run of the same rows in the column to the left widens; otherwise a new area starts
      const open = runs.get(key);
      const area = open === undefined ? undefined : areas[open];
      if (open !== undefined && area !== undefined && area.right === col - 1) {
        areas[open] = { ...area, right: col };
      } else {
        runs.set(key, areas.length);
        areas.push({ top, bottom, left: col, right: col });
      }
      i = j + 1;
    }
  }
  return areas.map(formatRange).join(' ');
};

const readValidations = (ws: ExcelJS.Worksheet): SnapshotValidation[] => {
  // worksheet.dataValidations is missing from exceljs's typings
  const model = (ws as unknown as { dataValidations: { model: Record<string, ValidationModel> } }).dataValidations.model;
  const addresses = new Map<ValidationModel, string[]>();
  for (const [at, v] of Object.entries(model)) {
    const list = addresses.get(v);
    if (list === undefined) addresses.set(v, [at]);
    else list.push(at);
  }
  return [...addresses].map(([v, list]) =>
    makeValidation(areasOf(list), v.type, v.operator, (v.formulae ?? []).map(boundText)),
  );
};

const readSheet = (ws: ExcelJS.Worksheet): SnapshotSheet => {
  const state = ws.state === 'veryHidden' || ws.state === 'hidden' ? ws.state : 'visible';
  if (GENERATED_SHEETS.has(ws.name)) return { name: ws.name, state, cells: new Map() };
  const cells = new Map<string, SnapshotCell>();
  const unlocked = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // merged cells repeat the master's value in exceljs; only the master holds it in the file
      if (cell.isMerged && cell.master !== cell) return;
      const read = readCell(cell);
      if (read === null) return;
      cells.set(cell.address, read);
      if (cell.protection?.locked === false) unlocked.add(cell.address);
    });
  });
  const isProtected = (ws as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection?.sheet === true;
  return { name: ws.name, state, cells, validations: readValidations(ws), protected: isProtected, unlocked };
};

export const readNames = (wb: ExcelJS.Workbook): Map<string, DefinedNameTarget> => {
  const names = new Map<string, DefinedNameTarget>();
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const first = ranges[0];
    const target = first === undefined ? null : parseSheetReference(first);
    if (target !== null) names.set(name, target);
  }
  return names;
};

export const snapshotFromExcelJS = (wb: ExcelJS.Workbook): WorkbookSnapshot => ({
  sheets: wb.worksheets.map(readSheet),
  names: readNames(wb),
});
