// How a spreadsheet number becomes a date: one test of a number format and one serial conversion, used by the
// server's .xlsx reader and the add-in's Office.js adapter alike, so a cell reads as the same value in both.

const DAY_MS = 86_400_000;
/** The last serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel date serial as an ISO date (a time of day does not move the date), or null outside Excel's range.
 * The 1900 system counts Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so serials below it are one day off a
 * plain day count; the 1904 system (old Mac workbooks) starts at 1904-01-01 = 0.
 */
export const serialToIsoDate = (serial: number, date1904 = false): string | null => {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  const days = Math.floor(serial + 1e-9);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
};

/**
 * Whether a number-format code shows a date or time: d, m, y, h, s, e (the 民國 era year of zh-TW formats) or b
 * (Buddhist year) outside quoted text, backslash escapes and [colour] / [$-locale] blocks, in its first section;
 * 'General' and scientific E+ / E- are not dates.
 */
export const isDateFormat = (code: unknown): boolean => {
  if (typeof code !== 'string' || code === '') return false;
  const bare = (code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_./g, '').replace(/\[[^\]]*\]/g, '').split(';')[0] ?? '')
    .replace(/General/gi, '')
    .replace(/E[+-]/gi, '');
  return /[dmyhseb]/i.test(bare);
};
