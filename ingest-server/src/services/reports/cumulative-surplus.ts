// The application's 歷年累積結餘款 (fa_cum_surplus, SPEC §3.3) recomputed from its extracted 決算 inputs, never from a
// stored total: fa_prev_surplus_remaining + the four revenue amounts (fa_rev_total) − every spend input cell (fa_total).
import { FA_SPEND_COLUMNS, FA_SPEND_INPUT_ROWS } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { amount } from './amount';

const INFLOWS = ['fa_prev_surplus_remaining', 'fa_rev_alloc', 'fa_rev_interest', 'fa_rev_other', 'fa_rev_surplus_draw'] as const;
/** Input rows only: the (合計) rows and 小計 are formulas over them. */
const SPEND_INPUT_ROWS = FA_SPEND_INPUT_ROWS.map((r) => r.key);
const SPEND_COLUMNS = FA_SPEND_COLUMNS.map((c) => c.key);

const marks = (values: readonly string[]): string => values.map(() => '?').join(', ');

/** `sum(...) FILTER (...)` of the inflows and outflows over application_figures aliased `af`, with its bindings. */
export const cumulativeSurplusSql = (): { sql: string; bindings: string[] } => ({
  sql: `sum(af.amount) FILTER (WHERE af.section IN (${marks(INFLOWS)}) AND af.item = '' AND af.col = '') AS surplus_in,
    sum(af.amount) FILTER (WHERE af.section = 'fa_spend' AND af.item IN (${marks(SPEND_INPUT_ROWS)}) AND af.col IN (${marks(SPEND_COLUMNS)})) AS surplus_out`,
  bindings: [...INFLOWS, ...SPEND_INPUT_ROWS, ...SPEND_COLUMNS],
});

const amountOf = (value: unknown): Decimal => amount(value) ?? new Decimal(0);

/** The recomputed fa_cum_surplus from a row holding surplus_in and surplus_out (a blank cell counts 0, as in the formula). */
export const cumulativeSurplusOf = (row: Readonly<Record<string, unknown>>): Decimal => amountOf(row.surplus_in).minus(amountOf(row.surplus_out));
