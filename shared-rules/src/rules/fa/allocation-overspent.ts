// fa.allocation_overspent: the 分配款 column's 小計 may not exceed the year's 分配款 (seed 004 §2.3(二)5(1)、6; SPEC §3.3).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { FA_CELLS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { amountFinding, knownAmount } from '../common/amounts';

export const allocationOverspent: Rule = (ctx) => {
  const sheet = APP_SHEETS.finalAccounts;
  const cell = faSpendCell('subtotal', 'alloc');
  const spent = knownAmount(ctx, sheet, cell);
  const received = knownAmount(ctx, sheet, FA_CELLS.alloc);
  if (spent === null || received === null || spent.lte(received)) return [];
  return [amountFinding('fa.allocation_overspent', { sheet, cell, field: 'fa_spend' }, spent, received)];
};
