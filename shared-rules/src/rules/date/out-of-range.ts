// date.out_of_range: training dates fall in the 決算 year N−1 (seed 004 §2.4; SPEC §3.4) and 解散、合併日期 is not before
// 成立日期 (SPEC §3.1 "optional ROC date ≥ founded").
import { type CheckContext, type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { TR_COLUMNS } from '../../definition/application/training-report-sheet';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { compareRocDates, readRocDate, readRocYear } from '../../values/roc-date';

const TRAINING_DATES = ['day1', 'day2'];

const trainingDates = (ctx: CheckContext): Finding[] => {
  const appYear = ctx.form.single('app_year');
  const year = readRocYear(appYear.raw, { min: appYear.spec.min ?? 100 });
  if (!year.ok) return [];
  const faYear = year.value - 1;
  const out: Finding[] = [];
  for (const row of ctx.form.usedRows('tr_sessions')) {
    for (const key of TRAINING_DATES) {
      const date = readRocDate(row.raw(key));
      if (!date.ok || date.value === null || date.value.rocYear === faYear) continue;
      out.push(
        makeFinding('date.out_of_range', { sheet: APP_SHEETS.trainingReport, cell: row.at(key), field: 'tr_sessions' }, {
          label: TR_COLUMNS.find((c) => c.key === key)?.spec?.label ?? key,
          actual: date.value.text,
          reason: 'date.fa_year',
          faYear,
        }),
      );
    }
  }
  return out;
};

const dissolvedAfterFounded = (ctx: CheckContext): Finding[] => {
  const founded = readRocDate(ctx.form.single('app_founded').raw);
  const dissolvedCell = ctx.form.single('app_dissolved');
  const dissolved = readRocDate(dissolvedCell.raw);
  if (!founded.ok || !dissolved.ok || founded.value === null || dissolved.value === null) return [];
  if (compareRocDates(dissolved.value, founded.value) >= 0) return [];
  return [
    makeFinding('date.out_of_range', { sheet: dissolvedCell.sheet, cell: dissolvedCell.cell, field: dissolvedCell.field }, {
      label: dissolvedCell.label,
      actual: dissolved.value.text,
      reason: 'date.before_founded',
      founded: founded.value.text,
    }),
  ];
};

export const dateOutOfRange: Rule = (ctx) => [...trainingDates(ctx), ...dissolvedAfterFounded(ctx)];
