// Per union, for a year and quarter: what the current cash book (year to date) and application say — allocation,
// spending grid, ratios, 結存, 歷年累積結餘款, open errors — and how each quarter of the year was filed. One SQL query.
import { taipeiDate } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type FilingStatus } from '../../models/filing';
import { type User } from '../../models/user';
import { type DeadlineState, dueDate, periodState } from '../deadlines';
import { amount } from './amount';
import { APPROVED_STATUS, COUNTED_STATUSES } from './counted-filings';
import { cumulativeSurplusOf, cumulativeSurplusSql } from './cumulative-surplus';
import { type Quarter, QUARTERS } from './quarters';
import { adminRatio, educationRatio } from './ratios';
import { scopedUnionIds } from './report-scope';
import { gridTotal, type SpendGrid, spendAlias, spendGridOf, spendGridSql, SPEND_GROUPS, FUND_SOURCES } from './spend-groups';

export interface ReportPeriod {
  readonly year: number;
  readonly quarter: Quarter;
}

export interface FilingRef {
  readonly filingId: number;
  readonly version: number;
  readonly status: FilingStatus;
}

/** A counted version: underReview when no version is approved yet and the latest under review counts. */
export interface CountedFilingRef extends FilingRef {
  readonly underReview: boolean;
}

export interface QuarterFiling {
  readonly quarter: Quarter;
  readonly status: DeadlineState;
  readonly dueDate: string;
  /** The current version, for drill-down; null when there is none. */
  readonly filing: FilingRef | null;
  readonly firstUploadedAt: string | null;
}

export interface UnionReportRow {
  readonly localGovernment: { readonly id: number; readonly name: string } | null;
  readonly union: { readonly id: number; readonly name: string; readonly ubn: string | null };
  /** The counted cash book of the quarter and application of the year (counted-filings.ts): the figures come from these. */
  readonly cashbook: CountedFilingRef | null;
  readonly application: CountedFilingRef | null;
  /** The latest approved version of each (the current one itself, an older one, or null when none is approved yet). */
  readonly approved: { readonly cashbook: FilingRef | null; readonly application: FilingRef | null };
  /** Amounts are whole NT$ as decimal strings; null when the quarter's cash book is missing. */
  readonly allocationReceived: string | null;
  readonly spend: SpendGrid | null;
  readonly totalSpent: string | null;
  /** Percentages with one decimal (41.5 = 41.5 %); null without a cash book or without 分配款 received. */
  readonly educationRatio: number | null;
  readonly adminRatio: number | null;
  readonly flags: { readonly educationBelowMin: boolean | null; readonly adminAboveMax: boolean | null };
  /** 結存: the sum of the four closing balances of the current cash book (the fund's cash). */
  readonly balance: string | null;
  /** 歷年累積結餘款 of the current application (its 決算, to the end of the year before), recomputed; null without one. */
  readonly cumulativeSurplus: string | null;
  readonly quarters: readonly QuarterFiling[];
  readonly openErrors: { readonly cashbook: number | null; readonly application: number | null; readonly total: number };
}

export interface UnionReport extends ReportPeriod {
  readonly generatedAt: string;
  readonly rows: readonly UnionReportRow[];
}

const CLOSING = ['closing_special1', 'closing_special2', 'closing_fixed', 'closing_petty'] as const;

const quarterColumns = QUARTERS.map(
  (q) => `max(c.id) FILTER (WHERE fu.quarter = ${q}) AS q${q}_filing_id,
    max(c.version) FILTER (WHERE fu.quarter = ${q}) AS q${q}_version,
    max(c.status) FILTER (WHERE fu.quarter = ${q}) AS q${q}_status,
    max(fu.first_uploaded_at) FILTER (WHERE fu.quarter = ${q}) AS q${q}_first_uploaded_at`,
).join(',\n');

const quarterSelect = QUARTERS.map((q) => `qf.q${q}_filing_id, qf.q${q}_version, qf.q${q}_status, qf.q${q}_first_uploaded_at`).join(', ');

const spendSelect = SPEND_GROUPS.flatMap((g) => FUND_SOURCES.map((s) => `sp.${spendAlias(g.key, s.key)}`)).join(', ');

// the figures come from the counted version (counted-filings.ts: latest approved, else latest under review; a returned,
// rejected, superseded or withdrawn version never counts), shown beside the latest approved version (approved_filings);
// how each quarter was filed follows the current version (the highest not rejected), as deadlines take it
const COUNTED = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');

const reportSql = (spendGrid: string, surplus: string): string => `
WITH scoped AS (
  SELECT u.id, u.name, u.ubn, u.parent_id, lg.name AS lg_name
  FROM organizations u LEFT JOIN organizations lg ON lg.id = u.parent_id
  WHERE u.kind = 'union' AND u.id IN (?)
),
year_filings AS (
  SELECT f.id, f.union_id, f.kind, f.quarter, f.version, f.status, f.errors, f.uploaded_at
  FROM filings f JOIN scoped s ON s.id = f.union_id
  WHERE f.year = ?
),
current_filings AS (
  SELECT DISTINCT ON (union_id, kind, quarter) id, union_id, kind, quarter, version, status
  FROM year_filings WHERE status NOT IN ('rejected', 'superseded', 'withdrawn')
  ORDER BY union_id, kind, quarter, version DESC
),
counted_filings AS (
  SELECT DISTINCT ON (union_id, kind, quarter) id, union_id, kind, quarter, version, status, errors
  FROM year_filings WHERE status IN (${COUNTED})
  ORDER BY union_id, kind, quarter, (status = '${APPROVED_STATUS}') DESC, version DESC
),
approved_filings AS (
  SELECT DISTINCT ON (union_id, kind, quarter) id, union_id, kind, quarter, version, status
  FROM year_filings WHERE status = 'approved'
  ORDER BY union_id, kind, quarter, version DESC
),
first_uploads AS (
  SELECT union_id, quarter, min(uploaded_at) AS first_uploaded_at
  FROM year_filings WHERE kind = 'cashbook' AND status <> 'withdrawn'
  GROUP BY union_id, quarter
),
quarter_facts AS (
  SELECT fu.union_id, ${quarterColumns}
  FROM first_uploads fu
  LEFT JOIN current_filings c ON c.union_id = fu.union_id AND c.kind = 'cashbook' AND c.quarter = fu.quarter
  GROUP BY fu.union_id
)
SELECT s.id AS union_id, s.name AS union_name, s.ubn, s.parent_id AS local_gov_id, s.lg_name AS local_gov_name,
  cb.id AS cashbook_id, cb.version AS cashbook_version, cb.status AS cashbook_status, cb.errors AS cashbook_errors,
  app.id AS application_id, app.version AS application_version, app.status AS application_status, app.errors AS application_errors,
  apc.id AS approved_cashbook_id, apc.version AS approved_cashbook_version, apc.status AS approved_cashbook_status,
  apa.id AS approved_application_id, apa.version AS approved_application_version, apa.status AS approved_application_status,
  asu.surplus_in, asu.surplus_out,
  sm.allocation_received, ${CLOSING.map((c) => `sm.${c}`).join(', ')},
  ${spendSelect},
  ${quarterSelect}
FROM scoped s
LEFT JOIN counted_filings cb ON cb.union_id = s.id AND cb.kind = 'cashbook' AND cb.quarter = ?
LEFT JOIN counted_filings app ON app.union_id = s.id AND app.kind = 'application' AND app.quarter = 0
LEFT JOIN approved_filings apc ON apc.union_id = s.id AND apc.kind = 'cashbook' AND apc.quarter = ?
LEFT JOIN approved_filings apa ON apa.union_id = s.id AND apa.kind = 'application' AND apa.quarter = 0
LEFT JOIN LATERAL (SELECT ${surplus} FROM application_figures af WHERE af.filing_id = app.id) asu ON true
LEFT JOIN cashbook_summaries sm ON sm.filing_id = cb.id
LEFT JOIN LATERAL (SELECT ${spendGrid} FROM cashbook_spend cs WHERE cs.filing_id = cb.id) sp ON true
LEFT JOIN quarter_facts qf ON qf.union_id = s.id
ORDER BY s.parent_id NULLS LAST, s.ubn, s.id`;

type DbRow = Readonly<Record<string, unknown>>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const instant = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

const filingRef = (id: unknown, version: unknown, status: unknown): FilingRef | null => {
  const filingId = num(id);
  return filingId === null ? null : { filingId, version: num(version) ?? 0, status: String(status) as FilingStatus };
};

const countedRef = (ref: FilingRef | null): CountedFilingRef | null => (ref === null ? null : { ...ref, underReview: ref.status !== APPROVED_STATUS });

const quarterFiling = (row: DbRow, year: number, quarter: Quarter, now: Date): QuarterFiling => {
  const filing = filingRef(row[`q${quarter}_filing_id`], row[`q${quarter}_version`], row[`q${quarter}_status`]);
  const firstUploadedAt = instant(row[`q${quarter}_first_uploaded_at`]);
  const due = dueDate({ kind: 'cashbook', year, quarter });
  return {
    quarter,
    status: periodState(due, { firstUploadedAt, currentStatus: filing?.status ?? null }, taipeiDate(now)),
    dueDate: due,
    filing,
    firstUploadedAt: firstUploadedAt?.toISOString() ?? null,
  };
};

const toRow = (row: DbRow, period: ReportPeriod, now: Date): UnionReportRow => {
  const cashbook = countedRef(filingRef(row.cashbook_id, row.cashbook_version, row.cashbook_status));
  const application = countedRef(filingRef(row.application_id, row.application_version, row.application_status));
  const allocation = cashbook === null ? null : (amount(row.allocation_received) ?? new Decimal(0));
  const spend = cashbook === null ? null : spendGridOf(row);
  const education = spend === null || allocation === null ? null : educationRatio(new Decimal(spend['1'].allocation), allocation, period.quarter);
  const admin = spend === null || allocation === null ? null : adminRatio(new Decimal(spend['6'].total), allocation);
  const closing = CLOSING.map((c) => amount(row[c]));
  const balance = cashbook === null ? null : closing.reduce<Decimal>((sum, v) => sum.plus(v ?? 0), new Decimal(0));
  const cashbookErrors = cashbook === null ? null : (num(row.cashbook_errors) ?? 0);
  const applicationErrors = application === null ? null : (num(row.application_errors) ?? 0);
  const localGovId = num(row.local_gov_id);
  return {
    localGovernment: localGovId === null ? null : { id: localGovId, name: text(row.local_gov_name) ?? '' },
    union: { id: Number(row.union_id), name: text(row.union_name) ?? '', ubn: text(row.ubn) },
    cashbook,
    application,
    approved: {
      cashbook: filingRef(row.approved_cashbook_id, row.approved_cashbook_version, row.approved_cashbook_status),
      application: filingRef(row.approved_application_id, row.approved_application_version, row.approved_application_status),
    },
    allocationReceived: allocation?.toFixed(0) ?? null,
    spend,
    totalSpent: spend === null ? null : gridTotal(spend).toFixed(0),
    educationRatio: education?.percent?.toNumber() ?? null,
    adminRatio: admin?.percent?.toNumber() ?? null,
    flags: { educationBelowMin: education?.flagged ?? null, adminAboveMax: admin?.flagged ?? null },
    balance: balance?.toFixed(0) ?? null,
    cumulativeSurplus: application === null ? null : cumulativeSurplusOf(row).toFixed(0),
    quarters: QUARTERS.map((q) => quarterFiling(row, period.year, q, now)),
    openErrors: { cashbook: cashbookErrors, application: applicationErrors, total: (cashbookErrors ?? 0) + (applicationErrors ?? 0) },
  };
};

/** One row per union in the user's scope, ordered by local government and UBN. */
export const unionReportRows = async (db: Knex, user: User, period: ReportPeriod, now: Date): Promise<UnionReportRow[]> => {
  const grid = spendGridSql();
  const surplus = cumulativeSurplusSql();
  const result = await db.raw<{ rows: DbRow[] }>(reportSql(grid.sql, surplus.sql), [
    scopedUnionIds(db, user),
    period.year,
    period.quarter,
    period.quarter,
    ...surplus.bindings,
    ...grid.bindings,
  ]);
  return result.rows.map((row) => toRow(row, period, now));
};

export const unionReport = async (db: Knex, user: User, period: ReportPeriod, now: Date): Promise<UnionReport> => ({
  ...period,
  generatedAt: now.toISOString(),
  rows: await unionReportRows(db, user, period, now),
});
