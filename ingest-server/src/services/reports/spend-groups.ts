// The report's spending grid: the 決算 categories (SPEC §3.3 rows, 5-1…5-5 summed as 5) × funding source (the 決算
// columns, 結餘款 including 其他收入), read from cashbook_spend (spend_row × 動支類別).
import Decimal from 'decimal.js';
import { amount } from './amount';

export const SPEND_GROUPS = [
  { key: '1', label: '教育訓練', rows: ['1'] },
  { key: '2', label: '急難救助', rows: ['2'] },
  { key: '3-1', label: '職業災害團體保險', rows: ['3-1'] },
  { key: '3-2', label: '慰問金', rows: ['3-2'] },
  { key: '4', label: '退休補助', rows: ['4'] },
  { key: '5', label: '會員福利', rows: ['5-1', '5-2', '5-3', '5-4', '5-5'] },
  { key: '6', label: '行政事務費', rows: ['6'] },
] as const satisfies readonly { key: string; label: string; rows: readonly string[] }[];

export type SpendGroupKey = (typeof SPEND_GROUPS)[number]['key'];

// 誤植或扣抵 is no funding source: 支 7-x has no 決算 row, and the category is not allowed elsewhere (a finding of its own)
export const FUND_SOURCES = [
  { key: 'allocation', label: '分配款', categories: ['分配款'] },
  { key: 'interest', label: '利息收入', categories: ['利息收入'] },
  { key: 'surplus', label: '結餘款', categories: ['結餘款', '其他收入'] },
] as const satisfies readonly { key: string; label: string; categories: readonly string[] }[];

export type FundSourceKey = (typeof FUND_SOURCES)[number]['key'];

export type SpendCell = Readonly<Record<FundSourceKey | 'total', string>>;
export type SpendGrid = Readonly<Record<SpendGroupKey, SpendCell>>;

/** The SQL column alias of one cell of the grid (fixed identifiers, never user input). */
export const spendAlias = (group: SpendGroupKey, source: FundSourceKey): string => `sp_${group.replace('-', '_')}_${source}`;

/** `sum(...) FILTER (...)` for every cell of the grid over cashbook_spend aliased `cs`, with its bindings. */
export const spendGridSql = (): { sql: string; bindings: string[] } => {
  const bindings: string[] = [];
  const parts = SPEND_GROUPS.flatMap((g) =>
    FUND_SOURCES.map((s) => {
      bindings.push(...g.rows, ...s.categories);
      const rows = g.rows.map(() => '?').join(', ');
      const categories = s.categories.map(() => '?').join(', ');
      return `sum(cs.amount) FILTER (WHERE cs.spend_row IN (${rows}) AND cs.category IN (${categories})) AS ${spendAlias(g.key, s.key)}`;
    }),
  );
  return { sql: parts.join(',\n'), bindings };
};

const ZERO = new Decimal(0);

const amountOf = (value: unknown): Decimal => amount(value) ?? ZERO;

/** The grid of one cash book from a row holding the aliased sums (a cell with nothing spent is 0). */
export const spendGridOf = (row: Readonly<Record<string, unknown>>): SpendGrid => gridFrom((g, s) => amountOf(row[spendAlias(g, s)]));

/** A grid from a function giving each cell's amount, with row totals. */
export const gridFrom = (amount: (group: SpendGroupKey, source: FundSourceKey) => Decimal): SpendGrid =>
  Object.fromEntries(
    SPEND_GROUPS.map((g) => {
      const cells = FUND_SOURCES.map((s) => [s.key, amount(g.key, s.key)] as const);
      const total = cells.reduce((sum, [, v]) => sum.plus(v), ZERO);
      return [g.key, { ...Object.fromEntries(cells.map(([k, v]) => [k, v.toFixed(0)])), total: total.toFixed(0) }];
    }),
  ) as SpendGrid;

/** The sum of several grids, cell by cell. */
export const sumGrids = (grids: readonly SpendGrid[]): SpendGrid =>
  gridFrom((g, s) => grids.reduce((sum, grid) => sum.plus(grid[g][s]), ZERO));

/** Everything spent in a grid (all categories, all sources). */
export const gridTotal = (grid: SpendGrid): Decimal => SPEND_GROUPS.reduce((sum, g) => sum.plus(grid[g.key].total), ZERO);
