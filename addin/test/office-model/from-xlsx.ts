// Reads an .xlsx with exceljs into what Office.js would report for it: cached values, '='-prefixed formulas, number
// formats, dates as serial numbers, errors as '#REF!' strings, merged cells only in their top-left cell.
import ExcelJS from 'exceljs';
import { serialOfTime, type ModelCell, type ModelName, type ModelSheet, type OfficeScalar, type OfficeWorkbookModel, valueTypeOf, type Visibility } from './model';

type Scalar = { value: OfficeScalar; error?: true };

/** exceljs hands dates over as JS dates; Excel reports the serial of the workbook's date system. */
const scalar = (v: ExcelJS.CellValue | undefined, date1904: boolean): Scalar => {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: serialOfTime(v.getTime(), date1904) };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((r) => r.text).join('') };
    if ('error' in v) return { value: String(v.error), error: true };
    if ('text' in v && 'hyperlink' in v) return scalar(v.text as ExcelJS.CellValue, date1904);
    if ('result' in v) return scalar(v.result as ExcelJS.CellValue, date1904);
  }
  return { value: '' };
};

const modelCell = (cell: ExcelJS.Cell, date1904: boolean): ModelCell | null => {
  const v = cell.value;
  const isFormula = v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
  // cell.value drops a falsy cached result (0 or ''), which Excel would report: read cell.result for formulas
  const { value, error } = isFormula ? scalar(cell.result as ExcelJS.CellValue, date1904) : scalar(v, date1904);
  const numberFormat = cell.numFmt === undefined || cell.numFmt === '' ? 'General' : cell.numFmt;
  const valueType = error === true ? 'Error' : valueTypeOf(value);
  if (isFormula) {
    const formula = cell.formula;
    if (typeof formula === 'string' && formula !== '') return { value, formula: `=${formula}`, numberFormat, valueType };
  }
  return value === '' ? null : { value, numberFormat, valueType };
};

const VISIBILITY: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

const modelSheet = (ws: ExcelJS.Worksheet, date1904: boolean): ModelSheet => {
  const cells: Record<string, ModelCell> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Office.js reports a merged area's value in its top-left cell only
      if (cell.isMerged && cell.master !== cell) return;
      const read = modelCell(cell, date1904);
      if (read !== null) cells[cell.address] = read;
    });
  });
  return { name: ws.name, visibility: VISIBILITY[ws.state] ?? 'Visible', cells };
};

const modelNames = (wb: ExcelJS.Workbook): ModelName[] =>
  (wb.definedNames.model as { name: string; ranges: string[] }[]).map(({ name, ranges }) => {
    const first = ranges[0] ?? '#REF!';
    return first.includes('!') ? { name, type: 'Range', value: ranges.join(',') } : { name, type: 'Error', value: first };
  });

export const officeModelFromWorkbook = (wb: ExcelJS.Workbook, url: string): OfficeWorkbookModel => {
  const date1904 = wb.properties.date1904 === true;
  return { url, sheets: wb.worksheets.map((ws) => modelSheet(ws, date1904)), names: modelNames(wb), date1904 };
};

export const officeModelFromXlsx = async (bytes: Buffer, url: string): Promise<OfficeWorkbookModel> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return officeModelFromWorkbook(wb, url);
};
