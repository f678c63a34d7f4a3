// recon.carry: the year-N application carries what the year-(N−1) application reported (SPEC §6 year chain; seed 004 §2.3(二)5).
import { APP_SHEETS, FA_CELLS, makeFinding, moneyText, type Finding, type TextCode } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type ReconCheck } from './context';
import { applicationOfYear, previousDecemberBook } from './related';

const SHEET = APP_SHEETS.finalAccounts;
const ZERO = new Decimal(0);

const carryFinding = (cell: string, field: string, part: TextCode, actual: Decimal, expected: Decimal): Finding =>
  makeFinding('recon.carry', { sheet: SHEET, cell, field }, { part, actual: moneyText(actual), expected: moneyText(expected) }, { actual: actual.toFixed(), expected: expected.toFixed() });

export const carry: ReconCheck = async (ctx, filing) => {
  if (filing.kind !== 'application') return [];
  const previous = await applicationOfYear(ctx, filing, filing.year - 1);
  if (previous === undefined) return [];
  const now = await ctx.figures(filing.id);
  const before = await ctx.figures(previous.id);
  const out: Finding[] = [];

  // the cumulative surplus at the end of N−2 (N−1's fa_cum_surplus) is what N−1 drew from it plus what remained
  const remaining = now.amount('fa_prev_surplus_remaining') ?? ZERO;
  const drawn = now.amount('fa_rev_surplus_draw') ?? ZERO;
  const cumulative = before.amount('fa_cum_surplus');
  if (cumulative !== null && !remaining.plus(drawn).eq(cumulative)) {
    out.push(carryFinding(FA_CELLS.prevSurplusRemaining, 'fa_prev_surplus_remaining', 'carry.surplus_remaining', remaining.plus(drawn), cumulative));
  }

  // interest earned in N−1 is never negative, so the cumulative interest up to N−1 is at least the unspent interest N−1
  // carried in (bg_rev_interest_prev); with N−1's December book the exact sum is recon.cashbook_vs_final_accounts' check
  const carriedInterest = before.amount('bg_rev_interest_prev');
  const interest = now.amount('fa_rev_interest') ?? ZERO;
  if (carriedInterest !== null && interest.lt(carriedInterest) && (await previousDecemberBook(ctx, filing)) === undefined) {
    out.push(carryFinding(FA_CELLS.interest, 'fa_rev_interest', 'carry.interest_floor', interest, carriedInterest));
  }
  return out;
};
