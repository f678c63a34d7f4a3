// Reads one input cell by its field type with the value checks of SPEC §2; the result carries the finding code.
import { fullWidthSeverity } from '../../definition/fullwidth-policy';
import { listStrings } from '../../definition/lists';
import { type FieldSpec } from '../../definition/types';
import { type CellValue, isBlank } from '../../snapshot/types';
import { readAmount } from '../../values/amount';
import { readEmail } from '../../values/email';
import { readEnum } from '../../values/enum';
import { digitsToHalfWidth, hasFullWidthNumber } from '../../values/fullwidth';
import { readNationalId } from '../../values/national-id';
import { readPhone } from '../../values/phone';
import { fail, ok, type ValueResult } from '../../values/result';
import { readRocDate, readRocYear } from '../../values/roc-date';
import { cellText, readText } from '../../values/text';
import { readUbn } from '../../values/ubn';

/** Bounds beyond the type: 申請年度 ≥ 100 is read by readRocYear; 會員人數 ≥ 1, 月 1–12, 金額 > 0, 時數 ≤ 24 here. */
const checkBounds = (v: CellValue, spec: FieldSpec, n: number): ValueResult<unknown> => {
  const actual = cellText(v) ?? '';
  if (spec.min !== undefined && n < spec.min) {
    return fail('cell.type', spec.min === 1 ? { actual, expectedType: 'type.positive_integer' } : { actual, expectedType: 'type.at_least', min: spec.min });
  }
  if (spec.max !== undefined && n > spec.max) return fail('cell.type', { actual, expectedType: 'type.at_most', max: spec.max });
  return ok(n);
};

/** A text with full-width digits (seed 004 §1.2(二)2(5)): the half-width digits suggested, never written for the user. */
const readTextField = (v: CellValue, spec: FieldSpec): ValueResult<unknown> => {
  const r = readText(v, spec.maxLength === undefined ? {} : { maxLength: spec.maxLength });
  if (!r.ok || r.value === null || !hasFullWidthNumber(r.value)) return r;
  return fail('cell.fullwidth', { actual: r.value, suggestion: digitsToHalfWidth(r.value) }, fullWidthSeverity(spec, r.value));
};

/** Checks a cell's content against its field in the workbook's template version; blank cells pass here (required-ness is decided by the caller). */
export const readField = (v: CellValue, spec: FieldSpec, version: string): ValueResult<unknown> => {
  if (isBlank(v)) return ok(null);
  switch (spec.type) {
    case 'text':
      return readTextField(v, spec);
    case 'amount':
    case 'count':
    case 'hours': {
      const r = readAmount(v, { maxDigits: spec.maxDigits ?? (spec.type === 'hours' ? 2 : 9), integer: spec.type !== 'hours' });
      if (!r.ok || r.value === null) return r;
      return checkBounds(v, spec, r.value.toNumber());
    }
    case 'rocDate':
      return readRocDate(v);
    case 'rocYear':
      return readRocYear(v, spec.min === undefined ? {} : { min: spec.min });
    case 'ubn':
      return readUbn(v);
    case 'nationalId':
      return readNationalId(v);
    case 'phone':
      return readPhone(v);
    case 'email':
      return readEmail(v);
    case 'enum':
      return spec.list === undefined ? ok(cellText(v)) : readEnum(v, listStrings(spec.list, version));
  }
};
