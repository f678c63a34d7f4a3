// ratio.admin_max: 行政事務費 ≤ 10 % of the 分配款, in the 決算 (分配款 + 利息) and in the 預算 (seed 004 §1.3(六)、§2.7(一); SPEC §3.3, §3.7).
import { type Rule } from '../../check/context';
import { BG_CELLS } from '../../definition/application/budget-sheet';
import { FA_CELLS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { knownAmount, knownSum } from '../common/amounts';
import { aboveMaximum } from './threshold';

const MAX_PERCENT = 10;

export const adminMax: Rule = (ctx) => {
  const fa = APP_SHEETS.finalAccounts;
  const faCell = faSpendCell('6', 'alloc');
  const faSpent = knownSum(ctx, fa, [faCell, faSpendCell('6', 'interest')]);
  const faBase = knownAmount(ctx, fa, FA_CELLS.alloc);
  const bg = APP_SHEETS.budget;
  const bgCell = ctx.form.rangeCell('bg_spend', 'admin', 'amount');
  const bgSpent = knownAmount(ctx, bg, bgCell);
  const bgBase = knownAmount(ctx, bg, BG_CELLS.alloc);
  return [
    ...(faSpent === null || faBase === null ? [] : aboveMaximum('ratio.admin_max', { sheet: fa, cell: faCell, field: 'fa_spend' }, faSpent, faBase, MAX_PERCENT)),
    ...(bgSpent === null || bgBase === null ? [] : aboveMaximum('ratio.admin_max', { sheet: bg, cell: bgCell, field: 'bg_spend' }, bgSpent, bgBase, MAX_PERCENT)),
  ];
};
