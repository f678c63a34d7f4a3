// ledger.negative_balance: replaying the book from the opening balances, no account may go below zero after any entry
// (SPEC §4.2; the template's running-balance formulas, definition/expr.ts 'balance').
import { type Rule } from '../../check/context';
import { CB_SHEET, balanceColumn } from '../../definition/cashbook/ledger-sheet';
import { makeFinding } from '../../findings/make';
import { readLedger } from '../../ledger';
import { moneyText } from '../../values/money';

// one finding per run: where an account first goes negative, and again only after it recovered (replay.ts negativeRuns)
export const negativeBalance: Rule = (ctx) =>
  readLedger(ctx).negativeRuns.map((n) =>
    makeFinding(
      'ledger.negative_balance',
      { sheet: CB_SHEET, cell: `${balanceColumn(n.account)}${n.row}`, field: 'cb_balances' },
      { account: n.account, actual: moneyText(n.balance) },
      { actual: n.balance.toFixed() },
    ),
  );
