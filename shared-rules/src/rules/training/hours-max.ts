// training.hours_max: a session's course hours stay within 8 hours a day (warning; seed 004 §2.4(三)7; SPEC §3.4).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { COURSE_CATEGORIES } from '../../definition/application/training-report-sheet';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { knownSum } from '../common/amounts';
import { sessionDays, sessionName } from './session';

const HOURS_PER_DAY = 8;
const HOUR_COLUMNS = COURSE_CATEGORIES.map((_, i) => `hours${i + 1}`);

export const trainingHoursMax: Rule = (ctx) => {
  const sheet = APP_SHEETS.trainingReport;
  const out: Finding[] = [];
  for (const row of ctx.form.usedRows('tr_sessions')) {
    const days = sessionDays(row);
    const hours = knownSum(ctx, sheet, HOUR_COLUMNS.map((key) => row.at(key)));
    if (days === null || hours === null) continue;
    const limit = days.value.times(HOURS_PER_DAY);
    if (hours.lte(limit)) continue;
    out.push(
      makeFinding('training.hours_max', { sheet, cell: row.at('days'), field: 'tr_sessions' }, {
        session: sessionName(row),
        actual: hours.toFixed(),
        days: days.text,
        expected: limit.toFixed(),
      }),
    );
  }
  return out;
};
