// sum.mismatch: a total whose formula was replaced by a constant must still equal the recomputed total (SPEC §7;
// seed 004 §2.3(二)3, §2.5(二)2, §2.7(二)3).
import { BLANK } from '../../findings/display';
import { type Rule } from '../../check/context';
import { balanceColumn, CB_FIRST_ENTRY_ROW, CB_SHEET } from '../../definition/cashbook/ledger-sheet';
import { toNumber } from '../../definition/expr';
import { parseAddress } from '../../snapshot/a1';
import { makeFinding } from '../../findings/make';
import { cellLabel } from '../../form/labels';
import { overwrittenFormulas } from '../template/formula-overwritten';
import { groupedText, moneyText } from '../../values/money';

/** The cash book's 結存 column is a running balance too: ledger.balance_mismatch reports it. */
const isRunningTotal = (sheet: string, cell: string): boolean => {
  const at = parseAddress(cell);
  return sheet === CB_SHEET && at !== null && at.row >= CB_FIRST_ENTRY_ROW && cell.startsWith(balanceColumn('total'));
};

export const sumMismatch: Rule = (ctx) =>
  overwrittenFormulas(ctx).flatMap((o) => {
    // running balances and 摘要(一) have their own codes (ledger.balance_mismatch, ledger.summary_mismatch)
    if (o.spec.format === 'text' || o.spec.expr.t === 'balance' || o.spec.expr.t === 'lookup' || isRunningTotal(o.sheet, o.cell)) return [];
    const expected = toNumber(ctx.form.value(o.sheet, o.cell));
    const actual = o.constant === null ? null : toNumber(o.constant.replace(/,/g, ''));
    if (expected === null || (actual !== null && actual.equals(expected))) return [];
    return [
      makeFinding(
        'sum.mismatch',
        { sheet: o.sheet, cell: o.cell },
        { label: cellLabel(ctx.def, o.sheet, o.cell), actual: o.constant === null ? BLANK : groupedText(o.constant), expected: moneyText(expected) },
        { actual: o.constant ?? BLANK, expected: expected.toString() },
      ),
    ];
  });
