// ratio.education_min: 教育訓練 paid from 分配款 (支 1-x, 動支類別 分配款) ≥ 40 % of 分配款 received (收 1), judged on the
// December filing only — earlier quarters may still catch up — and as a warning: the year is over and its records are
// history; §1.3(一)'s consequence follows from two years (seed 004 §1.3(一); SPEC §4.2; recon.education_two_years).
import { type Rule } from '../../check/context';
import { spendOf } from '../../ledger';
import { cashbookFigures, PERIOD_CELL } from './cashbook-figures';
import { belowMinimum } from './threshold';

export const cashbookEducationMin: Rule = (ctx) => {
  const { ledger, totals } = cashbookFigures(ctx);
  if (ledger.period !== 12) return [];
  return belowMinimum('ratio.education_min', PERIOD_CELL, spendOf(totals, '1', ['分配款']), totals.allocationReceived, 40, 'warning');
};
