// budget.surplus_carry: 上一年度歷年累積結餘款剩餘數 = 決算 截至上一年度歷年累積結餘款 − 動支結餘款 (seed 004 §2.7(二)4(5)、(三); SPEC §3.7).
import { type Rule } from '../../check/context';
import { BG_CELLS } from '../../definition/application/budget-sheet';
import { FA_CELLS } from '../../definition/application/final-accounts-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { amountFinding, knownAmount } from '../common/amounts';

export const budgetSurplusCarry: Rule = (ctx) => {
  const sheet = APP_SHEETS.budget;
  const remaining = knownAmount(ctx, sheet, BG_CELLS.prevSurplusRemaining);
  const cumulative = knownAmount(ctx, APP_SHEETS.finalAccounts, FA_CELLS.cumSurplus);
  const drawn = knownAmount(ctx, sheet, BG_CELLS.surplusDraw);
  if (remaining === null || cumulative === null || drawn === null) return [];
  const expected = cumulative.minus(drawn);
  if (remaining.equals(expected)) return [];
  return [amountFinding('budget.surplus_carry', { sheet, cell: BG_CELLS.prevSurplusRemaining, field: 'bg_prev_surplus_remaining' }, remaining, expected)];
};
