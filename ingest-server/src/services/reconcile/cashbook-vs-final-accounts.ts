// recon.cashbook_vs_final_accounts: the year-N application's 決算 agrees with the current December cash book of N−1 —
// receipts (收 1 分配款, 收 4 其他收入, interest) and every spend cell, row × funding source (SPEC §6 year chain; seed 004 §2.3).
import {
  APP_SHEETS,
  FA_CELLS,
  FA_SPEND_INPUT_ROWS,
  SURPLUS_FORBIDDEN_ROWS,
  faSpendCell,
  makeFinding,
  moneyText,
  type Finding,
  type Location,
  type Params,
  type SpendCategory,
} from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type ReconCheck } from './context';
import { applicationOfYear, previousDecemberBook } from './related';

const SHEET = APP_SHEETS.finalAccounts;

/** 決算 columns (named in final_accounts.spend's text) and the 動支類別 whose spending they report: "結餘款金額(包括其他收入)" takes 結餘款 and 其他收入 (seed 004 §2.3(一)). */
const COLUMNS: readonly { key: 'surplus' | 'alloc' | 'interest'; categories: readonly SpendCategory[] }[] = [
  { key: 'surplus', categories: ['結餘款', '其他收入'] },
  { key: 'alloc', categories: ['分配款'] },
  { key: 'interest', categories: ['利息收入'] },
];

const ZERO = new Decimal(0);

const REVENUE: Readonly<Record<'alloc' | 'other' | 'interest', Location>> = {
  alloc: { sheet: SHEET, cell: FA_CELLS.alloc, field: 'fa_rev_alloc' },
  other: { sheet: SHEET, cell: FA_CELLS.other, field: 'fa_rev_other' },
  interest: { sheet: SHEET, cell: FA_CELLS.interest, field: 'fa_rev_interest' },
};

/** `part` names the 決算 figure: a final_accounts.* sub-code with its params. */
const mismatch = (location: Location, part: Params, actual: Decimal, expected: Decimal): Finding =>
  makeFinding(
    'recon.cashbook_vs_final_accounts',
    location,
    { ...part, actual: moneyText(actual), expected: moneyText(expected) },
    { actual: actual.toFixed(), expected: expected.toFixed() },
  );

export const cashbookVsFinalAccounts: ReconCheck = async (ctx, filing) => {
  if (filing.kind !== 'application') return [];
  const december = await previousDecemberBook(ctx, filing);
  if (december === undefined) return [];
  const figures = await ctx.figures(filing.id);
  const book = await ctx.summary(december.id);
  const spend = await ctx.spend(december.id);
  const previousApplication = await applicationOfYear(ctx, filing, filing.year - 1);
  if (book === undefined) return [];
  const out: Finding[] = [];

  const alloc = figures.amount('fa_rev_alloc') ?? ZERO;
  if (!alloc.eq(book.allocationReceived)) out.push(mismatch(REVENUE.alloc, { part: 'final_accounts.alloc' }, alloc, book.allocationReceived));
  // 收 4 其他收入 is what the 決算's 其他收入 reports (繳回款、代管款等), so it is compared the same way
  const other = figures.amount('fa_rev_other') ?? ZERO;
  if (!other.eq(book.otherReceived)) out.push(mismatch(REVENUE.other, { part: 'final_accounts.other' }, other, book.otherReceived));

  // fa_rev_interest is cumulative (seed 004 §2.3(二)5(2)): what N−1's application carried in plus N−1's interest; without that application only a lower bound holds
  const interest = figures.amount('fa_rev_interest') ?? ZERO;
  const carried = previousApplication === undefined ? null : (await ctx.figures(previousApplication.id)).amount('bg_rev_interest_prev');
  if (carried !== null) {
    const expected = carried.plus(book.interestReceived);
    if (!interest.eq(expected)) out.push(mismatch(REVENUE.interest, { part: 'final_accounts.interest_carried', carried: moneyText(carried) }, interest, expected));
  } else if (interest.lt(book.interestReceived)) {
    out.push(mismatch(REVENUE.interest, { part: 'final_accounts.interest_floor' }, interest, book.interestReceived));
  }

  // input rows only: (合計) rows and 小計 are formulas over them, so their parts are compared instead
  for (const row of FA_SPEND_INPUT_ROWS) {
    for (const column of COLUMNS) {
      // the 結餘款 column is "/" there: such spending is the cash book's ledger.category_not_allowed
      if (column.key === 'surplus' && SURPLUS_FORBIDDEN_ROWS.includes(row.key)) continue;
      const reported = figures.amount('fa_spend', row.key, column.key) ?? ZERO;
      const spent = column.categories.reduce((total, category) => total.plus(spend.get(`${row.key}|${category}`) ?? ZERO), ZERO);
      if (reported.eq(spent)) continue;
      out.push(mismatch({ sheet: SHEET, cell: faSpendCell(row.key, column.key), field: 'fa_spend' }, { part: 'final_accounts.spend', row: row.label, column: column.key }, reported, spent));
    }
  }
  return out;
};
