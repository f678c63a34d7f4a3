// Office.js cell data → the shared snapshot's cell: '=SUM(B4:B7)' → f 'SUM(B4:B7)', '' → absent, dates → {date}, '#REF!' → {error}.
import { type CellValue, type SnapshotCell } from '@portfund/shared-rules';

const MS_PER_DAY = 86_400_000;
/** Serial 0 of the 1900 date system, counted as Excel does from serial 61 on (1900-03-01). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Serials 1–59 (1900-01-01 … 1900-02-28) sit one day later than the epoch suggests: Excel counts a 1900-02-29. */
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);

/**
 * An Excel date serial (1900 date system) as an ISO date. Excel believes 1900 was a leap year (Lotus 1-2-3's bug):
 * serial 60 is the fictitious 1900-02-29, and serials below it are one day off from a plain day count.
 */
export const serialToIsoDate = (serial: number): string => {
  const day = Math.floor(serial + 1e-9);
  if (day === 60) return '1900-02-29';
  const epoch = day < 60 ? EPOCH_BEFORE_LEAP_BUG : EPOCH_1900;
  return new Date(epoch + day * MS_PER_DAY).toISOString().slice(0, 10);
};

/** Whether a number format shows a date or time (same test as exceljs, so the add-in and the CLI agree). */
export const isDateFormat = (format: unknown): boolean => {
  if (typeof format !== 'string' || format === '' || format === 'General') return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
};

/** Office.js reports a value's type beside it; only 'Error' and 'Empty' change how the value is read. */
export type OfficeValueType = 'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue' | string;

const plainValue = (value: unknown, numberFormat: unknown, valueType: OfficeValueType): CellValue => {
  if (valueType === 'Error') return { error: String(value) };
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) && isDateFormat(numberFormat) ? { date: serialToIsoDate(value) } : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
};

/**
 * One cell as Office.js loads it (values, formulas, numberFormat, valueTypes at the same position) → a snapshot cell,
 * or null for an empty cell. A text cell that merely starts with '=' reads back the same from values and formulas.
 */
export const snapshotCell = (value: unknown, formula: unknown, numberFormat: unknown, valueType: OfficeValueType): SnapshotCell | null => {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && formula !== value;
  const v = plainValue(value, numberFormat, valueType);
  if (isFormula) return { v, f: formula.slice(1) };
  return v === null ? null : { v };
};

/** "'現金收支登記簿'!$A$14:$K$3013" or "=申請書!$C$4" → { sheet, ref }; other name values (constants, #REF!) → null. */
export const parseNameAddress = (value: unknown): { sheet: string; ref: string } | null => {
  if (typeof value !== 'string') return null;
  const text = value.startsWith('=') ? value.slice(1) : value;
  // a multi-area name: its first area, as exceljs reads it
  const first = text.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)[0] ?? '';
  const bang = first.lastIndexOf('!');
  if (bang < 0) return null;
  const rawSheet = first.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const ref = first.slice(bang + 1).replace(/\$/g, '').toUpperCase();
  return sheet !== '' && /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref) ? { sheet, ref } : null;
};
