// The cash book as data: header, opening and closing balances, every entry with its running balances, the 決算-shaped
// totals; computed with decimal.js by the ledger replay, handed out as decimal strings.
import { type CheckContext } from '../check/context';
import { type LedgerEntry } from '../ledger/replay';
import { readLedger } from '../ledger/read';
import { type LedgerTotals, ledgerTotals } from '../ledger/totals';
import { cellText } from '../values/text';
import { balancesData, decimalString, decimalStringOrNull } from './decimal-string';
import { type CashbookData, type CashbookTotalsData, type LedgerEntryData } from './types';

const text = (ctx: CheckContext, name: string): string | null => cellText(ctx.form.single(name).raw);

const entryData = (e: LedgerEntry): LedgerEntryData => ({
  row: e.row,
  month: e.month,
  day: e.day,
  zi: e.zi,
  voucher: e.voucher,
  item: e.item,
  no: e.no,
  note: e.note,
  amount: decimalStringOrNull(e.amount),
  category: e.category,
  account: e.account,
  balances: balancesData(e.balances),
  total: decimalString(e.total),
});

const totalsData = (t: LedgerTotals): CashbookTotalsData => ({
  allocationReceived: decimalString(t.allocationReceived),
  interestReceived: decimalString(t.interestReceived),
  otherReceived: decimalString(t.otherReceived),
  spend: [...t.spendByRowAndCategory].flatMap(([spendRow, byCategory]) =>
    [...byCategory].map(([category, amount]) => ({ spendRow, category, amount: decimalString(amount) })),
  ),
  uncountedRows: t.uncountedRows,
});

export const extractCashbook = (ctx: CheckContext): CashbookData => {
  const ledger = readLedger(ctx);
  return {
    kind: 'cashbook',
    unionName: text(ctx, 'cb_union_name'),
    ubn: text(ctx, 'cb_ubn'),
    year: ledger.year,
    period: ledger.period,
    opening: balancesData(ledger.opening),
    closing: balancesData(ledger.closing),
    entries: ledger.entries.map(entryData),
    totals: totalsData(ledgerTotals(ledger.entries)),
  };
};
