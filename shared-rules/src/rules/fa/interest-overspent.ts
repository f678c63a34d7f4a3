// fa.interest_overspent: the 利息 column's 小計 may not exceed the cumulative interest received (seed 004 §2.3(二)5(2); SPEC §3.3).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { FA_CELLS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { amountFinding, knownAmount } from '../common/amounts';

export const interestOverspent: Rule = (ctx) => {
  const sheet = APP_SHEETS.finalAccounts;
  const cell = faSpendCell('subtotal', 'interest');
  const spent = knownAmount(ctx, sheet, cell);
  const received = knownAmount(ctx, sheet, FA_CELLS.interest);
  if (spent === null || received === null || spent.lte(received)) return [];
  return [amountFinding('fa.interest_overspent', { sheet, cell, field: 'fa_spend' }, spent, received)];
};
