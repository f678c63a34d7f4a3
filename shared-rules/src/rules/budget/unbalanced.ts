// budget.unbalanced: 歲出合計 = 歲入合計 (seed 004 §2.7(三); SPEC §3.7).
import { type Rule } from '../../check/context';
import { BG_CELLS } from '../../definition/application/budget-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { amountFinding, knownAmount } from '../common/amounts';

export const budgetUnbalanced: Rule = (ctx) => {
  const sheet = APP_SHEETS.budget;
  const spend = knownAmount(ctx, sheet, BG_CELLS.spendTotal);
  const revenue = knownAmount(ctx, sheet, BG_CELLS.revTotal);
  if (spend === null || revenue === null || spend.equals(revenue)) return [];
  return [amountFinding('budget.unbalanced', { sheet, cell: BG_CELLS.spendTotal, field: 'bg_spend_total' }, spend, revenue)];
};
