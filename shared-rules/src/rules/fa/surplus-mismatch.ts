// fa.surplus_mismatch: the 結餘款 column's 小計 equals 動支結餘款 + 其他收入 (seed 004 §2.3(一) "結餘款金額(包括其他收入)"; SPEC §3.3).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { FA_CELLS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { amountFinding, knownAmount, knownSum } from '../common/amounts';

export const surplusMismatch: Rule = (ctx) => {
  const sheet = APP_SHEETS.finalAccounts;
  const cell = faSpendCell('subtotal', 'surplus');
  const spent = knownAmount(ctx, sheet, cell);
  const available = knownSum(ctx, sheet, [FA_CELLS.surplusDraw, FA_CELLS.other]);
  if (spent === null || available === null || spent.equals(available)) return [];
  return [amountFinding('fa.surplus_mismatch', { sheet, cell, field: 'fa_spend' }, spent, available)];
};
