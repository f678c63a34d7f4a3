// roster.duplicate_id: a member is listed once — the same 身分證字號 on two rows is reported at the later one (SPEC §3.2).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { cellText } from '../../values/text';

export const rosterDuplicateId: Rule = (ctx) => {
  const firstRow = new Map<string, number>();
  const out: Finding[] = [];
  for (const row of ctx.form.usedRows('roster_rows')) {
    const id = cellText(row.raw('id'));
    if (id === null) continue;
    // "a123456789" and full-width "Ａ123456789" are the same person typed differently (the cell rules report the typing)
    const key = id.normalize('NFKC').toUpperCase();
    const earlier = firstRow.get(key);
    if (earlier === undefined) {
      firstRow.set(key, row.row);
      continue;
    }
    out.push(makeFinding('roster.duplicate_id', { sheet: APP_SHEETS.roster, cell: row.at('id'), field: 'roster_rows' }, { actual: id, otherRow: earlier }));
  }
  return out;
};
