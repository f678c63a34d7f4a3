// id.national_id: the ID's sex digit agrees with the roster's 性別 (SPEC §2 "The sex digit must agree with a 性別 column").
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { readNationalId, sexMatches } from '../../values/national-id';
import { cellText } from '../../values/text';

export const rosterIdSex: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const row of ctx.form.usedRows('roster_rows')) {
    const id = readNationalId(row.raw('id'));
    const gender = cellText(row.raw('gender'));
    if (!id.ok || sexMatches(id.value.sex, gender)) continue;
    out.push(
      makeFinding('id.national_id', { sheet: APP_SHEETS.roster, cell: row.at('id'), field: 'roster_rows' }, {
        label: '身分證字號',
        actual: id.value.id,
        reason: 'id.sex_mismatch',
        second: id.value.id.charAt(1),
        idSex: id.value.sex ?? '',
        sex: gender ?? '',
      }),
    );
  }
  return out;
};
