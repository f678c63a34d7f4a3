// 身分證字號 and both resident-certificate (居留證) formats: one letter table, one checksum.
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, withSuggestion, type ValueResult } from './result';
import { cellText, cleanText } from './text';

export type IdKind = 'national' | 'resident_old' | 'resident_new';
export type Sex = '男' | '女';

export interface NationalId {
  readonly id: string;
  readonly kind: IdKind;
  readonly sex: Sex | null;
}

// The letter table (note I, O, W–Z are out of alphabetical order).
const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

// Weights over [letter tens, letter units, 2nd char, d3 … d9, check digit].
const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1] as const;
const SHAPE = /^[A-Z][12A-D89]\d{8}$/;

/** True when an upper-case, well-shaped id passes the checksum (old resident: the 2nd letter's code units digit). */
export const nationalIdChecksumOk = (id: string): boolean => {
  if (!SHAPE.test(id)) return false;
  const first = LETTER_CODES[id.charAt(0)];
  const secondChar = id.charAt(1);
  const secondCode = LETTER_CODES[secondChar];
  if (first === undefined) return false;
  const digits = [
    Math.floor(first / 10),
    first % 10,
    secondCode === undefined ? Number(secondChar) : secondCode % 10,
    ...id.slice(2).split('').map(Number),
  ];
  const sum = digits.reduce((acc, d, i) => acc + d * (WEIGHTS[i] ?? 0), 0);
  return sum % 10 === 0;
};

const kindAndSex = (second: string): { kind: IdKind; sex: Sex } => {
  if (second === '1' || second === '2') return { kind: 'national', sex: second === '1' ? '男' : '女' };
  if (second === '8' || second === '9') return { kind: 'resident_new', sex: second === '8' ? '男' : '女' };
  return { kind: 'resident_old', sex: second === 'A' || second === 'C' ? '男' : '女' };
};

/** Checks upper-case id text (shape, then checksum). */
const checkUpper = (text: string): ValueResult<NationalId> => {
  if (!SHAPE.test(text)) {
    const reason = /^[A-Z][0-9A-Z]\d{8}$/.test(text) ? 'id.second_char' : 'id.format';
    return fail('id.national_id', { actual: text, reason });
  }
  if (!nationalIdChecksumOk(text)) return fail('id.national_id', { actual: text, reason: 'id.checksum' });
  return ok({ id: text, ...kindAndSex(text.charAt(1)) });
};

/** Checks a national ID or resident certificate number; lower case is reported, with the upper-case form suggested. */
export const checkNationalId = (s: string): ValueResult<NationalId> => {
  const text = cleanText(s);
  if (hasFullWidth(text)) {
    const half = toHalfWidth(text).replace(/\s/g, '');
    const upper = half.toUpperCase();
    return fail('cell.fullwidth', { actual: text, suggestion: checkUpper(upper).ok ? upper : half });
  }
  const upper = text.toUpperCase();
  if (upper === text) return checkUpper(text);
  const asUpper = checkUpper(upper);
  if (!asUpper.ok) return fail('id.national_id', { ...asUpper.params, actual: text });
  return fail('id.national_id', withSuggestion({ actual: text, reason: 'id.upper_case', upper }, upper));
};

/** Reads an id cell; blank is cell.required. */
export const readNationalId = (v: CellValue | undefined): ValueResult<NationalId> => {
  const shown = cellText(v);
  if (shown === null) return fail('cell.required', { actual: '' });
  if (typeof v !== 'string') return fail('id.national_id', { actual: shown, reason: 'id.format' });
  return checkNationalId(v);
};

/** False only when the id's sex and a 性別 of 男/女 are both known and disagree (other 性別 text is the enum check's job). */
export const sexMatches = (idSex: Sex | null, genderText: string | null | undefined): boolean => {
  if (idSex === null || genderText === null || genderText === undefined) return true;
  const gender = cleanText(genderText);
  return (gender !== '男' && gender !== '女') || gender === idSex;
};
