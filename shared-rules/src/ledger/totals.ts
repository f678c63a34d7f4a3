// The cash book's year-to-date figures in the shape of the 決算 (SPEC §6 year chain): receipts by kind and spending by
// 決算 row × 動支類別. The server reconciles them cell by cell against the next year's application, so nothing is rounded.
import Decimal from 'decimal.js';
import { type SpendCategory } from '../definition/cashbook/params';
import { listStrings } from '../definition/lists';
import { type LedgerEntryInput } from './replay';

export interface LedgerTotals {
  /** 收 1: 商港服務費福利專款 (分配款) received. */
  readonly allocationReceived: Decimal;
  /** 收 2 and 收 3: 定存利息 and 活期利息. */
  readonly interestReceived: Decimal;
  /** 收 4: 其他收入. */
  readonly otherReceived: Decimal;
  /** 支 by the code's 決算 row ('1', '2', '3-1', '3-2', '4', '5-1' … '5-5', '6') and 動支類別. */
  readonly spendByRowAndCategory: ReadonlyMap<string, ReadonlyMap<SpendCategory, Decimal>>;
  /**
   * Rows of 收 or 支 entries none of the figures above could place although they may carry money: 金額 unreadable,
   * 字|號 not in the parameter table, or a spend whose 動支類別 is not one of the dropdown's values.
   * 收 5 and 支 7-x (誤植或扣抵) are deliberately outside the 決算 figures and are not listed.
   */
  readonly uncountedRows: readonly number[];
}

const RECEIPTS: Readonly<Record<string, 'allocationReceived' | 'interestReceived' | 'otherReceived'>> = {
  '1': 'allocationReceived',
  '2': 'interestReceived',
  '3': 'interestReceived',
  '4': 'otherReceived',
};

const CATEGORIES = listStrings('cb_category');
const isSpendCategory = (s: string | null): s is SpendCategory => s !== null && CATEGORIES.includes(s);

export const ledgerTotals = (entries: readonly LedgerEntryInput[]): LedgerTotals => {
  const receipts = { allocationReceived: new Decimal(0), interestReceived: new Decimal(0), otherReceived: new Decimal(0) };
  const spend = new Map<string, Map<SpendCategory, Decimal>>();
  const uncountedRows: number[] = [];
  for (const e of entries) {
    if (e.zi !== '收' && e.zi !== '支') continue;
    const { param, amount } = e;
    if (amount === null || param === null) {
      uncountedRows.push(e.row);
      continue;
    }
    if (param.zi === '收') {
      const key = RECEIPTS[param.no];
      if (key !== undefined) receipts[key] = receipts[key].plus(amount);
      continue;
    }
    if (param.spendRow === undefined) continue;
    if (!isSpendCategory(e.category)) {
      uncountedRows.push(e.row);
      continue;
    }
    let byCategory = spend.get(param.spendRow);
    if (byCategory === undefined) spend.set(param.spendRow, (byCategory = new Map()));
    byCategory.set(e.category, (byCategory.get(e.category) ?? new Decimal(0)).plus(amount));
  }
  return { ...receipts, spendByRowAndCategory: spend, uncountedRows };
};

/** The sum of one 決算 row's spending over the given categories (all when omitted). */
export const spendOf = (totals: LedgerTotals, spendRow: string, categories?: readonly SpendCategory[]): Decimal => {
  let sum = new Decimal(0);
  for (const [category, amount] of totals.spendByRowAndCategory.get(spendRow) ?? []) {
    if (categories === undefined || categories.includes(category)) sum = sum.plus(amount);
  }
  return sum;
};
