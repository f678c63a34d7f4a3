// Dropdown values: exactly one of the offered strings (a number cell 1 is the text '1').
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, withSuggestion, type ValueResult } from './result';
import { cellText } from './text';

/** Reads a dropdown cell; blank is null, anything not offered is cell.enum (full-width look-alikes cell.fullwidth). */
export const readEnum = (v: CellValue | undefined, options: readonly string[]): ValueResult<string | null> => {
  const text = cellText(v);
  if (text === null) return ok(null);
  if (options.includes(text)) return ok(text);
  if (hasFullWidth(text)) {
    const half = toHalfWidth(text);
    if (options.includes(half)) return fail('cell.fullwidth', { actual: text, suggestion: half });
  }
  // 'v' for 'V': suggest the option that differs only in case.
  const upper = text.toUpperCase();
  const sameLetters = options.find((option) => option.toUpperCase() === upper);
  return fail('cell.enum', withSuggestion({ actual: text, expected: options.join('、') }, sameLetters));
};
