// A union's own page (issue 17): for a year, each quarter's filing standing and the figures of its counted cash book
// (counted-filings.ts) — 分配款收入, 教育訓練 and 行政事務費 with their shares, everything spent, 結存 — its quarterly trend.
import { taipeiDate } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type FilingStatus } from '../../models/filing';
import { type Organization } from '../../models/organization';
import { type DeadlineState, dueDate, periodState } from '../deadlines';
import { amount } from './amount';
import { countedFilingsSql } from './counted-filings';
import { countedCashbooksSql } from './dashboard';
import { type Quarter, QUARTERS } from './quarters';
import { adminRatio, educationRatio } from './ratios';
import { gridTotal, spendGridOf, spendGridSql } from './spend-groups';
import { type CountedFilingRef } from './union-report';

export interface TrendQuarter {
  readonly quarter: Quarter;
  readonly status: DeadlineState;
  readonly cashbook: CountedFilingRef | null;
  readonly allocationReceived: string | null;
  readonly education: string | null;
  readonly admin: string | null;
  readonly totalSpent: string | null;
  readonly educationRatio: number | null;
  readonly adminRatio: number | null;
  readonly balance: string | null;
}

export interface UnionTrend {
  readonly union: { readonly id: number; readonly name: string; readonly ubn: string | null };
  readonly localGovernment: { readonly id: number; readonly name: string } | null;
  readonly year: number;
  readonly quarters: readonly TrendQuarter[];
}

type DbRow = Readonly<Record<string, unknown>>;

// per quarter the first upload and the current version's status (the highest not rejected), as deadlines take them
const standingSql = `
SELECT f.quarter, min(f.uploaded_at) AS first_uploaded_at,
  (array_agg(f.status ORDER BY f.version DESC) FILTER (WHERE f.status <> 'rejected'))[1] AS current_status
FROM filings f
WHERE f.union_id = ? AND f.year = ? AND f.kind = 'cashbook'
GROUP BY f.quarter`;

const CLOSING = ['closing_special1', 'closing_special2', 'closing_fixed', 'closing_petty'] as const;

const trendQuarter = (quarter: Quarter, status: DeadlineState, row: DbRow | undefined): TrendQuarter => {
  if (row === undefined) {
    return { quarter, status, cashbook: null, allocationReceived: null, education: null, admin: null, totalSpent: null, educationRatio: null, adminRatio: null, balance: null };
  }
  const base = amount(row.allocation_received) ?? new Decimal(0);
  const spend = spendGridOf(row);
  const education = new Decimal(spend['1'].allocation);
  const admin = new Decimal(spend['6'].total);
  const balance = CLOSING.reduce((sum, c) => sum.plus(amount(row[c]) ?? 0), new Decimal(0));
  return {
    quarter,
    status,
    cashbook: {
      filingId: Number(row.id),
      version: Number(row.version),
      status: String(row.status) as FilingStatus,
      underReview: row.under_review === true || row.under_review === 't',
    },
    allocationReceived: base.toFixed(0),
    education: education.toFixed(0),
    admin: admin.toFixed(0),
    totalSpent: gridTotal(spend).toFixed(0),
    educationRatio: educationRatio(education, base, quarter).percent?.toNumber() ?? null,
    adminRatio: adminRatio(admin, base).percent?.toNumber() ?? null,
    balance: balance.toFixed(0),
  };
};

/** The trend of a union the caller may see (the route has checked the scope). */
export const unionTrend = async (db: Knex, union: Organization, year: number, now: Date): Promise<UnionTrend> => {
  const grid = spendGridSql();
  const cte = countedFilingsSql(db('organizations').select('id').where('id', union.id), [year]);
  const [counted, standing, localGovernment] = await Promise.all([
    db.raw<{ rows: DbRow[] }>(countedCashbooksSql(cte.sql, grid.sql), [...cte.bindings, ...grid.bindings, year]),
    db.raw<{ rows: DbRow[] }>(standingSql, [union.id, year]),
    union.parent_id === null ? undefined : db('organizations').where({ id: union.parent_id, kind: 'local_gov' }).first<{ id: number; name: string } | undefined>('id', 'name'),
  ]);
  const today = taipeiDate(now);
  const stateOf = (quarter: Quarter): DeadlineState => {
    const r = standing.rows.find((s) => Number(s.quarter) === quarter);
    const first = r?.first_uploaded_at;
    const firstUploadedAt = first === null || first === undefined ? null : first instanceof Date ? first : new Date(String(first));
    const currentStatus = r?.current_status === null || r?.current_status === undefined ? null : (String(r.current_status) as FilingStatus);
    return periodState(dueDate({ kind: 'cashbook', year, quarter }), { firstUploadedAt, currentStatus }, today);
  };
  return {
    union: { id: union.id, name: union.name, ubn: union.ubn },
    localGovernment: localGovernment ?? null,
    year,
    quarters: QUARTERS.map((q) => trendQuarter(q, stateOf(q), counted.rows.find((r) => Number(r.quarter) === q))),
  };
};
