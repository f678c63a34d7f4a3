// budget.interest_line: the 歲出 利息收入 line = 截至上一年度利息收入 + 申請年度利息收入(預估) (seed 004 §2.7(三); SPEC §3.7).
import { type Rule } from '../../check/context';
import { BG_CELLS } from '../../definition/application/budget-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { amountFinding, knownAmount, knownSum } from '../common/amounts';

export const budgetInterestLine: Rule = (ctx) => {
  const sheet = APP_SHEETS.budget;
  const cell = ctx.form.rangeCell('bg_spend', 'interest', 'amount');
  const line = knownAmount(ctx, sheet, cell);
  const available = knownSum(ctx, sheet, [BG_CELLS.interestPrev, BG_CELLS.interestEst]);
  if (line === null || available === null || line.equals(available)) return [];
  return [amountFinding('budget.interest_line', { sheet, cell, field: 'bg_spend' }, line, available)];
};
