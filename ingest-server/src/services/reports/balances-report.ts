// One union's quarterly closing balances of the four accounts and 結存 for a year, from the counted cash book of each
// quarter (null when there is none) — the ministry's view of how the fund's money moves between the accounts.
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type FilingStatus } from '../../models/filing';
import { type Organization } from '../../models/organization';
import { APPROVED_STATUS, COUNTED_STATUSES } from './counted-filings';
import { type Quarter, QUARTERS } from './quarters';
import { type FilingRef } from './union-report';

export interface QuarterBalances {
  readonly quarter: Quarter;
  readonly filing: FilingRef | null;
  /** 專戶存款1, 專戶存款2, 定期存款, 零用金 and their sum 結存, whole NT$ as decimal strings; null when missing. */
  readonly special1: string | null;
  readonly special2: string | null;
  readonly fixed: string | null;
  readonly petty: string | null;
  readonly balance: string | null;
}

export interface BalancesReport {
  readonly union: { readonly id: number; readonly name: string; readonly ubn: string | null };
  readonly localGovernment: { readonly id: number; readonly name: string } | null;
  readonly year: number;
  readonly quarters: readonly QuarterBalances[];
}

interface DbRow {
  readonly id: number;
  readonly quarter: number;
  readonly version: number;
  readonly status: FilingStatus;
  readonly closing_special1: string | null;
  readonly closing_special2: string | null;
  readonly closing_fixed: string | null;
  readonly closing_petty: string | null;
}

const ACCOUNT_COLUMNS = { special1: 'closing_special1', special2: 'closing_special2', fixed: 'closing_fixed', petty: 'closing_petty' } as const;

const money = (v: string | null | undefined): string | null => (v === null || v === undefined ? null : new Decimal(v).toFixed(0));

const quarterBalances = (quarter: Quarter, row: DbRow | undefined): QuarterBalances => {
  if (row === undefined) return { quarter, filing: null, special1: null, special2: null, fixed: null, petty: null, balance: null };
  const accounts = Object.fromEntries(Object.entries(ACCOUNT_COLUMNS).map(([key, column]) => [key, money(row[column])])) as Record<keyof typeof ACCOUNT_COLUMNS, string | null>;
  const balance = Object.values(accounts).reduce<Decimal>((sum, v) => sum.plus(v ?? 0), new Decimal(0));
  return { quarter, filing: { filingId: Number(row.id), version: Number(row.version), status: row.status }, ...accounts, balance: balance.toFixed(0) };
};

/** The balances of a union the caller may see (the route has checked the scope). */
export const balancesReport = async (db: Knex, union: Organization, year: number): Promise<BalancesReport> => {
  const [rows, localGovernment] = await Promise.all([
    db
      .select<DbRow[]>('f.id', 'f.quarter', 'f.version', 'f.status', ...Object.values(ACCOUNT_COLUMNS).map((c) => `s.${c}`))
      .from(
        // the counted version as every report takes it (counted-filings.ts: latest approved, else latest under review)
        db('filings')
          .distinctOn('quarter')
          .select('id', 'quarter', 'version', 'status')
          .where({ union_id: union.id, kind: 'cashbook', year })
          .whereIn('status', [...COUNTED_STATUSES])
          .orderBy('quarter')
          .orderByRaw('(status = ?) DESC', [APPROVED_STATUS])
          .orderBy('version', 'desc')
          .as('f'),
      )
      .leftJoin('cashbook_summaries as s', 's.filing_id', 'f.id'),
    union.parent_id === null ? undefined : db('organizations').where({ id: union.parent_id, kind: 'local_gov' }).first<{ id: number; name: string } | undefined>('id', 'name'),
  ]);
  return {
    union: { id: union.id, name: union.name, ubn: union.ubn },
    localGovernment: localGovernment ?? null,
    year,
    quarters: QUARTERS.map((q) => quarterBalances(q, rows.find((r) => Number(r.quarter) === q))),
  };
};
