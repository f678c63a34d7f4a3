// Per local government, for a year and quarter: its unions rolled up — how the quarter was filed, allocation and
// spending totals, how many unions break the 40 % / 10 % rules, open errors. Built on the per-union query (one SQL).
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type User } from '../../models/user';
import { type DeadlineState } from '../deadlines';
import { type LocalGovernmentRef, scopedLocalGovernments } from './report-scope';
import { gridTotal, type SpendGrid, sumGrids } from './spend-groups';
import { type ReportPeriod, type UnionReportRow, unionReportRows } from './union-report';

export interface LocalGovernmentReportRow {
  /** null for the row of unions not attached to any local government. */
  readonly localGovernment: LocalGovernmentRef | null;
  readonly unions: number;
  /** How the unions stand for the requested quarter. */
  readonly filings: Readonly<Record<'onTime' | 'late' | 'missing' | 'returned' | 'notYetDue', number>>;
  readonly allocationReceived: string;
  readonly spend: SpendGrid;
  readonly totalSpent: string;
  /** Unions whose December figures are under 40 %; null before quarter 4 (not judged yet). */
  readonly educationBelowMin: number | null;
  readonly adminAboveMax: number;
  readonly openErrors: number;
}

export interface LocalGovernmentReport extends ReportPeriod {
  readonly generatedAt: string;
  readonly rows: readonly LocalGovernmentReportRow[];
}

const STATUS_KEYS: Readonly<Record<DeadlineState, keyof LocalGovernmentReportRow['filings']>> = {
  on_time: 'onTime',
  late: 'late',
  missing: 'missing',
  returned: 'returned',
  not_due: 'notYetDue',
};

const rollUp = (localGovernment: LocalGovernmentRef | null, unions: readonly UnionReportRow[], period: ReportPeriod): LocalGovernmentReportRow => {
  const filings = { onTime: 0, late: 0, missing: 0, returned: 0, notYetDue: 0 };
  for (const u of unions) {
    const status = u.quarters.find((q) => q.quarter === period.quarter)?.status;
    if (status !== undefined) filings[STATUS_KEYS[status]] += 1;
  }
  const spend = sumGrids(unions.flatMap((u) => (u.spend === null ? [] : [u.spend])));
  return {
    localGovernment,
    unions: unions.length,
    filings,
    allocationReceived: unions.reduce((sum, u) => sum.plus(u.allocationReceived ?? 0), new Decimal(0)).toFixed(0),
    spend,
    totalSpent: gridTotal(spend).toFixed(0),
    educationBelowMin: period.quarter === 4 ? unions.filter((u) => u.flags.educationBelowMin === true).length : null,
    adminAboveMax: unions.filter((u) => u.flags.adminAboveMax === true).length,
    openErrors: unions.reduce((sum, u) => sum + u.openErrors.total, 0),
  };
};

/** One row per local government in scope (also those without unions), plus one for unions without any. */
export const localGovernmentReport = async (db: Knex, user: User, period: ReportPeriod, now: Date): Promise<LocalGovernmentReport> => {
  const [governments, unions] = await Promise.all([scopedLocalGovernments(db, user), unionReportRows(db, user, period, now)]);
  const rows = governments.map((g) => rollUp(g, unions.filter((u) => u.localGovernment?.id === g.id), period));
  const known = new Set(governments.map((g) => g.id));
  const orphans = unions.filter((u) => u.localGovernment === null || !known.has(u.localGovernment.id));
  if (orphans.length > 0) rows.push(rollUp(null, orphans, period));
  return { ...period, generatedAt: now.toISOString(), rows };
};
