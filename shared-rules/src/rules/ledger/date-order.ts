// ledger.date_order: entries are entered in date order (seed 004 §2.8(二)3(1); SPEC §4.2).
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { readLedger } from '../../ledger';
import { entryCell, monthDayText } from './locate';

export const dateOrder: Rule = (ctx) => {
  const out: Finding[] = [];
  let previous: { month: number; day: number } | null = null;
  for (const e of readLedger(ctx).entries) {
    // an unreadable 月 or 日 is the cell rules'; compare with the last entry whose date could be read
    if (e.month === null || e.day === null) continue;
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
