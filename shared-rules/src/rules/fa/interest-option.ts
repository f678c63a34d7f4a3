// fa.interest_option: with option A interest may only pay items (2)–(4) (seed 004 §2.3(二)5(2)、6(1); SPEC §3.3).
import { type Rule } from '../../check/context';
import { listStrings } from '../../definition/lists';
import { APP_SHEETS } from '../../definition/application/names';
import { FA_SPEND_ROWS, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { makeFinding } from '../../findings/make';
import { readEnum } from '../../values/enum';
import { knownAmount } from '../common/amounts';
import { moneyText } from '../../values/money';

/** Input rows outside (2)–(4): 教育訓練, the five 會員福利 rows and 行政事務費 (5 合計 is a formula over 5-1…5-5). */
const NOT_FOR_OPTION_A = ['1', '5-1', '5-2', '5-3', '5-4', '5-5', '6'];

export const interestOption: Rule = (ctx) => {
  const option = readEnum(ctx.form.single('fa_interest_option').raw, listStrings('interest_option'));
  if (!option.ok || option.value !== 'A') return [];
  const sheet = APP_SHEETS.finalAccounts;
  return FA_SPEND_ROWS.filter((row) => NOT_FOR_OPTION_A.includes(row.key)).flatMap((row) => {
    const cell = faSpendCell(row.key, 'interest');
    const used = knownAmount(ctx, sheet, cell);
    if (used === null || used.lte(0)) return [];
    return [
      makeFinding('fa.interest_option', { sheet, cell, field: 'fa_spend' }, { label: row.label, actual: moneyText(used) }, { actual: used.toFixed() }),
    ];
  });
};
