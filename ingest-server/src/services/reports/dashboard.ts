// The 總覽 dashboard of the ministry and of a local government (issue 17), for a year and quarter: filing completeness
// by quarter and local government, allocation against spending by category and source, each union's education and
// admin shares, the four accounts' closing balances by quarter, and the §1.3(一) list. Every figure is read through
// the counted-filings CTE (latest approved, else latest under review); three SQL queries in all.
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type User } from '../../models/user';
import { type FilingStatus } from '../../models/filing';
import { taipeiDate } from '@portfund/shared-rules';
import { dueDate, periodState, type DeadlineState } from '../deadlines';
import { educationShare, EDUCATION_TWO_YEARS_FIRST_YEAR } from '../reconcile/education-two-years';
import { amount } from './amount';
import { countedFilingsSql } from './counted-filings';
import { cumulativeSurplusOf, cumulativeSurplusSql } from './cumulative-surplus';
import { type Quarter, QUARTERS } from './quarters';
import { ADMIN_MAX_PERCENT, adminRatio, EDUCATION_MIN_PERCENT, educationRatio } from './ratios';
import { type LocalGovernmentRef, scopedLocalGovernments, scopedUnionIds } from './report-scope';
import { FUND_SOURCES, gridTotal, type SpendGrid, spendAlias, spendGridOf, spendGridSql, SPEND_GROUPS, sumGrids } from './spend-groups';

export interface CountedRef {
  readonly filingId: number;
  readonly version: number;
  readonly status: FilingStatus;
  readonly underReview: boolean;
}

export interface DashboardUnion {
  readonly id: number;
  readonly name: string;
  readonly ubn: string | null;
  readonly localGovernment: LocalGovernmentRef | null;
}

export interface CompletenessRow {
  readonly quarter: Quarter;
  readonly localGovernment: LocalGovernmentRef | null;
  readonly unions: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly returned: number;
  readonly notYetDue: number;
  /** Of the filed ones, how many count with a version still under review (none approved yet). */
  readonly underReview: number;
}

export interface RatioPoint {
  readonly union: DashboardUnion;
  readonly cashbook: CountedRef;
  readonly allocationReceived: string;
  /** The union's own spending grid and total (the dashboard's money table, union by union). */
  readonly spend: SpendGrid;
  readonly totalSpent: string;
  readonly education: { readonly amount: string; readonly percent: number | null; readonly flagged: boolean | null; readonly why: string };
  readonly admin: { readonly amount: string; readonly percent: number | null; readonly flagged: boolean | null; readonly why: string };
}

export interface BalanceRow {
  readonly quarter: Quarter;
  readonly unions: number;
  readonly underReview: number;
  readonly special1: string;
  readonly special2: string;
  readonly fixed: string;
  readonly petty: string;
  readonly total: string;
}

/** One union's closing balances of one quarter (its counted cash book): the balances table union by union. */
export interface UnionBalance {
  readonly union: DashboardUnion;
  readonly quarter: Quarter;
  readonly cashbook: CountedRef;
  readonly special1: string;
  readonly special2: string;
  readonly fixed: string;
  readonly petty: string;
  readonly total: string;
}

export interface EducationYear {
  readonly year: number;
  readonly application: CountedRef;
  readonly percent: string;
}

export interface TwoYearsEntry {
  readonly union: DashboardUnion;
  /** The earlier and the later 決算 year, each below 40 %. */
  readonly years: readonly EducationYear[];
}

export interface AtRiskEntry {
  readonly union: DashboardUnion;
  /** The last 決算 year, below 40 %. */
  readonly last: EducationYear;
  /** This year's education share so far (the counted cash book of the quarter), null without one. */
  readonly thisYear: { readonly percent: number | null; readonly cashbook: CountedRef } | null;
}

export interface Dashboard {
  readonly year: number;
  readonly quarter: Quarter;
  readonly latestQuarterWithData: Quarter | null;
  readonly generatedAt: string;
  readonly scope: { readonly kind: 'ministry' | 'local_gov' | 'union'; readonly name: string };
  readonly completeness: readonly CompletenessRow[];
  /** Each union's filing state of the four quarters (the completeness counts, union by union). */
  readonly standings: readonly { readonly union: DashboardUnion; readonly states: readonly DeadlineState[] }[];
  readonly money: {
    readonly unions: number;
    readonly underReview: number;
    readonly allocationReceived: string;
    readonly spend: SpendGrid;
    readonly totalSpent: string;
  };
  readonly ratios: readonly RatioPoint[];
  readonly balances: readonly BalanceRow[];
  readonly accumulatedSurplus: { readonly unions: number; readonly underReview: number; readonly total: string };
  readonly unionBalances: readonly UnionBalance[];
  /** Each counted application's 歷年累積結餘款 (the accumulated surplus union by union). */
  readonly surplusByUnion: readonly { readonly union: DashboardUnion; readonly application: CountedRef; readonly total: string }[];
  readonly educationTwoYears: {
    /** The 決算 years judged: [year − 2, year − 1] (the applications of year − 1 and year). */
    readonly years: readonly number[];
    readonly candidates: readonly TwoYearsEntry[];
    readonly atRisk: readonly AtRiskEntry[];
  };
}

type DbRow = Readonly<Record<string, unknown>>;

const ZERO = new Decimal(0);
const CLOSING = { special1: 'closing_special1', special2: 'closing_special2', fixed: 'closing_fixed', petty: 'closing_petty' } as const;
const spendSelect = SPEND_GROUPS.flatMap((g) => FUND_SOURCES.map((s) => `sp.${spendAlias(g.key, s.key)}`)).join(', ');

// the spend grid per counted cash book through its primary key (a lateral subquery: the plan stays index scans per book)
export const countedCashbooksSql = (counted: string, grid: string): string => `
WITH counted AS (${counted})
SELECT c.id, c.union_id, c.quarter, c.version, c.status, c.under_review,
  sm.allocation_received, ${Object.values(CLOSING).map((col) => `sm.${col}`).join(', ')}, ${spendSelect}
FROM counted c
LEFT JOIN cashbook_summaries sm ON sm.filing_id = c.id
LEFT JOIN LATERAL (SELECT ${grid} FROM cashbook_spend cs WHERE cs.filing_id = c.id) sp ON true
WHERE c.kind = 'cashbook' AND c.year = ?`;

const applicationsSql = (counted: string, surplus: string): string => `
WITH counted AS (${counted})
SELECT c.id, c.union_id, c.year, c.version, c.status, c.under_review, fig.*
FROM counted c
LEFT JOIN LATERAL (
  SELECT sum(af.amount) FILTER (WHERE af.section = 'fa_rev_alloc' AND af.item = '' AND af.col = '') AS fa_alloc,
    sum(af.amount) FILTER (WHERE af.section = 'fa_spend' AND af.item = '1' AND af.col = 'alloc') AS fa_education,
    ${surplus}
  FROM application_figures af WHERE af.filing_id = c.id
) fig ON true
WHERE c.kind = 'application' AND c.quarter = 0`;

// who is in scope, and per union and quarter the first upload and the current version's status (the highest version not
// rejected, as deadlines take it): the filing standing of the union report, without its figures
const unionsSql = `
SELECT u.id, u.name, u.ubn, u.parent_id, lg.name AS lg_name
FROM organizations u LEFT JOIN organizations lg ON lg.id = u.parent_id
WHERE u.kind = 'union' AND u.id IN (?)
ORDER BY u.parent_id NULLS LAST, u.ubn, u.id`;

const standingSql = `
SELECT f.union_id, f.quarter, min(f.uploaded_at) AS first_uploaded_at,
  (array_agg(f.status ORDER BY f.version DESC) FILTER (WHERE f.status <> 'rejected'))[1] AS current_status
FROM filings f
WHERE f.union_id IN (?) AND f.year = ? AND f.kind = 'cashbook'
GROUP BY f.union_id, f.quarter`;

const ref = (row: DbRow): CountedRef => ({
  filingId: Number(row.id),
  version: Number(row.version),
  status: String(row.status) as FilingStatus,
  underReview: row.under_review === true || row.under_review === 't',
});

const money = (v: Decimal): string => v.toFixed(0);
const grouped = (v: Decimal): string => v.toNumber().toLocaleString('en-US');

const educationWhy = (spent: Decimal, base: Decimal, percent: Decimal | null, flagged: boolean | null, quarter: Quarter): string => {
  if (percent === null) return '本期無分配款收入，不計算比率';
  const shown = `教育訓練（分配款）${grouped(spent)} 元 ÷ 分配款收入 ${grouped(base)} 元 = ${percent.toFixed(1)}%`;
  if (flagged === null) return `${shown}；未達 ${EDUCATION_MIN_PERCENT}% 僅於第 4 季（全年）判定，第 ${quarter} 季累計僅供參考`;
  return flagged ? `${shown}，未達 ${EDUCATION_MIN_PERCENT}%` : `${shown}，達 ${EDUCATION_MIN_PERCENT}% 以上`;
};

const adminWhy = (spent: Decimal, base: Decimal, percent: Decimal | null, flagged: boolean | null): string => {
  if (percent === null) return '本期無分配款收入，不計算比率';
  const shown = `行政事務費（各來源）${grouped(spent)} 元 ÷ 分配款收入 ${grouped(base)} 元 = ${percent.toFixed(1)}%`;
  return flagged === true ? `${shown}，超過 ${ADMIN_MAX_PERCENT}%` : `${shown}，未超過 ${ADMIN_MAX_PERCENT}%`;
};

const scopeOf = async (db: Knex, user: User): Promise<Dashboard['scope']> => {
  if (user.role === 'ministry') return { kind: 'ministry', name: '全國' };
  const org = await db('organizations').where('id', user.organization_id).first<{ name: string } | undefined>('name');
  return { kind: user.role === 'local_gov' ? 'local_gov' : 'union', name: org?.name ?? '' };
};

/** The dashboard of the user's scope; `quarter` undefined takes the latest quarter of the year with a counted cash book. */
export const dashboard = async (db: Knex, user: User, year: number, quarter: Quarter | undefined, now: Date): Promise<Dashboard> => {
  const grid = spendGridSql();
  const surplus = cumulativeSurplusSql();
  const cashbookCte = countedFilingsSql(scopedUnionIds(db, user), [year]);
  const applicationCte = countedFilingsSql(scopedUnionIds(db, user), [year - 1, year]);
  const cashbookRows = (await db.raw<{ rows: DbRow[] }>(countedCashbooksSql(cashbookCte.sql, grid.sql), [...cashbookCte.bindings, ...grid.bindings, year])).rows;
  const applicationRows = (await db.raw<{ rows: DbRow[] }>(applicationsSql(applicationCte.sql, surplus.sql), [...applicationCte.bindings, ...surplus.bindings]))
    .rows;

  const withData = cashbookRows.map((r) => Number(r.quarter) as Quarter);
  const latestQuarterWithData = withData.length === 0 ? null : (Math.max(...withData) as Quarter);
  const q: Quarter = quarter ?? latestQuarterWithData ?? 1;

  const governments = await scopedLocalGovernments(db, user);
  const unionRows = (await db.raw<{ rows: DbRow[] }>(unionsSql, [scopedUnionIds(db, user)])).rows;
  const standingRows = (await db.raw<{ rows: DbRow[] }>(standingSql, [scopedUnionIds(db, user), year])).rows;
  const unions = new Map<number, DashboardUnion>(
    unionRows.map((r) => {
      const lg = r.parent_id === null || r.parent_id === undefined ? null : { id: Number(r.parent_id), name: String(r.lg_name ?? '') };
      return [Number(r.id), { id: Number(r.id), name: String(r.name), ubn: r.ubn === null ? null : String(r.ubn), localGovernment: lg }];
    }),
  );
  const today = taipeiDate(now);
  const standing = new Map(standingRows.map((r) => [`${String(r.union_id)}|${String(r.quarter)}`, r]));
  const stateOf = (unionId: number, quarterOf: Quarter): DeadlineState => {
    const r = standing.get(`${unionId}|${quarterOf}`);
    const first = r?.first_uploaded_at;
    const firstUploadedAt = first === null || first === undefined ? null : first instanceof Date ? first : new Date(String(first));
    const currentStatus = r?.current_status === null || r?.current_status === undefined ? null : (String(r.current_status) as FilingStatus);
    return periodState(dueDate({ kind: 'cashbook', year, quarter: quarterOf }), { firstUploadedAt, currentStatus }, today);
  };
  const known = new Set(governments.map((g) => g.id));
  const lgKey = (u: DashboardUnion): number | null => (u.localGovernment !== null && known.has(u.localGovernment.id) ? u.localGovernment.id : null);
  const counted = new Map(cashbookRows.map((r) => [`${String(r.union_id)}|${String(r.quarter)}`, r]));

  const groups: (LocalGovernmentRef | null)[] = [...governments];
  const members = new Map<number | null, DashboardUnion[]>();
  for (const u of unions.values()) members.set(lgKey(u), [...(members.get(lgKey(u)) ?? []), u]);
  if (members.has(null)) groups.push(null);
  const completeness: CompletenessRow[] = QUARTERS.flatMap((quarterOf) =>
    groups.map((g) => {
      const rows = members.get(g?.id ?? null) ?? [];
      const states = rows.map((u) => stateOf(u.id, quarterOf));
      const count = (state: DeadlineState): number => states.filter((x) => x === state).length;
      const underReview = rows.filter((u) => {
        const c = counted.get(`${u.id}|${quarterOf}`);
        return c !== undefined && ref(c).underReview;
      }).length;
      return {
        quarter: quarterOf,
        localGovernment: g,
        unions: rows.length,
        onTime: count('on_time'),
        late: count('late'),
        missing: count('missing'),
        returned: count('returned'),
        notYetDue: count('not_due'),
        underReview,
      };
    }),
  );

  const ofQuarter = cashbookRows.filter((r) => Number(r.quarter) === q && unions.has(Number(r.union_id)));
  const ratios: RatioPoint[] = ofQuarter.map((r) => {
    const base = amount(r.allocation_received) ?? ZERO;
    const spend = spendGridOf(r);
    const education = new Decimal(spend['1'].allocation);
    const admin = new Decimal(spend['6'].total);
    const e = educationRatio(education, base, q);
    const a = adminRatio(admin, base);
    return {
      union: unions.get(Number(r.union_id))!,
      cashbook: ref(r),
      allocationReceived: money(base),
      spend,
      totalSpent: money(gridTotal(spend)),
      education: { amount: money(education), percent: e.percent?.toNumber() ?? null, flagged: e.flagged, why: educationWhy(education, base, e.percent, e.flagged, q) },
      admin: { amount: money(admin), percent: a.percent?.toNumber() ?? null, flagged: a.flagged, why: adminWhy(admin, base, a.percent, a.flagged) },
    };
  });
  const spend = sumGrids(ofQuarter.map((r) => spendGridOf(r)));

  const balances: BalanceRow[] = QUARTERS.map((quarterOf) => {
    const rows = cashbookRows.filter((r) => Number(r.quarter) === quarterOf);
    const sum = (col: string): Decimal => rows.reduce((s, r) => s.plus(amount(r[col]) ?? ZERO), ZERO);
    const parts = { special1: sum(CLOSING.special1), special2: sum(CLOSING.special2), fixed: sum(CLOSING.fixed), petty: sum(CLOSING.petty) };
    return {
      quarter: quarterOf,
      unions: rows.length,
      underReview: rows.filter((r) => ref(r).underReview).length,
      special1: money(parts.special1),
      special2: money(parts.special2),
      fixed: money(parts.fixed),
      petty: money(parts.petty),
      total: money(parts.special1.plus(parts.special2).plus(parts.fixed).plus(parts.petty)),
    };
  });

  const unionBalances: UnionBalance[] = cashbookRows
    .filter((r) => unions.has(Number(r.union_id)))
    .map((r) => {
      const part = (col: string): Decimal => amount(r[col]) ?? ZERO;
      return {
        union: unions.get(Number(r.union_id))!,
        quarter: Number(r.quarter) as Quarter,
        cashbook: ref(r),
        special1: money(part(CLOSING.special1)),
        special2: money(part(CLOSING.special2)),
        fixed: money(part(CLOSING.fixed)),
        petty: money(part(CLOSING.petty)),
        total: money(Object.values(CLOSING).reduce((s, col) => s.plus(part(col)), ZERO)),
      };
    })
    .sort((a, b) => a.quarter - b.quarter);

  const applications = new Map(applicationRows.map((r) => [`${String(r.union_id)}|${String(r.year)}`, r]));
  const thisYearApps = applicationRows.filter((r) => Number(r.year) === year);
  const accumulatedSurplus = {
    unions: thisYearApps.length,
    underReview: thisYearApps.filter((r) => ref(r).underReview).length,
    total: money(thisYearApps.reduce((s, r) => s.plus(cumulativeSurplusOf(r)), ZERO)),
  };

  // §1.3(一): the application of year N reports the 決算 of N − 1
  const judged = (row: DbRow | undefined): EducationYear | null => {
    if (row === undefined || Number(row.year) - 1 < EDUCATION_TWO_YEARS_FIRST_YEAR) return null;
    const share = educationShare(amount(row.fa_education) ?? ZERO, amount(row.fa_alloc));
    return share === null || !share.below ? null : { year: Number(row.year) - 1, application: ref(row), percent: share.text };
  };
  const candidates: TwoYearsEntry[] = [];
  const atRisk: AtRiskEntry[] = [];
  for (const union of unions.values()) {
    const last = judged(applications.get(`${union.id}|${year}`));
    if (last === null) continue;
    const earlier = judged(applications.get(`${union.id}|${year - 1}`));
    if (earlier !== null) {
      candidates.push({ union, years: [earlier, last] });
      continue;
    }
    const point = ratios.find((p) => p.union.id === union.id);
    const below = point === undefined || point.education.percent === null ? null : new Decimal(point.education.amount).times(100).lt(new Decimal(point.allocationReceived).times(EDUCATION_MIN_PERCENT));
    if (below !== false) atRisk.push({ union, last, thisYear: point === undefined ? null : { percent: point.education.percent, cashbook: point.cashbook } });
  }

  return {
    year,
    quarter: q,
    latestQuarterWithData,
    generatedAt: now.toISOString(),
    scope: await scopeOf(db, user),
    completeness,
    standings: [...unions.values()].map((union) => ({ union, states: QUARTERS.map((quarterOf) => stateOf(union.id, quarterOf)) })),
    money: {
      unions: ofQuarter.length,
      underReview: ofQuarter.filter((r) => ref(r).underReview).length,
      allocationReceived: money(ofQuarter.reduce((s, r) => s.plus(amount(r.allocation_received) ?? ZERO), ZERO)),
      spend,
      totalSpent: money(gridTotal(spend)),
    },
    ratios,
    balances,
    accumulatedSurplus,
    unionBalances,
    surplusByUnion: thisYearApps
      .filter((r) => unions.has(Number(r.union_id)))
      .map((r) => ({ union: unions.get(Number(r.union_id))!, application: ref(r), total: money(cumulativeSurplusOf(r)) })),
    educationTwoYears: { years: [year - 2, year - 1], candidates, atRisk },
  };
};
