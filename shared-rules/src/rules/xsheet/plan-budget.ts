// xsheet.plan_budget: each work-plan item's 合計金額 equals the same item in the budget (seed 004 §2.7(二)5; SPEC §3.6).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { WP_ROWS } from '../../definition/application/work-plan-sheet';
import { amountFinding, knownAmount } from '../common/amounts';

// 工作計畫 rows and 預算 歲出 rows share their keys (education, relief, insurance, retirement, welfare, admin);
// the budget's 利息收入 line has no work-plan item.
export const planBudget: Rule = (ctx) =>
  WP_ROWS.flatMap((row) => {
    const sheet = APP_SHEETS.workPlan;
    const cell = ctx.form.rangeCell('wp_items', row.key, 'amount');
    const planned = knownAmount(ctx, sheet, cell);
    const budgeted = knownAmount(ctx, APP_SHEETS.budget, ctx.form.rangeCell('bg_spend', row.key, 'amount'));
    if (planned === null || budgeted === null || planned.equals(budgeted)) return [];
    return [amountFinding('xsheet.plan_budget', { sheet, cell, field: 'wp_items' }, planned, budgeted, { label: row.label })];
  });
