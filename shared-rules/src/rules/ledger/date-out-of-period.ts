// ledger.date_out_of_period: 月/日 is a real date of cb_year, not after the end of the month cb_period
// (seed 004 §2.8(二)2(2)、3(1); SPEC §2 real dates, §4.2).
import { daysInMonth, gregorianYearOfRoc } from '../../calendar/calendar';
import { type Rule } from '../../check/context';
import { makeFinding, type Reason } from '../../findings/make';
import { readLedger } from '../../ledger';
import { entryCell, ledgerDateText } from './locate';

/** Why 月/日 is not a date of the filing (null when it is one). */
const problem = (year: number | null, period: number | null, month: number, day: number): Reason | null => {
  // leap years by the Gregorian year; without a readable cb_year, 29 Feb gets the benefit of the doubt
  const last = year === null && month === 2 ? 29 : daysInMonth(gregorianYearOfRoc(year ?? 0), month);
  if (day > last) {
    if (month !== 2) return { reason: 'ledger.no_such_day', month, last };
    return year === null ? { reason: 'ledger.feb_any_year', last } : { reason: 'ledger.feb_roc', year, last };
  }
  if (period !== null && month > period) return { reason: 'ledger.after_period', period };
  return null;
};

export const dateOutOfPeriod: Rule = (ctx) => {
  const { year, period, entries } = readLedger(ctx);
  return entries.flatMap((e) => {
    // 月 outside 1–12 and 日 outside 1–31 are read as null and reported by the cell rules
    if (e.month === null || e.day === null) return [];
    const reason = problem(year, period, e.month, e.day);
    if (reason === null) return [];
    return [makeFinding('ledger.date_out_of_period', entryCell(e, 'month'), { actual: ledgerDateText(year, e.month, e.day), ...reason })];
  });
};
