// roster.count_mismatch: the roster lists as many members as 申請書 會員人數 says (seed 004 §2.1(二)13、§2.2; SPEC §3.2).
import Decimal from 'decimal.js';
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { knownAmount } from '../common/amounts';
import { moneyText } from '../../values/money';

export const rosterCountMismatch: Rule = (ctx) => {
  const members = ctx.form.single('app_members');
  const declared = knownAmount(ctx, members.sheet, members.cell);
  const listed = new Decimal(ctx.form.usedRows('roster_rows').length);
  if (declared === null || declared.equals(listed)) return [];
  return [
    makeFinding('roster.count_mismatch', { sheet: members.sheet, cell: members.cell, field: members.field }, { actual: moneyText(listed), expected: moneyText(declared) }, { actual: listed.toFixed(), expected: declared.toFixed() }),
  ];
};
