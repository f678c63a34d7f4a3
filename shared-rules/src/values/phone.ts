// Phone/fax numbers in the domestic "area code-number" form; libphonenumber (full metadata) decides validity and the area code.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import type { Reason } from '../findings/make';
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
const shapeReason = (text: string): Reason => {
  if (/^\+|^00/.test(text)) return { reason: 'phone.no_country_code' };
  if (/^\d+$/.test(text)) return { reason: 'phone.add_area_code' };
  if (/^0\d{1,3}-\d+(?:-\d+)+$/.test(text)) return { reason: 'phone.dash_after_area' };
  if (/#|ext|分機|轉/i.test(text)) return { reason: 'phone.extension' };
  return { reason: 'phone.format' };
};

/** Checks a phone or fax number: '04-25670000', '0836-22123', '0912-345678', extension '#123'. */
export const checkPhone = (s: string): ValueResult<string> => {
  const text = cleanText(s);
  if (text === '') return fail('contact.phone_format', { actual: '', reason: 'phone.blank' });
  if (hasFullWidth(text)) {
    const half = cleanText(toHalfWidth(text));
    return fail('cell.fullwidth', { actual: text, suggestion: suggestPhone(half) ?? half });
  }
  const m = FORMAT.exec(text);
  if (!m) return fail('contact.phone_format', withSuggestion({ actual: text, ...shapeReason(text) }, suggestPhone(text)));
  const [, area = '', number = '', ext] = m;
  const canonical = canonicalOf(parseTw(`${area}${number}${ext === undefined ? '' : `#${ext}`}`));
  if (canonical === undefined) {
    return fail('contact.phone_format', { actual: text, reason: 'phone.invalid', area });
  }
  if (canonical.area !== area) {
    return fail('contact.phone_format', {
      actual: text,
      reason: 'phone.area_code',
      area: canonical.area,
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
    return fail('contact.phone_format', withSuggestion({ actual: shown, reason: 'phone.number_cell' }, suggestPhone(`0${shown}`)));
  }
  return fail('contact.phone_format', { actual: shown, ...shapeReason(shown) });
};
