// recon.education_two_years: 教育訓練 below 40 % of the 分配款 in two consecutive 決算 years means no allocation the year
// after (seed 004 §1.3(一), since 103). Year N's application reports N−1; N−1's application reports N−2.
import { APP_SHEETS, faSpendCell, makeFinding, percentText, type Finding } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type Figures, type ReconCheck } from './context';
import { applicationOfYear } from './related';

const MIN_PERCENT = new Decimal(40);
/** The first year whose 決算 counts for the rule (seed 004 §1.3(一), since 103). */
export const EDUCATION_TWO_YEARS_FIRST_YEAR = 103;
const FIRST_YEAR = EDUCATION_TWO_YEARS_FIRST_YEAR;
const HUNDRED = new Decimal(100);

/** One 決算 year judged by the rule: its 教育訓練 (分配款) share of the 分配款, or null when nothing was allocated. */
export const educationShare = (spent: Decimal, base: Decimal | null): { readonly below: boolean; readonly text: string } | null => {
  if (base === null || base.lte(0)) return null;
  return { below: spent.times(HUNDRED).dividedBy(base).lt(MIN_PERCENT), text: percentText(spent, base, MIN_PERCENT) };
};

/** The 決算's education share of the 分配款 in percent with its text (as the workbook rule shows it), or null when nothing was allocated. */
const educationPercent = (figures: Figures): { readonly value: Decimal; readonly text: string } | null => {
  const base = figures.amount('fa_rev_alloc');
  if (base === null || base.lte(0)) return null;
  const spent = figures.amount('fa_spend', '1', 'alloc') ?? new Decimal(0);
  return { value: spent.times(HUNDRED).dividedBy(base), text: percentText(spent, base, MIN_PERCENT) };
};

export const educationTwoYears: ReconCheck = async (ctx, filing) => {
  if (filing.kind !== 'application' || filing.year - 2 < FIRST_YEAR) return [];
  const previous = await applicationOfYear(ctx, filing, filing.year - 1);
  if (previous === undefined) return [];
  const now = await ctx.figures(filing.id);
  const before = await ctx.figures(previous.id);
  const last = educationPercent(now);
  const earlier = educationPercent(before);
  if (last === null || earlier === null || last.value.gte(MIN_PERCENT) || earlier.value.gte(MIN_PERCENT)) return [];
  const cell = faSpendCell('1', 'alloc');
  const finding: Finding = makeFinding(
    'recon.education_two_years',
    { sheet: APP_SHEETS.finalAccounts, cell, field: 'fa_spend' },
    { years: `${filing.year - 2}、${filing.year - 1}`, percents: `${earlier.text}、${last.text}` },
    { actual: `${earlier.text}、${last.text}`, expected: '≥ 40%' },
  );
  return [finding];
};
