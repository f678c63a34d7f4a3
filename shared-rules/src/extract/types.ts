// What a filed workbook contains, as plain data for storage and reports (no cells, no formulas: recomputed values).
import type Decimal from 'decimal.js';
import { type Balances, type LedgerEntry } from '../ledger/replay';
import { type LedgerTotals } from '../ledger/totals';

export interface WorkbookHeader {
  readonly unionName: string | null;
  readonly ubn: string | null;
  readonly year: number | null;
}

export interface CashbookData extends WorkbookHeader {
  readonly kind: 'cashbook';
  /** 申報月份 3/6/9/12, or null. */
  readonly period: number | null;
  readonly opening: Balances;
  readonly closing: Balances;
  readonly entries: readonly LedgerEntry[];
  readonly totals: LedgerTotals;
}

/** One value of the application: (section = defined name, item = row key, col = column key). */
export interface Figure {
  readonly section: string;
  readonly item: string;
  readonly col: string;
  readonly amount: Decimal | null;
  readonly text: string | null;
}

export interface TrainingSessionData {
  readonly seq: number;
  readonly sessionNo: string | null;
  readonly day1: string | null;
  readonly day2: string | null;
  readonly days: Decimal | null;
  readonly title: string | null;
  readonly place: string | null;
  readonly hours: Decimal;
  readonly cost: Decimal | null;
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
