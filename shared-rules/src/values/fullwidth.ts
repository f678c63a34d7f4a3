// Full-width digits and signs look right on screen but are not numbers; we detect them and only ever SUGGEST the fix.
import { cleanText } from './text';

const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E]/g;
// Digits, the signs used in numbers, dates, phones and ids, and spaces: "digit-like" content.
const DIGIT_LIKE = /^[0-9+\-.,#()/: \u3000]*$/;

/** True if s holds full-width ASCII (U+FF01–U+FF5E) or an ideographic space inside otherwise digit-like content. */
export const hasFullWidth = (s: string): boolean => {
  if (FULL_WIDTH.test(s)) return true;
  if (!s.includes('\u3000')) return false;
  // Only an ideographic space between two other characters counts; padding is trimmed elsewhere.
  const trimmed = cleanText(s);
  return trimmed.includes('\u3000') && /[0-9]/.test(trimmed) && DIGIT_LIKE.test(trimmed);
};

/** The half-width form (NFKC of U+FF01–U+FF5E, U+3000 → space) — for suggestions only, never to rewrite data. */
export const toHalfWidth = (s: string): string =>
  s.replace(FULL_WIDTH_ALL, (c) => c.normalize('NFKC')).replace(/\u3000/g, ' ');

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;
const isDigit = (c: string | undefined): boolean => c !== undefined && /[0-9\uFF10-\uFF19]/.test(c);
// ＋ and － sign the number after them; ．，／ join the digits on both sides (1,000 · 3.5 · 3/15)
const LEADING_SIGNS = new Set(['\uFF0B', '\uFF0D']);
const JOINING_SIGNS = new Set(['\uFF0C', '\uFF0E', '\uFF0F']);

/** s with its full-width digits, and the full-width signs that belong to them, half-width; Chinese punctuation stays. */
export const digitsToHalfWidth = (s: string): string => {
  // Everything converted below (＋，－．／ and ０–９) lies in U+FF0B–U+FF19; most cells hold none of it.
  if (!/[\uFF0B-\uFF19]/.test(s)) return s;
  const chars = Array.from(s);
  return chars
    .map((c, i) => {
      const belongs =
        FULL_WIDTH_DIGIT.test(c) ||
        (LEADING_SIGNS.has(c) && isDigit(chars[i + 1])) ||
        (JOINING_SIGNS.has(c) && isDigit(chars[i - 1]) && isDigit(chars[i + 1]));
      return belongs ? c.normalize('NFKC') : c;
    })
    .join('');
};

/** True if s holds a number typed in full width: a full-width digit (U+FF10–U+FF19) or a full-width sign inside a number (a full-width digit is always converted, so comparing covers both). */
export const hasFullWidthNumber = (s: string): boolean => digitsToHalfWidth(s) !== s;
