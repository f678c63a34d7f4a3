// cell.forbidden: the 結餘款 column of 教育訓練, 會員福利 and 行政事務費 is marked "/" (seed 004 §2.3(一)).
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { cellText } from '../../values/text';

export const forbiddenCells: Rule = (ctx) =>
  ctx.def.sheets.flatMap((sheet) =>
    [...sheet.cells].flatMap(([cell, spec]) => {
      if (spec.kind !== 'forbidden') return [];
      // a formula over the "/" is a value there too, whether or not its result can be known
      const typed = ctx.form.typedFormula(sheet.name, cell);
      const text = typed !== undefined && !typed.known ? `=${typed.formula}` : cellText(ctx.form.raw(sheet.name, cell));
      if (text === null || text === '/') return [];
      return [makeFinding('cell.forbidden', { sheet: sheet.name, cell }, { label: spec.label, actual: text })];
    }),
  );
