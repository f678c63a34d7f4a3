// ratio.admin_max: year-to-date 行政事務費 (支 6-x) ≤ 10 % of 分配款 received (收 1) — a warning before the December
// filing, an error in it (seed 004 §1.3(六); SPEC §4.2).
import { type Rule } from '../../check/context';
import { spendOf } from '../../ledger';
import { cashbookFigures, PERIOD_CELL } from './cashbook-figures';
import { aboveMaximum } from './threshold';

export const cashbookAdminMax: Rule = (ctx) => {
  const { ledger, totals } = cashbookFigures(ctx);
  // only the December filing closes the year; an unreadable 申報月份 (cell.required / cell.enum) is not taken for December
  const severity = ledger.period === 12 ? 'error' : 'warning';
  return aboveMaximum('ratio.admin_max', PERIOD_CELL, spendOf(totals, '6'), totals.allocationReceived, 10, severity);
};
