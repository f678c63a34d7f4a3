// Phone/fax numbers in the domestic "area code-number" form; libphonenumber (full metadata) decides validity and the area code.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, withSuggestion, type ValueResult } from './result';
import { cellText, cleanText } from './text';

// Area code (0 + 1–3 digits), '-', the number, optional extension #1–6 digits.
const FORMAT = /^(0\d{1,3})-(\d{5,8})(?:#(\d{1,6}))?$/;
// libphonenumber refuses long input anyway; this keeps hostile strings away from it.
const MAX_PARSE_LENGTH = 60;
const ALLOWED_TYPES = new Set(['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE']);

interface Canonical {
  readonly area: string;
  readonly text: string;
}

const parseTw = (text: string): PhoneNumber | undefined =>
  text.length > MAX_PARSE_LENGTH ? undefined : parsePhoneNumberFromString(text, 'TW');

/** A valid Taiwanese landline or mobile as "area-number[#ext]", the area being the first group of the national format. */
const canonicalOf = (p: PhoneNumber | undefined): Canonical | undefined => {
  if (!p || p.country !== 'TW' || !p.isValid() || !ALLOWED_TYPES.has(p.getType() ?? '')) return undefined;
  if (p.ext !== undefined && !/^\d{1,6}$/.test(p.ext)) return undefined;
  // Re-parse the E.164 form so the national format carries no extension.
  const groups = parsePhoneNumberFromString(p.number)?.formatNational().split(/\s+/) ?? [];
  const [area, ...rest] = groups;
  if (area === undefined || rest.length === 0) return undefined;
  const ext = p.ext === undefined ? '' : `#${p.ext}`;
  return { area, text: `${area}-${rest.join('')}${ext}` };
};

/** The domestic form a mistyped number most likely meant, if libphonenumber finds a valid one. */
const suggestPhone = (text: string): string | undefined => {
  // Without a leading 0 or +886 the area code is missing and guessing it would invent a number.
  if (text.length > MAX_PARSE_LENGTH || !/^(?:\+|\(?0)/.test(text)) return undefined;
  // libphonenumber knows "ext", not 分機 / 轉.
  return canonicalOf(parseTw(text.replace(/\s*(?:分機|轉)\s*(\d+)$/, '#$1')))?.text;
};

/** Says what is wrong with a number that does not have the area-number shape. */
const shapeReason = (text: string): string => {
  if (/^\+|^00/.test(text)) return '請使用國內格式「區域碼-號碼」，不加國碼';
  if (/^\d+$/.test(text)) return '請加區域碼及「-」';
  if (/^0\d{1,3}-\d+(?:-\d+)+$/.test(text)) return '「-」只放在區域碼之後，號碼中間不加「-」';
  if (/#|ext|分機|轉/i.test(text)) return '分機請以 #123 表示（1–6 碼數字）';
  return '請依「區域碼-號碼」格式填寫，例如 04-25670000、0912-345678';
};

/** Checks a phone or fax number: '04-25670000', '0836-22123', '0912-345678', extension '#123'. */
export const checkPhone = (s: string): ValueResult<string> => {
  const text = cleanText(s);
  if (text === '') return fail('contact.phone_format', { actual: '', reason: '未填號碼' });
  if (hasFullWidth(text)) {
    const half = cleanText(toHalfWidth(text));
    return fail('cell.fullwidth', { actual: text, suggestion: suggestPhone(half) ?? half });
  }
  const m = FORMAT.exec(text);
  if (!m) return fail('contact.phone_format', withSuggestion({ actual: text, reason: shapeReason(text) }, suggestPhone(text)));
  const [, area = '', number = '', ext] = m;
  const canonical = canonicalOf(parseTw(`${area}${number}${ext === undefined ? '' : `#${ext}`}`));
  if (canonical === undefined) {
    return fail('contact.phone_format', { actual: text, reason: `號碼位數或區域碼 ${area} 不正確，請確認號碼` });
  }
  if (canonical.area !== area) {
    return fail('contact.phone_format', {
      actual: text,
      reason: `區域碼應為 ${canonical.area}，「-」請放在區域碼之後`,
      suggestion: canonical.text,
    });
  }
  return ok(text);
};

/** Reads a phone cell; blank is null. A number cell lost its leading 0 and its dash in Excel. */
export const readPhone = (v: CellValue | undefined): ValueResult<string | null> => {
  const shown = cellText(v);
  if (shown === null) return ok(null);
  if (typeof v === 'string') return checkPhone(v);
  if (typeof v === 'number' && /^\d{5,10}$/.test(shown)) {
    return fail('contact.phone_format', withSuggestion({ actual: shown, reason: '請將儲存格設為文字，並加區域碼及「-」' }, suggestPhone(`0${shown}`)));
  }
  return fail('contact.phone_format', { actual: shown, reason: shapeReason(shown) });
};
