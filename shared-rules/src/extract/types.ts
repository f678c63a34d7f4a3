// What a filed workbook contains, as plain data for storage and reports (no cells, no formulas: recomputed values).
// Amounts are decimal strings ('1234.5', '-20'), exactly as decimal.js computed them: the database stores numeric, and
// plain data crosses from the checking worker to the server as it is.
import { type SpendCategory } from '../definition/cashbook/params';
import { type Account } from '../ledger/delta';
import { type EntryCells } from '../ledger/replay';

/** A decimal number as text in plain notation, never rounded, never a float. */
export type DecimalString = string;

export type BalancesData = Readonly<Record<Account, DecimalString>>;

export interface WorkbookHeader {
  readonly unionName: string | null;
  readonly ubn: string | null;
  readonly year: number | null;
}

/** One used row of cb_entries with the balances after it (cells that cannot be read are null). */
export interface LedgerEntryData extends EntryCells<DecimalString> {
  /** Every account's balance after this entry. */
  readonly balances: BalancesData;
  /** 結存: the sum of the four accounts after this entry. */
  readonly total: DecimalString;
}

/** Spending of one 決算 row and 動支類別. */
export interface SpendData {
  readonly spendRow: string;
  readonly category: SpendCategory;
  readonly amount: DecimalString;
}

/** The 決算-shaped year-to-date totals (ledger/totals.ts computes them). */
export interface CashbookTotalsData {
  readonly allocationReceived: DecimalString;
  readonly interestReceived: DecimalString;
  readonly otherReceived: DecimalString;
  readonly spend: readonly SpendData[];
  readonly uncountedRows: readonly number[];
}

export interface CashbookData extends WorkbookHeader {
  readonly kind: 'cashbook';
  /** 申報月份 3/6/9/12, or null. */
  readonly period: number | null;
  readonly opening: BalancesData;
  readonly closing: BalancesData;
  readonly entries: readonly LedgerEntryData[];
  readonly totals: CashbookTotalsData;
}

/** One value of the application: (section = defined name, item = row key, col = column key). */
export interface Figure {
  readonly section: string;
  readonly item: string;
  readonly col: string;
  readonly amount: DecimalString | null;
  readonly text: string | null;
}

export interface TrainingSessionData {
  readonly seq: number;
  readonly sessionNo: string | null;
  readonly day1: string | null;
  readonly day2: string | null;
  readonly days: DecimalString | null;
  readonly title: string | null;
  readonly place: string | null;
  readonly hours: DecimalString;
  readonly cost: DecimalString | null;
  readonly male: number | null;
  readonly female: number | null;
}

export interface RosterMember {
  readonly seq: number;
  readonly name: string | null;
  readonly gender: string | null;
}

export interface ApplicationData extends WorkbookHeader {
  readonly kind: 'application';
  readonly unionType: string | null;
  readonly members: number | null;
  readonly figures: readonly Figure[];
  readonly sessions: readonly TrainingSessionData[];
  readonly roster: readonly RosterMember[];
}

export type WorkbookData = CashbookData | ApplicationData;
