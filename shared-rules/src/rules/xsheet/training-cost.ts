// xsheet.training_cost: Σ 場次使用經費 = 教育訓練經費 合計 = 決算 教育訓練 (分配款 + 利息) (seed 004 §2.4(二)8、§2.5(二)1; SPEC §3.4).
import { type Rule } from '../../check/context';
import { faSpendCell } from '../../definition/application/final-accounts-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { TE_TOTAL_CELL } from '../../definition/application/training-expenses-sheet';
import { type Finding } from '../../findings/types';
import { amountFinding, knownAmount, knownSum } from '../common/amounts';

export const trainingCost: Rule = (ctx) => {
  const report = APP_SHEETS.trainingReport;
  const expenses = APP_SHEETS.trainingExpenses;
  const fa = APP_SHEETS.finalAccounts;
  const sessions = knownSum(ctx, report, ctx.form.usedRows('tr_sessions').map((row) => row.at('cost')));
  const total = knownAmount(ctx, expenses, TE_TOTAL_CELL);
  const faCell = faSpendCell('1', 'alloc');
  const spent = knownSum(ctx, fa, [faCell, faSpendCell('1', 'interest')]);
  const out: Finding[] = [];
  if (total !== null && sessions !== null && !total.equals(sessions)) {
    out.push(
      amountFinding('xsheet.training_cost', { sheet: expenses, cell: TE_TOTAL_CELL, field: 'te_total' }, total, sessions, {
        reason: 'xsheet.expenses_total',
      }),
    );
  }
  if (total !== null && spent !== null && !spent.equals(total)) {
    out.push(
      amountFinding('xsheet.training_cost', { sheet: fa, cell: faCell, field: 'fa_spend' }, spent, total, {
        reason: 'xsheet.final_accounts_training',
      }),
    );
  }
  return out;
};
