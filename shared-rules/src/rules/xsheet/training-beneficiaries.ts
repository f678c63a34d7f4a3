// xsheet.training_beneficiaries: 決算 教育訓練 場次, 課程時數, 受益人次(男/女) match the training report (seed 004 §2.3(二)7(1)、§2.4; SPEC §3.4).
import Decimal from 'decimal.js';
import { type Rule } from '../../check/context';
import { FA_BENEFIT_ROWS, faBenefitCell } from '../../definition/application/final-accounts-sheet';
import { APP_SHEETS } from '../../definition/application/names';
import { COURSE_CATEGORIES } from '../../definition/application/training-report-sheet';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { knownAmount, knownSum } from '../common/amounts';
import { moneyText } from '../../values/money';

const HOUR_COLUMNS = COURSE_CATEGORIES.map((_, i) => `hours${i + 1}`);

export const trainingBeneficiaries: Rule = (ctx) => {
  const report = APP_SHEETS.trainingReport;
  const rows = ctx.form.usedRows('tr_sessions');
  const columnSum = (keys: readonly string[]): Decimal | null =>
    knownSum(ctx, report, rows.flatMap((row) => keys.map((key) => row.at(key))));
  const fromReport: readonly [string, Decimal | null][] = [
    ['edu_sessions', new Decimal(rows.length)],
    ['edu_hours', columnSum(HOUR_COLUMNS)],
    ['edu_male', columnSum(['male'])],
    ['edu_female', columnSum(['female'])],
  ];
  const sheet = APP_SHEETS.finalAccounts;
  const out: Finding[] = [];
  for (const [key, expected] of fromReport) {
    const cell = faBenefitCell(key);
    const actual = knownAmount(ctx, sheet, cell);
    if (expected === null || actual === null || actual.equals(expected)) continue;
    const label = FA_BENEFIT_ROWS.find((r) => r.key === key)?.label ?? key;
    out.push(makeFinding('xsheet.training_beneficiaries', { sheet, cell, field: 'fa_benefit' }, { label, actual: moneyText(actual), expected: moneyText(expected) }, { actual: actual.toFixed(), expected: expected.toFixed() }));
  }
  return out;
};
