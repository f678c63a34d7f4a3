// cell.required: each session marks at least one 上課方式 — 上課講授, 分組討論 or 生態參訪 (seed 004 §2.4(二)5 "可複選"; SPEC §3.4 "at least one").
import { type Rule } from '../../check/context';
import { APP_SHEETS } from '../../definition/application/names';
import { makeFinding } from '../../findings/make';
import { cellText } from '../../values/text';

const METHODS = ['lecture', 'discussion', 'visit'];

export const trainingMethodRequired: Rule = (ctx) =>
  ctx.form.usedRows('tr_sessions').flatMap((row) => {
    // any mark counts here; a mark other than V is cell.enum's to report
    if (METHODS.some((key) => cellText(row.raw(key)) !== null)) return [];
    return [makeFinding('cell.required', { sheet: APP_SHEETS.trainingReport, cell: row.at('lecture'), field: 'tr_sessions' }, { label: '上課方式（至少勾選一項）' })];
  });
