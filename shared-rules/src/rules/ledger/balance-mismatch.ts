// ledger.balance_mismatch: a running balance typed over its formula must equal the replay (SPEC §4.2, §7; seed 004 §2.8).
import type Decimal from 'decimal.js';
import { type Rule } from '../../check/context';
import { CB_BALANCE_COLUMNS, CB_FIRST_ENTRY_ROW, CB_SHEET, balanceColumn } from '../../definition/cashbook/ledger-sheet';
import { toNumber } from '../../definition/expr';
import { makeFinding } from '../../findings/make';
import { balancesTotal, type Ledger, readLedger } from '../../ledger';
import { parseAddress } from '../../snapshot/a1';
import { overwrittenFormulas } from '../template/formula-overwritten';
import { groupedText, moneyText } from '../../values/money';

type BalanceKey = (typeof CB_BALANCE_COLUMNS)[number]['key'];

const KEY_BY_COLUMN = new Map<string, BalanceKey>(CB_BALANCE_COLUMNS.map((c) => [balanceColumn(c.key), c.key]));
const TOTAL_LABEL = '結存合計';

/** The replayed balance shown on a sheet row: after the last entry at or above it (the opening before the first). */
const balanceAt = (ledger: Ledger, row: number, key: BalanceKey): Decimal => {
  const { entries } = ledger;
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid]?.row ?? Infinity) <= row) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const entry = entries[found];
  if (key === 'total') return entry?.total ?? balancesTotal(ledger.opening);
  return entry?.balances[key] ?? ledger.opening[key];
};

export const balanceMismatch: Rule = (ctx) => {
  // a cleared cell claims nothing (template.formula_overwritten reports it); only a typed constant can contradict
  const candidates = overwrittenFormulas(ctx).filter((o) => o.sheet === CB_SHEET && o.constant !== null);
  if (candidates.length === 0) return [];
  const ledger = readLedger(ctx);
  return candidates.flatMap((o) => {
    const at = parseAddress(o.cell);
    const key = KEY_BY_COLUMN.get(o.cell.replace(/\d+$/, ''));
    // the opening row (the header's balances carried down) is sum.mismatch's
    if (at === null || key === undefined || at.row < CB_FIRST_ENTRY_ROW || o.constant === null) return [];
    const expected = balanceAt(ledger, at.row, key);
    const actual = toNumber(o.constant.replace(/,/g, ''));
    if (actual !== null && actual.equals(expected)) return [];
    return [
      makeFinding(
        'ledger.balance_mismatch',
        { sheet: o.sheet, cell: o.cell, field: 'cb_balances' },
        { account: key === 'total' ? TOTAL_LABEL : key, actual: groupedText(o.constant), expected: moneyText(expected) },
        { actual: o.constant, expected: expected.toFixed() },
      ),
    ];
  });
};
