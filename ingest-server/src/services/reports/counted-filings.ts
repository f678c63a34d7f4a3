// Which version of a filing counts in a report (issue 17): per union, kind, year and quarter the latest version with
// status 'approved', else the latest version still under review (marked so). A whitelist of statuses: returned,
// rejected and any other status (superseded, withdrawn, …) never count. Every dashboard figure is read through this CTE.
import { type Knex } from 'knex';

export const APPROVED_STATUS = 'approved';
export const UNDER_REVIEW_STATUSES = ['submitted', 'local_review', 'ministry_review'] as const;
export const COUNTED_STATUSES = [APPROVED_STATUS, ...UNDER_REVIEW_STATUSES] as const;

/**
 * A `counted` CTE body (no WITH) over the filings of the unions of `scope` (a subquery of union ids) in `years`:
 * columns id, union_id, kind, year, quarter, version, status, under_review. One row per (union, kind, year, quarter).
 */
export const countedFilingsSql = (scope: Knex.QueryBuilder, years: readonly number[]): { sql: string; bindings: Knex.RawBinding[] } => ({
  sql: `SELECT DISTINCT ON (f.union_id, f.kind, f.year, f.quarter)
      f.id, f.union_id, f.kind, f.year, f.quarter, f.version, f.status, (f.status <> '${APPROVED_STATUS}') AS under_review
    FROM filings f
    WHERE f.union_id IN (?) AND f.year IN (${years.map(() => '?').join(', ')})
      AND f.status IN (${COUNTED_STATUSES.map(() => '?').join(', ')})
    ORDER BY f.union_id, f.kind, f.year, f.quarter, (f.status = '${APPROVED_STATUS}') DESC, f.version DESC`,
  bindings: [scope, ...years, ...COUNTED_STATUSES],
});
