// training.day2: 第2天 is filled iff 天數 is 2, and then it is the day after 第1天 (seed 004 §2.4(二)2、3; SPEC §3.4).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { makeFinding, type Reason } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { type CellValue } from '../../snapshot/types';
import { addDays } from '../../calendar/calendar';
import { compareRocDates, readRocDate, rocDateFromIso } from '../../values/roc-date';
import { cellText } from '../../values/text';
import { sessionDays, sessionName } from './session';

interface Problem {
  readonly reason: Reason;
  readonly actual?: string;
  readonly expected?: string;
}

const problem = (daysText: string, twoDays: boolean, day1Raw: CellValue, day2Raw: CellValue): Problem | null => {
  const day2Blank = cellText(day2Raw) === null;
  if (!twoDays) return day2Blank ? null : { reason: { reason: 'day2.not_two_days', days: daysText } };
  if (day2Blank) return { reason: { reason: 'day2.missing' } };
  const day1 = readRocDate(day1Raw);
  const day2 = readRocDate(day2Raw);
  // an unreadable date is date.roc_invalid's to report
  if (!day1.ok || !day2.ok || day1.value === null || day2.value === null) return null;
  const next = rocDateFromIso(addDays(day1.value.iso, 1));
  // 999/12/31 has no next ROC day: its year is date.out_of_range's to report
  if (next === null || compareRocDates(day2.value, next) === 0) return null;
  return { reason: { reason: 'day2.not_next_day', day2: day2.value.text, day1: day1.value.text, next: next.text }, actual: day2.value.text, expected: next.text };
};

export const trainingDay2: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const row of ctx.form.usedRows('tr_sessions')) {
    const days = sessionDays(row);
    if (days === null) continue;
    const found = problem(days.text, days.value.equals(2), row.raw('day1'), row.raw('day2'));
    if (found === null) continue;
    out.push(
      makeFinding(
        'training.day2',
        { sheet: APP_SHEETS.trainingReport, cell: row.at('day2'), field: 'tr_sessions' },
        { session: sessionName(row), ...found.reason },
        { ...(found.actual === undefined ? {} : { actual: found.actual }), ...(found.expected === undefined ? {} : { expected: found.expected }) },
      ),
    );
  }
  return out;
};
