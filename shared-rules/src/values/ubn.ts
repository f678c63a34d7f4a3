// 統一編號 (UBN): 8 digits with the Ministry of Finance checksum, 2023 rule (sum divisible by 5).
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, withSuggestion, type ValueResult } from './result';
import { cellText, cleanText } from './text';

const WEIGHTS = [1, 2, 1, 2, 1, 2, 4, 1] as const;

/** True when 8 digits pass the checksum: digit-wise sum of weighted products ≡ 0 (mod 5), or ≡ 4 when the 7th digit is 7. */
export const ubnChecksumOk = (digits: string): boolean => {
  if (!/^\d{8}$/.test(digits)) return false;
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    const product = Number(digits[i]) * weight;
    sum += Math.floor(product / 10) + (product % 10);
  });
  // A 7th digit 7 gives 7 × 4 = 28 → 10, which counts as either 1 or 0: hence sum + 1.
  return sum % 5 === 0 || (digits[6] === '7' && (sum + 1) % 5 === 0);
};

/** Checks UBN text. */
export const checkUbn = (s: string): ValueResult<string> => {
  const text = cleanText(s);
  if (hasFullWidth(text)) return fail('cell.fullwidth', { actual: text, suggestion: toHalfWidth(text).replace(/\s/g, '') });
  if (!/^\d{8}$/.test(text)) {
    // Text that merely lost its leading zeros elsewhere (a copy from Excel) gets the padded number suggested.
    const padded = /^\d{1,7}$/.test(text) ? text.padStart(8, '0') : undefined;
    return fail('id.ubn_checksum', withSuggestion({ actual: text, reason: 'ubn.length' }, padded && ubnChecksumOk(padded) ? padded : undefined));
  }
  if (!ubnChecksumOk(text)) return fail('id.ubn_checksum', { actual: text, reason: 'ubn.checksum' });
  return ok(text);
};

/** Reads a UBN cell (text, or a number read as the digits it shows); blank is cell.required. */
export const readUbn = (v: CellValue | undefined): ValueResult<string> => {
  const shown = cellText(v);
  if (shown === null) return fail('cell.required', { actual: '' });
  if (typeof v === 'string') return checkUbn(v);
  if (typeof v === 'number' && /^\d{1,7}$/.test(shown)) {
    // Excel dropped the leading zero(s) of a number cell: say so, it is not a bad checksum.
    const padded = shown.padStart(8, '0');
    if (ubnChecksumOk(padded)) {
      return fail('id.ubn_checksum', {
        actual: shown,
        reason: 'ubn.leading_zero',
        fixed: padded,
        suggestion: padded,
      });
    }
    return fail('id.ubn_checksum', {
      actual: shown,
      reason: 'ubn.leading_zero_checksum',
      fixed: padded,
    });
  }
  if (typeof v === 'number' && /^\d{8}$/.test(shown)) return checkUbn(shown);
  return fail('id.ubn_checksum', { actual: shown, reason: 'ubn.length' });
};
