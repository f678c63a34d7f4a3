// The cash-book replay (SPEC §4.2): start from the opening balances and apply every entry with ledgerDelta, the same
// movement the template's running-balance formulas compute, so the checker and Excel never disagree about a balance.
import Decimal from 'decimal.js';
import { type ParamRow } from '../definition/cashbook/params';
import { ACCOUNTS, type Account, ledgerDelta } from './delta';

export type Balances = Readonly<Record<Account, Decimal>>;

/** What the running-balance formula of a row reads: the cells' text as Excel compares it, and 金額 as a number. */
export interface FormulaView {
  readonly zi: string;
  readonly no: string;
  readonly amount: Decimal | null;
  readonly account: string;
}

/** The cells of one used row of cb_entries, read tolerantly: a cell that cannot be read is null (the cell rules report it). */
export interface EntryCells<Amount> {
  /** Sheet row number. */
  readonly row: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly zi: string | null;
  readonly voucher: string | null;
  readonly item: string | null;
  readonly no: string | null;
  /** 摘要(二): the member's name for payments to a person. */
  readonly note: string | null;
  readonly amount: Amount | null;
  readonly category: string | null;
  readonly account: string | null;
}

/** One used row of cb_entries as the replay reads it. */
export interface LedgerEntryInput extends EntryCells<Decimal> {
  /** The parameter-table row of 字|號 (what 摘要(一) looks up), or null when there is none. */
  readonly param: ParamRow | null;
  /** The formula's reading of the row when it differs from the clean values (readLedger always sets it). */
  readonly formula?: FormulaView;
}

export interface LedgerEntry extends LedgerEntryInput {
  /** Every account's balance after this entry. */
  readonly balances: Balances;
  /** 結存: the sum of the four accounts after this entry. */
  readonly total: Decimal;
}

/** An account falling below zero at an entry (the balance after that entry). */
export interface NegativeBalance {
  readonly account: Account;
  readonly row: number;
  readonly balance: Decimal;
}

export interface Replay {
  readonly entries: readonly LedgerEntry[];
  readonly closing: Balances;
  /** The first entry after which each account is below zero (accounts that never are are absent). */
  readonly firstNegative: Partial<Record<Account, NegativeBalance>>;
  /**
   * Every entry at which an account goes from ≥ 0 to < 0, in row order: a run of negative balances is reported once,
   * at its start, and again only after the account recovered. An opening balance already below zero starts in a run
   * (that is the header cell's error, cell.negative), so it is not reported again at the first entry.
   */
  readonly negativeRuns: readonly NegativeBalance[];
}

const ZERO = new Decimal(0);

export const zeroBalances = (): Balances => ({ 專戶存款1: ZERO, 專戶存款2: ZERO, 定期存款: ZERO, 零用金: ZERO });

export const balancesTotal = (b: Balances): Decimal => ACCOUNTS.reduce((sum, a) => sum.plus(b[a]), ZERO);

/** The formula's view of an entry built from its clean values (for entries not read from a workbook). */
const viewOf = (e: LedgerEntryInput): FormulaView =>
  e.formula ?? { zi: e.zi ?? '', no: e.no ?? '', amount: e.amount, account: e.account ?? '' };

/** Applies the entries in order; linear in the number of entries. */
export const replayEntries = (opening: Balances, inputs: readonly LedgerEntryInput[]): Replay => {
  const current: Record<Account, Decimal> = { ...opening };
  const negative = new Set<Account>(ACCOUNTS.filter((a) => opening[a].lt(0)));
  const firstNegative: Partial<Record<Account, NegativeBalance>> = {};
  const negativeRuns: NegativeBalance[] = [];
  const entries = inputs.map((input): LedgerEntry => {
    const view = viewOf(input);
    if (view.amount !== null) {
      for (const [account, change] of ledgerDelta(view.zi, view.no, view.amount, view.account)) {
        current[account] = current[account].plus(change);
      }
    }
    for (const account of ACCOUNTS) {
      const balance = current[account];
      if (balance.lt(0)) {
        const at: NegativeBalance = { account, row: input.row, balance };
        firstNegative[account] ??= at;
        if (!negative.has(account)) negativeRuns.push(at);
        negative.add(account);
      } else {
        negative.delete(account);
      }
    }
    const balances: Balances = { ...current };
    return { ...input, balances, total: balancesTotal(balances) };
  });
  return { entries, closing: { ...current }, firstNegative, negativeRuns };
};
