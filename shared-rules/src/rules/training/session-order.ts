// training.session_order: 場次 numbers are unique and in the order the sessions are listed (seed 004 §2.4(二)1 "請輸入辦理
// 教育訓練之場次"; the 決算's 場次 counts them, so a repeated number is a session counted twice or a number typed wrong).
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { readAmount } from '../../values/amount';

export const trainingSessionOrder: Rule = (ctx) => {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  let previous: { value: string; number: number } | null = null;
  for (const row of ctx.form.usedRows('tr_sessions')) {
    const read = readAmount(row.raw('session'), { maxDigits: 3 });
    // a blank or unreadable 場次 is the cell rules'
    if (!read.ok || read.value === null || !read.value.isInteger()) continue;
    const value = read.value.toFixed();
    const location = { sheet: APP_SHEETS.trainingReport, cell: row.at('session'), field: 'tr_sessions' };
    const otherRow = seen.get(value);
    if (otherRow !== undefined) {
      out.push(makeFinding('training.session_order', location, { actual: value, reason: 'session.duplicate', otherRow }));
    } else if (previous !== null && read.value.toNumber() < previous.number) {
      out.push(makeFinding('training.session_order', location, { actual: value, reason: 'session.order', previous: previous.value }));
    }
    if (otherRow === undefined) seen.set(value, row.row);
    if (previous === null || read.value.toNumber() > previous.number) previous = { value, number: read.value.toNumber() };
  }
  return out;
};
