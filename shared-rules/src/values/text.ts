// Text as a cell shows it: trimmed of invisible padding, counted in characters, never in UTF-16 units.
import { Decimal } from 'decimal.js';
import { isDateValue, isErrorValue, type CellValue } from '../snapshot/types';
import { fail, ok, type ValueResult } from './result';

// ASCII whitespace, NBSP, ideographic space, zero-width space/joiners and BOM: what users paste in without seeing it.
const PADDING = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x3000, 0x200b, 0x200c, 0x200d, 0xfeff]);

/** Trims invisible padding at both ends only (a loop, not a regex, so huge hostile strings stay linear). */
export const cleanText = (s: string): string => {
  let start = 0;
  let end = s.length;
  while (start < end && PADDING.has(s.charCodeAt(start))) start++;
  while (end > start && PADDING.has(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
};

/** Counts Unicode code points: a CJK character is 1, an emoji surrogate pair is 1. */
export const charLength = (s: string): number => {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    count++;
  }
  return count;
};

/** A number as Excel shows it: no exponent, no trailing ".0", at most Excel's 15 significant digits. */
export const numberText = (n: number): string => {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  return new Decimal(n).toSignificantDigits(15).toFixed();
};

/** The text a cell shows, or null when it is blank or only padding. */
export const cellText = (v: CellValue | undefined): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const text = cleanText(v);
    return text === '' ? null : text;
  }
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.date;
  if (isErrorValue(v)) return v.error;
  return null;
};

export interface TextOptions {
  readonly maxLength?: number;
  readonly required?: boolean;
}

/** Reads a free-text cell: blank is null (or cell.required), too long is cell.max_length. */
export const readText = (v: CellValue | undefined, opts: TextOptions = {}): ValueResult<string | null> => {
  // A formula error (#REF!) is not text anybody typed.
  if (v !== null && v !== undefined && isErrorValue(v)) return fail('cell.type', { actual: v.error, expectedType: 'type.text' });
  const text = cellText(v);
  if (text === null) return opts.required ? fail('cell.required', { actual: '' }) : ok(null);
  if (opts.maxLength !== undefined) {
    const length = charLength(text);
    if (length > opts.maxLength) return fail('cell.max_length', { actual: String(length), limit: opts.maxLength });
  }
  return ok(text);
};
