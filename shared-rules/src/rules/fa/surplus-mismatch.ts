// fa.surplus_mismatch: the 結餘款 column's 小計 lies between 動支結餘款 and 動支結餘款 + 其他收入 — the column is "結餘款金額
// (包括其他收入)" and unspent 其他收入 carries forward, as fa_cum_surplus does (seed 004 §2.3(一)、(二)5; SPEC §3.3).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { FA_CELLS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { moneyText } from '../../values/money';
import { amountFinding, knownAmount } from '../common/amounts';

export const surplusMismatch: Rule = (ctx) => {
  const sheet = APP_SHEETS.finalAccounts;
  const cell = faSpendCell('subtotal', 'surplus');
  const spent = knownAmount(ctx, sheet, cell);
  const drawn = knownAmount(ctx, sheet, FA_CELLS.surplusDraw);
  const other = knownAmount(ctx, sheet, FA_CELLS.other);
  if (spent === null || drawn === null || other === null) return [];
  const most = drawn.plus(other);
  if (spent.gte(drawn) && spent.lte(most)) return [];
  const nearest = spent.lt(drawn) ? drawn : most;
  return [amountFinding('fa.surplus_mismatch', { sheet, cell, field: 'fa_spend' }, spent, nearest, { min: moneyText(drawn), max: moneyText(most) })];
};
