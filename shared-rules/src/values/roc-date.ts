// ROC (民國) dates: 7-digit text yyyMMdd (the year conversion is the calendar's), real calendar dates only.
import { daysInMonth, gregorianYearOfRoc, isoDate, isoParts, rocYearOfGregorian } from '../calendar/calendar';
import { type Reason } from '../findings/make';
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


const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const build = (rocYear: number, month: number, day: number): RocDate => ({
  text: `${pad(rocYear, 3)}${pad(month, 2)}${pad(day, 2)}`,
  rocYear,
  month,
  day,
  iso: isoDate(gregorianYearOfRoc(rocYear), month, day),
});

/** Why a ROC y/m/d is not a real date (null when it is); the Feb-29 reason names the year as written (ROC or Gregorian). */
const dateProblem = (rocYear: number, month: number, day: number, gregorian = false): Reason | null => {
  if (rocYear < 1) return { reason: 'date.year_min' };
  if (month < 1 || month > 12) return { reason: 'date.month_range' };
  if (day < 1 || day > 31) return { reason: 'date.day_range' };
  const last = daysInMonth(gregorianYearOfRoc(rocYear), month);
  if (day <= last) return null;
  if (month !== 2) return { reason: 'date.no_such_day', day };
  return gregorian ? { reason: 'date.feb_gregorian', year: gregorianYearOfRoc(rocYear), last } : { reason: 'date.feb_roc', year: rocYear, last };
};

/** Parses exactly 7 half-width digits as a real ROC date. */
export const parseRocDateText = (s: string): ValueResult<RocDate> => {
  const text = cleanText(s);
  if (!/^\d{7}$/.test(text)) return fail('date.roc_invalid', { actual: text, reason: 'date.format' });
  const rocYear = Number(text.slice(0, 3));
  const month = Number(text.slice(3, 5));
  const day = Number(text.slice(5, 7));
  const problem = dateProblem(rocYear, month, day);
  return problem === null ? ok(build(rocYear, month, day)) : fail('date.roc_invalid', { actual: text, ...problem });
};

/** The ROC date of a Gregorian ISO date (yyyy-mm-dd…), or null when it is not a real date in ROC years 1–999. */
export const rocDateFromIso = (iso: string): RocDate | null => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const [year, month, day] = isoParts(iso);
  const rocYear = rocYearOfGregorian(year);
  if (rocYear > 999 || dateProblem(rocYear, month, day) !== null) return null;
  return build(rocYear, month, day);
};

/** −1, 0 or 1, for sorting and "not before" checks. */
export const compareRocDates = (a: RocDate, b: RocDate): -1 | 0 | 1 => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0);

// Gregorian y-m-d or y/m/d (one separator kind), month and day with 1 or 2 digits.
const GREGORIAN = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

/** A Gregorian y/m/d as a RocDate, or the reason it is not one. */
const fromGregorian = (year: number, month: number, day: number): RocDate | Reason => {
  const rocYear = rocYearOfGregorian(year);
  if (rocYear < 1) return { reason: 'date.gregorian_min' };
  if (rocYear > 999) return { reason: 'date.year_too_large' };
  const problem = dateProblem(rocYear, month, day, true);
  return problem ?? build(rocYear, month, day);
};

/** The 7-digit ROC text a mistyped date most likely meant (Gregorian, separators, dropped zero), if it is a real date. */
export const suggestRocText = (text: string): string | undefined => {
  const greg = GREGORIAN.exec(text) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(text);
  if (greg) {
    const date = fromGregorian(Number(greg[1]), Number(greg[3]), Number(greg[4]));
    return 'reason' in date ? undefined : date.text;
  }
  const roc = /^(\d{1,3})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^(\d{1,3})()(\d{2})(\d{2})$/.exec(text);
  if (roc) {
    const rocYear = Number(roc[1]);
    const month = Number(roc[3]);
    const day = Number(roc[4]);
    return dateProblem(rocYear, month, day) === null ? build(rocYear, month, day).text : undefined;
  }
  return undefined;
};

/** The reason to show for a text that is not 7 digits, by what it looks like. */
const shapeReason = (text: string): Reason => {
  if (GREGORIAN.test(text) || /^\d{8}$/.test(text)) return { reason: 'date.use_roc' };
  if (/^\d{1,3}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text)) return { reason: 'date.no_separators' };
  if (/^\d{5,6}$/.test(text)) return { reason: 'date.pad_year' };
  return { reason: 'date.format' };
};

/** A number cell read as the digits it shows; a 5–6 digit number lost its leading zero(s) in Excel. */
const readRocNumber = (shown: string): ValueResult<RocDate> => {
  if (/^\d{7}$/.test(shown)) return parseRocDateText(shown);
  if (/^\d{1,6}$/.test(shown)) {
    const padded = shown.padStart(7, '0');
    const parsed = parseRocDateText(padded);
    if (!parsed.ok) return fail('date.roc_invalid', { ...parsed.params, actual: shown });
    return fail('date.roc_invalid', { actual: shown, reason: 'date.leading_zero', fixed: padded, suggestion: padded });
  }
  return fail('date.roc_invalid', { actual: shown, reason: 'date.format' });
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
    return fail('date.roc_invalid', withSuggestion({ actual: shown, reason: 'date.excel_date' }, rocDateFromIso(v.date)?.text));
  }
  if (typeof v === 'number') return readRocNumber(shown);
  if (typeof v !== 'string') return fail('cell.type', { actual: shown, expectedType: 'type.roc_date' });
  if (hasFullWidth(shown)) return fullWidthFailure(shown, (half) => (/^\d{7}$/.test(half) ? half : suggestRocText(half)));
  if (/^\d{7}$/.test(shown)) return parseRocDateText(shown);
  return fail('date.roc_invalid', withSuggestion({ actual: shown, ...shapeReason(shown) }, suggestRocText(shown)));
};

export interface DateWithFormat {
  readonly date: RocDate;
  /** Which convention the text used (imports say which they saw). */
  readonly format: 'gregorian' | 'roc';
}

/** For imports: 'YYYY-MM-DD', 'YYYY/MM/DD' (month/day may be 1 digit) or 7-digit ROC text. */
export const parseGregorianOrRoc = (s: string): ValueResult<DateWithFormat> => {
  const text = cleanText(s);
  if (hasFullWidth(text)) return fullWidthFailure(text, (half) => cleanText(half));
  if (/^\d{7}$/.test(text)) {
    const roc = parseRocDateText(text);
    return roc.ok ? ok({ date: roc.value, format: 'roc' }) : roc;
  }
  const m = GREGORIAN.exec(text);
  if (!m) return fail('date.roc_invalid', { actual: text, reason: 'date.import_format' });
  const date = fromGregorian(Number(m[1]), Number(m[3]), Number(m[4]));
  return 'reason' in date ? fail('date.roc_invalid', { actual: text, ...date }) : ok({ date, format: 'gregorian' });
};

/** For imports from a cell: like parseGregorianOrRoc, plus real Excel dates (Gregorian); blank is null. */
export const readGregorianOrRoc = (v: CellValue | undefined): ValueResult<DateWithFormat | null> => {
  const shown = cellText(v);
  if (shown === null || v === undefined || v === null) return ok(null);
  if (isDateValue(v)) {
    const date = rocDateFromIso(v.date);
    return date ? ok({ date, format: 'gregorian' }) : fail('date.roc_invalid', { actual: shown, reason: 'date.import_format' });
  }
  if (typeof v === 'number') {
    const roc = readRocNumber(shown);
    return roc.ok ? ok({ date: roc.value, format: 'roc' }) : roc;
  }
  if (typeof v !== 'string') return fail('cell.type', { actual: shown, expectedType: 'type.date' });
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
  if (typeof v !== 'string' && typeof v !== 'number') return fail('cell.type', { actual: shown, expectedType: 'type.roc_year' });
  if (hasFullWidth(shown)) return fullWidthFailure(shown, (half) => cleanText(half));
  const asRoc = rocYearOfGregorian(Number(shown));
  if (/^\d{4}$/.test(shown) && asRoc >= 1 && asRoc <= 999) {
    return fail('date.roc_invalid', { actual: shown, reason: 'date.roc_year_wanted', suggestion: String(asRoc) });
  }
  if (!/^\d{1,3}$/.test(shown)) return fail('date.roc_invalid', { actual: shown, reason: 'date.roc_year_format' });
  const year = Number(shown);
  if (year < 1) return fail('date.roc_invalid', { actual: shown, reason: 'date.year_min' });
  // The only seed minimum is the application year's; the reason names it as the catalogue does.
  if (opts.min !== undefined && year < opts.min) {
    return fail('date.out_of_range', { actual: shown, reason: 'date.application_year_min', limit: opts.min });
  }
  return ok(year);
};
