// Amounts are whole NT dollars held as Decimal: never JS floating point on money.
import { Decimal } from 'decimal.js';
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, withSuggestion, type ValueResult } from './result';
import { groupedText } from './money';
import { cellText, cleanText } from './text';

export interface AmountOptions {
  /** Most integer digits allowed (default 9). */
  readonly maxDigits?: number;
  /** Negative values allowed (default false). */
  readonly allowNegative?: boolean;
  /** Whole numbers only (default true). */
  readonly integer?: boolean;
}

// Plain half-width digits, an optional leading minus and an optional decimal part: "numbers stored as text".
const PLAIN = /^-?\d+(?:\.\d+)?$/;
// How far a stored double may be from a whole number and still be that number (Excel float artefacts).
const ARTEFACT = new Decimal('1e-6');
const EXPECTED_TYPE = 'type.number';
// digits grouped in threes with commas, as an amount is printed: 2,000 or 1,234,567
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** The plain number hidden in "1,234", "NT$100", "100 元" or "+5", if there is exactly one. */
export const suggestPlainNumber = (text: string): string | undefined => {
  let t = text
    .replace(/^(?:NT\$|NTD|新臺幣|新台幣|\$)/i, '')
    .replace(/元$/, '')
    .replace(/[\s\u3000]/g, '')
    .replace(/^\+/, '');
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  return PLAIN.test(t) ? t : undefined;
};

const integerDigits = (d: Decimal): number => d.abs().trunc().toFixed().length;

const checkValue = (
  d: Decimal,
  shown: string,
  isStoredNumber: boolean,
  opts: AmountOptions,
): ValueResult<Decimal | null> => {
  if (!d.isFinite()) return fail('cell.type', { actual: shown, expectedType: EXPECTED_TYPE });
  if (d.lt(0) && !opts.allowNegative) return fail('cell.negative', { actual: groupedText(shown) });
  let value = d;
  if (opts.integer ?? true) {
    const whole = d.round();
    const off = d.minus(whole).abs();
    // Only a stored double can carry an artefact; typed text means what it says.
    if (off.isZero() || (isStoredNumber && off.lte(ARTEFACT))) value = whole;
    else return fail('cell.not_integer', { actual: groupedText(shown) });
  }
  const limit = opts.maxDigits ?? 9;
  if (integerDigits(value) > limit) return fail('cell.max_digits', { actual: groupedText(shown), limit });
  return ok(value.isZero() ? new Decimal(0) : value);
};

/** Reads an amount/count cell: a number, or text of plain half-width digits; blank is null. */
export const readAmount = (v: CellValue | undefined, opts: AmountOptions = {}): ValueResult<Decimal | null> => {
  const shown = cellText(v);
  if (shown === null) return ok(null);
  if (typeof v === 'number') return checkValue(new Decimal(v), shown, true, opts);
  if (typeof v !== 'string') return fail('cell.type', { actual: shown, expectedType: EXPECTED_TYPE });
  const text = cleanText(v);
  if (hasFullWidth(text)) {
    const half = toHalfWidth(text);
    return fail('cell.fullwidth', { actual: text, suggestion: suggestPlainNumber(half) ?? half });
  }
  if (!PLAIN.test(text)) {
    // 「2,000」 typed as text: say what to drop, not only that it is not a number
    const expectedType = GROUPED.test(text) ? 'type.number_no_comma' : EXPECTED_TYPE;
    return fail('cell.type', withSuggestion({ actual: text, expectedType }, suggestPlainNumber(text)));
  }
  return checkValue(new Decimal(text), text, false, opts);
};
