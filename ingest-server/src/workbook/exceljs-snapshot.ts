// The exceljs adapter: a loaded workbook → the shared WorkbookSnapshot (values, formulas, defined names).
// Normalises exceljs's {formula,result}, {sharedFormula}, {richText}, hyperlinks, errors and Date into one shape.
import type ExcelJS from 'exceljs';
import { type CellValue, type DefinedNameTarget, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from '@portfund/shared-rules';

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

const readSheet = (ws: ExcelJS.Worksheet): SnapshotSheet => {
  const cells = new Map<string, SnapshotCell>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // merged cells repeat the master's value in exceljs; only the master holds it in the file
      if (cell.isMerged && cell.master !== cell) return;
      const read = readCell(cell);
      if (read !== null) cells.set(cell.address, read);
    });
  });
  const state = ws.state === 'veryHidden' || ws.state === 'hidden' ? ws.state : 'visible';
  return { name: ws.name, state, cells };
};

/** "'現金收支登記簿'!$A$14:$K$3013" → { sheet, ref: 'A14:K3013' } */
export const parseNameRange = (range: string): DefinedNameTarget | null => {
  const bang = range.lastIndexOf('!');
  if (bang < 0) return null;
  const rawSheet = range.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const ref = range.slice(bang + 1).replace(/\$/g, '').toUpperCase();
  return /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref) ? { sheet, ref } : null;
};

export const readNames = (wb: ExcelJS.Workbook): Map<string, DefinedNameTarget> => {
  const names = new Map<string, DefinedNameTarget>();
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const first = ranges[0];
    const target = first === undefined ? null : parseNameRange(first);
    if (target !== null) names.set(name, target);
  }
  return names;
};

export const snapshotFromExcelJS = (wb: ExcelJS.Workbook): WorkbookSnapshot => ({
  sheets: wb.worksheets.map(readSheet),
  names: readNames(wb),
});
