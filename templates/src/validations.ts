// Data validations of the definition. exceljs takes one area per entry (a space-separated sqref crashes its writer),
// so a multi-area validation is added area by area and joined back into one <dataValidation> when the file is finished.
import type ExcelJS from 'exceljs';
import { type SheetSpec, type Validation } from '@portfund/shared-rules';

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

const areasOf = (v: Validation): string[] => v.sqref.split(/\s+/).filter((a) => a !== '');

/** Excel limits: input/error titles 32 characters, messages 255. */
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const promptOf = (v: Validation, sheet: SheetSpec): string => {
  const first = areasOf(v)[0]?.split(':')[0] ?? '';
  const spec = sheet.cells.get(first);
  return spec?.kind === 'input' && spec.field.hint !== undefined ? spec.field.hint : v.error;
};

export const addValidations = (ws: ExcelJS.Worksheet, sheet: SheetSpec, validations: readonly Validation[]): void => {
  // worksheet.dataValidations is missing from exceljs's typings; cell.dataValidation would write one element per cell
  const target = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  for (const v of validations) {
    const validation: ExcelJS.DataValidation = {
      type: v.type,
      formulae: [...v.formula],
      allowBlank: v.allowBlank,
      ...(v.operator === undefined ? {} : { operator: v.operator }),
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: clip(v.errorTitle, 32),
      error: clip(v.error, 255),
      showInputMessage: true,
      promptTitle: clip(v.errorTitle, 32),
      prompt: clip(promptOf(v, sheet), 255),
    };
    for (const area of areasOf(v)) target.add(area, validation);
  }
};

const DATA_VALIDATION = /<dataValidation [^>]*?sqref="([^"]*)"[^>]*>[\s\S]*?<\/dataValidation>/g;

/** Joins the per-area elements exceljs wrote back into one element per multi-area validation. */
export const joinValidationAreas = (sheetXml: string, validations: readonly Validation[]): string => {
  const multi = validations.filter((v) => areasOf(v).length > 1);
  if (multi.length === 0) return sheetXml;
  const firstArea = new Map(multi.map((v) => [areasOf(v)[0] ?? '', v.sqref]));
  const laterAreas = new Set(multi.flatMap((v) => areasOf(v).slice(1)));
  let count = 0;
  const xml = sheetXml.replace(DATA_VALIDATION, (element: string, sqref: string) => {
    if (laterAreas.has(sqref)) return '';
    count += 1;
    const joined = firstArea.get(sqref);
    return joined === undefined ? element : element.replace(`sqref="${sqref}"`, `sqref="${joined}"`);
  });
  return xml.replace(/<dataValidations count="\d+">/, `<dataValidations count="${count}">`);
};
