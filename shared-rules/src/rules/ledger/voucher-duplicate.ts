// ledger.voucher_duplicate: the same 傳票序號 twice in one year's book is probably entered twice (seed 004 §2.8(二)3(3); SPEC §4.2).
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { readLedger } from '../../ledger';
import { comparable, entryCell } from './locate';

export const voucherDuplicate: Rule = (ctx) => {
  const firstRow = new Map<string, number>();
  const out: Finding[] = [];
  for (const e of readLedger(ctx).entries) {
    if (e.voucher === null) continue;
    // '１２' and '12' are the same voucher number on paper
    const key = comparable(e.voucher);
    const other = firstRow.get(key);
    if (other === undefined) firstRow.set(key, e.row);
    else out.push(makeFinding('ledger.voucher_duplicate', entryCell(e, 'voucher'), { actual: e.voucher, otherRow: other }));
  }
  return out;
};
