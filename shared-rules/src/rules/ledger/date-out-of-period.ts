// ledger.date_out_of_period: 月/日 is a real date of cb_year, not after the end of the month cb_period
// (seed 004 §2.8(二)2(2)、3(1); SPEC §2 real dates, §4.2).
import { daysInMonth, gregorianYearOfRoc } from '../../calendar/calendar';
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { readLedger } from '../../ledger';
import { entryCell, monthDayText } from './locate';

/** Why 月/日 is not a date of the filing (null when it is one). */
const problem = (year: number | null, period: number | null, month: number, day: number): string | null => {
  // leap years by the Gregorian year; without a readable cb_year, 29 Feb gets the benefit of the doubt
  const last = year === null && month === 2 ? 29 : daysInMonth(gregorianYearOfRoc(year ?? 0), month);
  if (day > last) {
    if (month !== 2) return `不存在：${month} 月只有 ${last} 日`;
    return year === null ? `不存在：2 月最多只有 ${last} 日` : `不存在：民國 ${year} 年 2 月只有 ${last} 日`;
  }
  if (period !== null && month > period) return `晚於申報月份 ${period} 月的月底，請列入之後申報的登記簿`;
  return null;
};

export const dateOutOfPeriod: Rule = (ctx) => {
  const { year, period, entries } = readLedger(ctx);
  return entries.flatMap((e) => {
    // 月 outside 1–12 and 日 outside 1–31 are read as null and reported by the cell rules
    if (e.month === null || e.day === null) return [];
    const reason = problem(year, period, e.month, e.day);
    if (reason === null) return [];
    const actual = `${year === null ? '' : `${year}年`}${monthDayText(e.month, e.day)}`;
    return [makeFinding('ledger.date_out_of_period', entryCell(e, 'month'), { actual, reason })];
  });
};
