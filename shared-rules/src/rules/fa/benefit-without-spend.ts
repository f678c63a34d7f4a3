// fa.benefit_without_spend: money spent on a category with no beneficiaries, or beneficiaries with no money, is a warning
// (seed 004 §2.3(二)7; SPEC §3.3).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { FA_SPEND_COLUMNS, FA_SPEND_ROWS, faBenefitCell, faSpendCell } from '../../definition/application/final-accounts-sheet';
import { makeFinding, type Reason } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { knownSum } from '../common/amounts';
import { moneyText } from '../../values/money';

interface Category {
  readonly spendRow: string;
  /** Benefit rows whose sum says whether anybody benefited; the finding points at the first. */
  readonly benefitRows: readonly string[];
  /** Counted in 場次 (教育訓練) or in 受益人次. */
  readonly sessions: boolean;
}

// 教育訓練 is counted in 場次 (its 男/女 are matched to the training report by xsheet.training_beneficiaries);
// the (合計) rows 3 and 5 are formulas over their parts, and 行政事務費 has no beneficiaries.
const CATEGORIES: readonly Category[] = [
  { spendRow: '1', benefitRows: ['edu_sessions'], sessions: true },
  ...['2', '3-1', '3-2', '4', '5-1', '5-2', '5-3', '5-4', '5-5'].map((key) => ({
    spendRow: key,
    benefitRows: [`${key}_male`, `${key}_female`],
    sessions: false,
  })),
];

export const benefitWithoutSpend: Rule = (ctx) => {
  const sheet = APP_SHEETS.finalAccounts;
  const out: Finding[] = [];
  for (const category of CATEGORIES) {
    const spendCells = FA_SPEND_COLUMNS.map((c) => faSpendCell(category.spendRow, c.key as 'surplus' | 'alloc' | 'interest')).filter(
      (cell) => ctx.form.spec(sheet, cell)?.kind === 'input',
    );
    const money = knownSum(ctx, sheet, spendCells);
    const benefitCells = category.benefitRows.map(faBenefitCell);
    const people = knownSum(ctx, sheet, benefitCells);
    const cell = benefitCells[0];
    if (money === null || people === null || cell === undefined) continue;
    const reason: Reason | null =
      money.gt(0) && people.lte(0)
        ? { reason: category.sessions ? 'benefit.spend_without_sessions' : 'benefit.spend_without_people', money: moneyText(money) }
        : money.lte(0) && people.gt(0)
          ? { reason: category.sessions ? 'benefit.sessions_without_spend' : 'benefit.people_without_spend' }
          : null;
    if (reason === null) continue;
    const label = FA_SPEND_ROWS.find((r) => r.key === category.spendRow)?.label ?? category.spendRow;
    out.push(makeFinding('fa.benefit_without_spend', { sheet, cell, field: 'fa_benefit' }, { label, ...reason }));
  }
  return out;
};
