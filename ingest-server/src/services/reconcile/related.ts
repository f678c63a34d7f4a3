// Which filings reconcile with which (SPEC §6), both ways in one place: the filings a check reads, and the filings whose
// checks read a given one — always the current version of each period (highest version not rejected).
import { type Filing } from '../../models/filing';
import { type ReconContext } from './context';

const QUARTERS = [1, 2, 3, 4] as const;

/** The cash book of the quarter before (same union and year): the history a quarterly book must keep. */
export const previousQuarterBook = (ctx: ReconContext, book: Filing): Promise<Filing | undefined> =>
  book.quarter <= 1 ? Promise.resolve(undefined) : ctx.current(book.union_id, 'cashbook', book.year, book.quarter - 1);

/** The December cash book of the year before the filing's year. */
export const previousDecemberBook = (ctx: ReconContext, filing: Filing): Promise<Filing | undefined> =>
  ctx.current(filing.union_id, 'cashbook', filing.year - 1, 4);

/** The union's application of a year (whose 決算 is the year before). */
export const applicationOfYear = (ctx: ReconContext, filing: Filing, year: number): Promise<Filing | undefined> =>
  ctx.current(filing.union_id, 'application', year, 0);

/** The current filings whose reconciliation reads this one, and the current version of its own period (never itself). */
export const dependentsOf = async (ctx: ReconContext, filing: Filing): Promise<Filing[]> => {
  const { union_id: union, year } = filing;
  // when this filing is rejected, the version that is current again for its period is checked afresh
  const candidates: (Filing | undefined)[] = [await ctx.current(union, filing.kind, year, filing.quarter)];
  if (filing.kind === 'cashbook') {
    // the next quarter keeps this book's history
    if (filing.quarter < 4) candidates.push(await ctx.current(union, 'cashbook', year, filing.quarter + 1));
    if (filing.quarter === 4) {
      // next year's books open with this book's closing balances; next year's 決算 must agree with it
      for (const q of QUARTERS) candidates.push(await ctx.current(union, 'cashbook', year + 1, q));
      candidates.push(await ctx.current(union, 'application', year + 1, 0));
    }
  } else {
    // this year's books: 會員福利 per member needs this roster
    for (const q of QUARTERS) candidates.push(await ctx.current(union, 'cashbook', year, q));
    // next year's application: carried values, interest, education two years running
    candidates.push(await ctx.current(union, 'application', year + 1, 0));
  }
  const seen = new Set<number>([filing.id]);
  const out: Filing[] = [];
  for (const c of candidates) {
    if (c === undefined || seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
  }
  return out;
};
