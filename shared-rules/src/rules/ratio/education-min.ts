// ratio.education_min: 教育訓練 ≥ 40 % of the 分配款, in the 決算 (分配款 column) and in the 預算 (seed 004 §1.3(一)、§2.7(一); SPEC §3.3, §3.7).
// The 決算 records a past year: a shortfall there is a warning stating §1.3(一)'s consequence (the error is the server's
// two-year rule, recon.education_two_years); the 預算 is a plan the union can still change, so it stays an error.
import { type Rule } from '../../check/context';
import { BG_CELLS } from '../../definition/application/budget-sheet';
import { FA_CELLS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { knownAmount } from '../common/amounts';
import { belowMinimum } from './threshold';

const MIN_PERCENT = 40;

export const educationMin: Rule = (ctx) => {
  const fa = APP_SHEETS.finalAccounts;
  const faCell = faSpendCell('1', 'alloc');
  const faSpent = knownAmount(ctx, fa, faCell);
  const faBase = knownAmount(ctx, fa, FA_CELLS.alloc);
  const bg = APP_SHEETS.budget;
  const bgCell = ctx.form.rangeCell('bg_spend', 'education', 'amount');
  const bgSpent = knownAmount(ctx, bg, bgCell);
  const bgBase = knownAmount(ctx, bg, BG_CELLS.alloc);
  return [
    ...(faSpent === null || faBase === null ? [] : belowMinimum('ratio.education_min', { sheet: fa, cell: faCell, field: 'fa_spend' }, faSpent, faBase, MIN_PERCENT, 'warning')),
    ...(bgSpent === null || bgBase === null ? [] : belowMinimum('ratio.education_min', { sheet: bg, cell: bgCell, field: 'bg_spend' }, bgSpent, bgBase, MIN_PERCENT)),
  ];
};
