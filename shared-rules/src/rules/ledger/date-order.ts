// ledger.date_order: entries are entered in date order (seed 004 §2.8(二)3(1); SPEC §4.2).
import { daysInMonth, gregorianYearOfRoc } from '../../calendar/calendar';
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { readLedger } from '../../ledger';
import { entryCell, monthDayText } from './locate';

/** Whether 月/日 is a day of the year (29 February when the year is unknown): an impossible date is ledger.date_out_of_period's. */
const isRealDay = (year: number | null, month: number, day: number): boolean =>
  day <= (year === null && month === 2 ? 29 : daysInMonth(gregorianYearOfRoc(year ?? 0), month));

export const dateOrder: Rule = (ctx) => {
  const out: Finding[] = [];
  let previous: { month: number; day: number } | null = null;
  const ledger = readLedger(ctx);
  for (const e of ledger.entries) {
    // an unreadable 月 or 日 is the cell rules', an impossible date ledger.date_out_of_period's; compare with the last real date
    if (e.month === null || e.day === null || !isRealDay(ledger.year, e.month, e.day)) continue;
    const current = { month: e.month, day: e.day };
    if (previous !== null && (current.month < previous.month || (current.month === previous.month && current.day < previous.day))) {
      out.push(
        makeFinding('ledger.date_order', entryCell(e, 'month'), {
          actual: monthDayText(current.month, current.day),
          expected: monthDayText(previous.month, previous.day),
        }),
      );
    }
    previous = current;
  }
  return out;
};
