// date.out_of_range: a member's 入會日期 is not before the 出生日期 (SPEC §3.2 "join date ≥ birth date").
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { compareRocDates, readRocDate } from '../../values/roc-date';

export const rosterJoinDate: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const row of ctx.form.usedRows('roster_rows')) {
    const birth = readRocDate(row.raw('birth'));
    const joined = readRocDate(row.raw('joined'));
    if (!birth.ok || !joined.ok || birth.value === null || joined.value === null) continue;
    if (compareRocDates(joined.value, birth.value) >= 0) continue;
    out.push(
      makeFinding('date.out_of_range', { sheet: APP_SHEETS.roster, cell: row.at('joined'), field: 'roster_rows' }, {
        label: '入會日期',
        actual: joined.value.text,
        reason: 'date.before_birth',
        birth: birth.value.text,
      }),
    );
  }
  return out;
};
