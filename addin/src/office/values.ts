// Office.js cell data → the shared snapshot's cell: '=SUM(B4:B7)' → f 'SUM(B4:B7)', '' → absent, dates → {date}, '#REF!' → {error}.
import { isDateFormat, serialToIsoDate, type CellValue, type SnapshotCell } from '@portfund/shared-rules';

/** Office.js reports a value's type beside it; only 'Error' and 'Empty' change how the value is read. */
export type OfficeValueType = 'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue' | string;

const plainValue = (value: unknown, numberFormat: unknown, valueType: OfficeValueType, date1904: boolean): CellValue => {
  if (valueType === 'Error') return { error: String(value) };
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    // the same format test and serial conversion as the server's reader (shared-rules), so both read one value
    const iso = isDateFormat(numberFormat) ? serialToIsoDate(value, date1904) : null;
    return iso === null ? value : { date: iso };
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
};

/**
 * One cell as Office.js loads it (values, formulas, numberFormat, valueTypes at the same position) → a snapshot cell,
 * or null for an empty cell. A text cell that merely starts with '=' reads back the same from values and formulas.
 * date1904: the workbook counts date serials from 1904-01-01 (old Mac workbooks), as the server's reader honours.
 */
export const snapshotCell = (
  value: unknown,
  formula: unknown,
  numberFormat: unknown,
  valueType: OfficeValueType,
  date1904 = false,
): SnapshotCell | null => {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && formula !== value;
  const v = plainValue(value, numberFormat, valueType, date1904);
  if (isFormula) return { v, f: formula.slice(1) };
  return v === null ? null : { v };
};
