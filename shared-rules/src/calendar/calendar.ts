// The one calendar of portfund: ROC (民國) ⇄ Gregorian years, ISO calendar dates, Taipei's wall clock and the ROC
// date texts the forms and screens show. Pure: "today in Taipei" is taipeiDate(now), with now passed in from the edge.

/** A Gregorian calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

// 民國元年 is 1912
const ROC_YEAR_ZERO = 1911;
// Taiwan has kept UTC+8 without daylight saving time since 1980: a fixed offset, the same in Node and in any browser
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const rocYearOfGregorian = (year: number): number => year - ROC_YEAR_ZERO;
export const gregorianYearOfRoc = (rocYear: number): number => rocYear + ROC_YEAR_ZERO;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of a Gregorian year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const isoDate = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Year, month and day of an ISO date (anything after the day, such as a time, is ignored). */
export const isoParts = (date: IsoDate): readonly [year: number, month: number, day: number] => {
  const [y = 0, m = 0, d = 0] = date.slice(0, 10).split('-').map(Number);
  return [y, m, d];
};

const utcOf = (date: IsoDate): number => {
  const [y, m, d] = isoParts(date);
  return Date.UTC(y, m - 1, d);
};

const isoOfUtc = (utcMs: number): IsoDate => {
  const d = new Date(utcMs);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** Exactly 'YYYY-MM-DD' and a real date; years below 100 are refused (Date.UTC reads them as 19xx). */
export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && isoOfUtc(utcOf(value)) === value;

/** The date n days later (n < 0: earlier); n must be a whole number (a programming error otherwise). */
export const addDays = (date: IsoDate, n: number): IsoDate => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays: n must be a whole number, got ${n}`);
  return isoOfUtc(utcOf(date) + n * DAY_MS);
};

/** Whole days from `from` to `to` (negative when `to` is earlier); NaN when either is not a date. */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((utcOf(to) - utcOf(from)) / DAY_MS);

/** The last day of a month of a Gregorian year. */
export const lastDayOfMonth = (year: number, month: number): IsoDate => isoDate(year, month, daysInMonth(year, month));

/** The date n years after `from`; 2/29 → 2/28 in a common year (Civil Code art. 121 II: a period ends the day before). */
export const anniversary = (from: IsoDate, years: number): IsoDate => {
  const [y, m, d] = isoParts(from);
  const year = y + years;
  return isoDate(year, m, m === 2 && d === 29 && !isLeapYear(year) ? 28 : d);
};

/** Whole years completed from `from` to `to` (negative when `to` is before `from`). */
export const completedYears = (from: IsoDate, to: IsoDate): number => {
  const years = isoParts(to)[0] - isoParts(from)[0];
  return anniversary(from, years) > to.slice(0, 10) ? years - 1 : years;
};

/** The ROC year of a date. */
export const rocYearOf = (date: IsoDate): number => rocYearOfGregorian(isoParts(date)[0]);

/** The quarter (1–4) of a date. */
export const quarterOf = (date: IsoDate): number => Math.ceil(isoParts(date)[1] / 3);

/** The calendar date in Taipei of an instant: taipeiDate(now) is today in Taipei. */
export const taipeiDate = (instant: Date): IsoDate => isoOfUtc(instant.getTime() + TAIPEI_OFFSET_MS);

/** The last millisecond of a date in Taipei (a due date ends then). */
export const taipeiDayEnd = (date: IsoDate): Date => new Date(utcOf(date) + DAY_MS - TAIPEI_OFFSET_MS - 1);

/** Taipei's wall clock at an instant, 'HH:mm'. */
export const taipeiClock = (instant: Date): string => {
  const t = new Date(instant.getTime() + TAIPEI_OFFSET_MS);
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
};

/** An instant as Taipei's date and wall clock, 'YYYY-MM-DD HH:mm' (Gregorian). */
export const taipeiTimestamp = (instant: Date): string => `${taipeiDate(instant)} ${taipeiClock(instant)}`;

/** How a date is written in ROC years: long 民國115年3月1日, numeric 115/03/01, spaced 115 年 3 月 1 日. */
export type RocDateStyle = 'long' | 'numeric' | 'spaced';

export const rocDateText = (date: IsoDate, style: RocDateStyle): string => {
  const [y, m, d] = isoParts(date);
  const roc = rocYearOfGregorian(y);
  if (style === 'long') return `民國${roc}年${m}月${d}日`;
  if (style === 'numeric') return `${roc}/${pad(m)}/${pad(d)}`;
  return `${roc} 年 ${m} 月 ${d} 日`;
};

/** An instant as Taipei's ROC date and wall clock, e.g. '民國115年11月20日 10:30' or '115/11/20 10:30'. */
export const taipeiRocTime = (instant: Date, style: RocDateStyle): string => `${rocDateText(taipeiDate(instant), style)} ${taipeiClock(instant)}`;
