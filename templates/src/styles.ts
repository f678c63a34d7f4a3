// Cell styles by role and field type. Objects are shared and never mutated (exceljs setters such as cell.numFmt mutate in place).
import type ExcelJS from 'exceljs';
import { type CellRole, type FieldSpec, type SheetSpec } from '@portfund/shared-rules';

export type InputColor = SheetSpec['inputColor'];

type Style = Partial<ExcelJS.Style>;

export const COLORS = {
  inputRed: 'FFFFC7CE',
  inputRedFont: 'FF9C0006',
  inputWhite: 'FFFFFFFF',
  lockedGrey: 'FFF2F2F2',
  headerGrey: 'FFD9D9D9',
  sectionBlue: 'FFDDEBF7',
  forbiddenGrey: 'FFBFBFBF',
  noteFont: 'FF595959',
  markError: 'FFFF7C80',
  markErrorFont: 'FF9C0006',
  markWarning: 'FFFFEB9C',
} as const;

export const solidFill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const MIDDLE: Partial<ExcelJS.Alignment> = { vertical: 'middle' };
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };

const ROLE_STYLES: Readonly<Record<CellRole, Style>> = {
  title: { font: { bold: true, size: 14 }, alignment: MIDDLE },
  section: { font: { bold: true }, fill: solidFill(COLORS.sectionBlue), alignment: MIDDLE },
  header: { font: { bold: true }, fill: solidFill(COLORS.headerGrey), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDERS },
  label: { border: BORDERS, alignment: WRAP },
  note: { font: { italic: true, size: 9, color: { argb: COLORS.noteFont } }, alignment: WRAP },
  total: { font: { bold: true }, border: BORDERS, alignment: MIDDLE },
};

const cache = new Map<string, Style>();
const shared = (key: string, make: () => Style): Style => {
  let style = cache.get(key);
  if (style === undefined) {
    style = make();
    cache.set(key, style);
  }
  return style;
};

// On the cash book white means "fill here", so every locked cell is tinted grey.
const lockedTint = (style: Style, color: InputColor): Style =>
  color === 'white' && style.fill === undefined ? { ...style, fill: solidFill(COLORS.lockedGrey) } : style;

export const labelStyle = (role: CellRole, color: InputColor): Style =>
  shared(`label|${role}|${color}`, () => lockedTint(ROLE_STYLES[role], color));

const FORMULA_FORMATS: Readonly<Record<'amount' | 'count' | 'text', string | undefined>> = { amount: '#,##0', count: '#,##0', text: undefined };

/** Formula cells look like their role, never wrap (they repeat down thousands of rows) and show amounts with separators. */
export const formulaStyle = (role: CellRole, format: 'amount' | 'count' | 'text', color: InputColor): Style =>
  shared(`formula|${role}|${format}|${color}`, () => {
    const base = ROLE_STYLES[role];
    const numFmt = FORMULA_FORMATS[format];
    const style: Style = { ...base, alignment: { ...base.alignment, wrapText: false } };
    return lockedTint(numFmt === undefined ? style : { ...style, numFmt }, color);
  });

/** Excel's number format for an input: '@' (text) where leading zeros or codes like 1-1 must survive typing. */
export const inputNumFmt = (spec: FieldSpec, listValues: readonly (string | number)[] | undefined): string | undefined => {
  switch (spec.type) {
    case 'amount':
    case 'count':
      return '#,##0';
    case 'hours':
      return '0.0#';
    case 'text':
    case 'rocDate':
    case 'ubn':
    case 'nationalId':
    case 'phone':
    case 'email':
      return '@';
    case 'enum':
      return listValues !== undefined && listValues.every((v) => typeof v === 'string') ? '@' : undefined;
    case 'rocYear':
      return undefined;
  }
};

export const inputStyle = (spec: FieldSpec, color: InputColor, listValues: readonly (string | number)[] | undefined): Style => {
  const numFmt = inputNumFmt(spec, listValues);
  const wrap = spec.type === 'text' && (spec.maxLength ?? 0) > 50;
  return shared(`input|${color}|${numFmt ?? ''}|${wrap}`, () => ({
    ...(numFmt === undefined ? {} : { numFmt }),
    font: color === 'red' ? { color: { argb: COLORS.inputRedFont } } : {},
    fill: solidFill(color === 'red' ? COLORS.inputRed : COLORS.inputWhite),
    border: BORDERS,
    alignment: wrap ? WRAP : MIDDLE,
    protection: { locked: false },
  }));
};

export const forbiddenStyle = (): Style =>
  shared('forbidden', () => ({ fill: solidFill(COLORS.forbiddenGrey), border: BORDERS, alignment: { horizontal: 'center', vertical: 'middle' } }));

