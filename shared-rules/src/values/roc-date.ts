// ROC (民國) dates: 7-digit text yyyMMdd (the year conversion is the calendar's), real calendar dates only.
import { daysInMonth, gregorianYearOfRoc, isoDate, isoParts, rocYearOfGregorian } from '../calendar/calendar';
import { isDateValue, type CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, withSuggestion, type ValueFailure, type ValueResult } from './result';
import { cellText, cleanText } from './text';

export interface RocDate {
  /** 7 digits, e.g. '0840301'. */
  readonly text: string;
  readonly rocYear: number;
  readonly month: number;
  readonly day: number;
  /** Gregorian ISO date, e.g. '1995-03-01'. */
  readonly iso: string;
}

const FORMAT_REASON = '須為民國年月日 7 碼，例如 0840301';
const leadingZeroReason = (fixed: string): string => `前導 0 被 Excel 去除，請將儲存格設為文字並輸入 ${fixed}`;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const build = (rocYear: number, month: number, day: number): RocDate => ({
  text: `${pad(rocYear, 3)}${pad(month, 2)}${pad(day, 2)}`,
  rocYear,
  month,
  day,
  iso: isoDate(gregorianYearOfRoc(rocYear), month, day),
});

/** Why a ROC y/m/d is not a real date (null when it is); yearName phrases the year for the Feb-29 message. */
const dateProblem = (rocYear: number, month: number, day: number, yearName: string): string | null => {
  if (rocYear < 1) return '民國年須為 001 以後';
  if (month < 1 || month > 12) return '月份須為 01–12';
  if (day < 1 || day > 31) return '日須為 01–31';
  const last = daysInMonth(gregorianYearOfRoc(rocYear), month);
  if (day <= last) return null;
  return month === 2 ? `${yearName} 2 月只有 ${last} 日` : `該月沒有 ${day} 日`;
};

/** Parses exactly 7 half-width digits as a real ROC date. */
export const parseRocDateText = (s: string): ValueResult<RocDate> => {
  const text = cleanText(s);
  if (!/^\d{7}$/.test(text)) return fail('date.roc_invalid', { actual: text, reason: FORMAT_REASON });
  const rocYear = Number(text.slice(0, 3));
  const month = Number(text.slice(3, 5));
  const day = Number(text.slice(5, 7));
  const problem = dateProblem(rocYear, month, day, `民國 ${rocYear} 年`);
  return problem === null ? ok(build(rocYear, month, day)) : fail('date.roc_invalid', { actual: text, reason: problem });
};

/** The ROC date of a Gregorian ISO date (yyyy-mm-dd…), or null when it is not a real date in ROC years 1–999. */
export const rocDateFromIso = (iso: string): RocDate | null => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const [year, month, day] = isoParts(iso);
  const rocYear = rocYearOfGregorian(year);
  if (rocYear > 999 || dateProblem(rocYear, month, day, '') !== null) return null;
  return build(rocYear, month, day);
};

/** −1, 0 or 1, for sorting and "not before" checks. */
export const compareRocDates = (a: RocDate, b: RocDate): -1 | 0 | 1 => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0);

// Gregorian y-m-d or y/m/d (one separator kind), month and day with 1 or 2 digits.
const GREGORIAN = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

/** A Gregorian y/m/d as a RocDate, or the reason it is not one. */
const fromGregorian = (year: number, month: number, day: number): RocDate | string => {
  const rocYear = rocYearOfGregorian(year);
  if (rocYear < 1) return '西元年須為 1912 年以後';
  if (rocYear > 999) return '年份超出範圍';
  const problem = dateProblem(rocYear, month, day, `${year} 年`);
  return problem ?? build(rocYear, month, day);
};

/** The 7-digit ROC text a mistyped date most likely meant (Gregorian, separators, dropped zero), if it is a real date. */
export const suggestRocText = (text: string): string | undefined => {
  const greg = GREGORIAN.exec(text) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(text);
  if (greg) {
    const date = fromGregorian(Number(greg[1]), Number(greg[3]), Number(greg[4]));
    return typeof date === 'string' ? undefined : date.text;
  }
  const roc = /^(\d{1,3})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^(\d{1,3})()(\d{2})(\d{2})$/.exec(text);
  if (roc) {
    const rocYear = Number(roc[1]);
    const month = Number(roc[3]);
    const day = Number(roc[4]);
    return dateProblem(rocYear, month, day, '') === null ? build(rocYear, month, day).text : undefined;
  }
  return undefined;
};

/** The reason to show for a text that is not 7 digits, by what it looks like. */
const shapeReason = (text: string): string => {
  if (GREGORIAN.test(text) || /^\d{8}$/.test(text)) return '請使用民國年月日 7 碼，不要用西元日期';
  if (/^\d{1,3}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text)) return '請去除分隔符號，使用民國年月日 7 碼';
  if (/^\d{5,6}$/.test(text)) return '民國年須補滿 3 碼，例如 0840301';
  return FORMAT_REASON;
};

/** A number cell read as the digits it shows; a 5–6 digit number lost its leading zero(s) in Excel. */
const readRocNumber = (shown: string): ValueResult<RocDate> => {
  if (/^\d{7}$/.test(shown)) return parseRocDateText(shown);
  if (/^\d{1,6}$/.test(shown)) {
    const padded = shown.padStart(7, '0');
    const parsed = parseRocDateText(padded);
    if (!parsed.ok) return fail('date.roc_invalid', { ...parsed.params, actual: shown });
    return fail('date.roc_invalid', { actual: shown, reason: leadingZeroReason(padded), suggestion: padded });
  }
  return fail('date.roc_invalid', { actual: shown, reason: FORMAT_REASON });
};

const fullWidthFailure = (text: string, suggest: (half: string) => string | undefined): ValueFailure => {
  const half = toHalfWidth(text);
  return fail('cell.fullwidth', { actual: text, suggestion: suggest(half) ?? half });
};

/** Reads a ROC date cell: 7-digit text (a number cell is read as the digits it shows); blank is null. */
export const readRocDate = (v: CellValue | undefined): ValueResult<RocDate | null> => {
  const shown = cellText(v);
  if (shown === null || v === undefined || v === null) return ok(null);
  if (isDateValue(v)) {
    // A real Excel date: the template wants the ROC text so the leading zero and the year survive.
    return fail('date.roc_invalid', withSuggestion({ actual: shown, reason: '請輸入民國日期文字' }, rocDateFromIso(v.date)?.text));
  }
  if (typeof v === 'number') return readRocNumber(shown);
  if (typeof v !== 'string') return fail('cell.type', { actual: shown, expectedType: '民國日期（7 碼文字）' });
  if (hasFullWidth(shown)) return fullWidthFailure(shown, (half) => (/^\d{7}$/.test(half) ? half : suggestRocText(half)));
  if (/^\d{7}$/.test(shown)) return parseRocDateText(shown);
  return fail('date.roc_invalid', withSuggestion({ actual: shown, reason: shapeReason(shown) }, suggestRocText(shown)));
};

export interface DateWithFormat {
  readonly date: RocDate;
  /** Which convention the text used (imports say which they saw). */
  readonly format: 'gregorian' | 'roc';
}

const IMPORT_REASON = '須為西元 YYYY-MM-DD 或民國年月日 7 碼';

/** For imports: 'YYYY-MM-DD', 'YYYY/MM/DD' (month/day may be 1 digit) or 7-digit ROC text. */
export const parseGregorianOrRoc = (s: string): ValueResult<DateWithFormat> => {
  const text = cleanText(s);
  if (hasFullWidth(text)) return fullWidthFailure(text, (half) => cleanText(half));
  if (/^\d{7}$/.test(text)) {
    const roc = parseRocDateText(text);
    return roc.ok ? ok({ date: roc.value, format: 'roc' }) : roc;
  }
  const m = GREGORIAN.exec(text);
  if (!m) return fail('date.roc_invalid', { actual: text, reason: IMPORT_REASON });
  const date = fromGregorian(Number(m[1]), Number(m[3]), Number(m[4]));
  return typeof date === 'string' ? fail('date.roc_invalid', { actual: text, reason: date }) : ok({ date, format: 'gregorian' });
};

/** For imports from a cell: like parseGregorianOrRoc, plus real Excel dates (Gregorian); blank is null. */
export const readGregorianOrRoc = (v: CellValue | undefined): ValueResult<DateWithFormat | null> => {
  const shown = cellText(v);
  if (shown === null || v === undefined || v === null) return ok(null);
  if (isDateValue(v)) {
    const date = rocDateFromIso(v.date);
    return date ? ok({ date, format: 'gregorian' }) : fail('date.roc_invalid', { actual: shown, reason: IMPORT_REASON });
  }
  if (typeof v === 'number') {
    const roc = readRocNumber(shown);
    return roc.ok ? ok({ date: roc.value, format: 'roc' }) : roc;
  }
  if (typeof v !== 'string') return fail('cell.type', { actual: shown, expectedType: '日期' });
  return parseGregorianOrRoc(shown);
};

export interface RocYearOptions {
  /** Smallest year allowed (the application year must be ≥ 100). */
  readonly min?: number;
}

/** Reads a ROC year (text '115' or number 115); blank is cell.required. */
export const readRocYear = (v: CellValue | undefined, opts: RocYearOptions = {}): ValueResult<number> => {
  const shown = cellText(v);
  if (shown === null) return fail('cell.required', { actual: '' });
  if (typeof v !== 'string' && typeof v !== 'number') return fail('cell.type', { actual: shown, expectedType: '民國年（3 碼數字）' });
  if (hasFullWidth(shown)) return fullWidthFailure(shown, (half) => cleanText(half));
  const asRoc = rocYearOfGregorian(Number(shown));
  if (/^\d{4}$/.test(shown) && asRoc >= 1 && asRoc <= 999) {
    return fail('date.roc_invalid', { actual: shown, reason: '請填民國年（西元年減 1911）', suggestion: String(asRoc) });
  }
  if (!/^\d{1,3}$/.test(shown)) return fail('date.roc_invalid', { actual: shown, reason: '須為民國年 3 碼，例如 115' });
  const year = Number(shown);
  if (year < 1) return fail('date.roc_invalid', { actual: shown, reason: '民國年須為 001 以後' });
  // The only seed minimum is the application year's; the reason names it as the catalogue does.
  if (opts.min !== undefined && year < opts.min) {
    return fail('date.out_of_range', { actual: shown, reason: `申請年度不可低於 ${opts.min}`, limit: opts.min });
  }
  return ok(year);
};
