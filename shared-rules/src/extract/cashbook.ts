// The cash book as data: header, opening and closing balances, every entry with its running balances, the 決算-shaped totals.
import { type CheckContext } from '../check/context';
import { readLedger } from '../ledger/read';
import { ledgerTotals } from '../ledger/totals';
import { cellText } from '../values/text';
import { type CashbookData } from './types';

const text = (ctx: CheckContext, name: string): string | null => cellText(ctx.form.single(name).raw);

export const extractCashbook = (ctx: CheckContext): CashbookData => {
  const ledger = readLedger(ctx);
  return {
    kind: 'cashbook',
    unionName: text(ctx, 'cb_union_name'),
    ubn: text(ctx, 'cb_ubn'),
    year: ledger.year,
    period: ledger.period,
    opening: ledger.opening,
    closing: ledger.closing,
    entries: ledger.entries,
    totals: ledgerTotals(ledger.entries),
  };
};
