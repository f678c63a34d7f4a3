// ratio.interest_education_min: with option B, the interest spent on 教育訓練 is ≥ 40 % of all interest spent
// (seed 004 §2.3(二)5(2)、6(1); SPEC §3.3) — a warning, as the 決算 records a past year (like ratio.education_min there).
import { type Rule } from '../../check/context';
import { listStrings } from '../../definition/lists';
import { faSpendCell } from '../../definition/application/final-accounts-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { readEnum } from '../../values/enum';
import { knownAmount } from '../common/amounts';
import { belowMinimum } from './threshold';

const MIN_PERCENT = 40;

export const interestEducationMin: Rule = (ctx) => {
  const option = readEnum(ctx.form.single('fa_interest_option').raw, listStrings('interest_option'));
  if (!option.ok || option.value !== 'B') return [];
  const sheet = APP_SHEETS.finalAccounts;
  const cell = faSpendCell('1', 'interest');
  const education = knownAmount(ctx, sheet, cell);
  const used = knownAmount(ctx, sheet, faSpendCell('subtotal', 'interest'));
  if (education === null || used === null) return [];
  return belowMinimum('ratio.interest_education_min', { sheet, cell, field: 'fa_spend' }, education, used, MIN_PERCENT, 'warning');
};
