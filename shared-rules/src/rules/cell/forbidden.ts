// cell.forbidden: the 結餘款 column of 教育訓練, 會員福利 and 行政事務費 is marked "/" (seed 004 §2.3(一)).
import { type Rule } from '../../check/context';
import { type Finding } from '../../findings/types';
import { makeFinding } from '../../findings/make';
import { cellText } from '../../values/text';

export const forbiddenCells: Rule = (ctx) => {
  const out: Finding[] = [];
  // a loop, not a spread of every cell: a cash book has ~50,000 cells and no "/" cell
  for (const sheet of ctx.def.sheets) {
    for (const [cell, spec] of sheet.cells) {
      if (spec.kind !== 'forbidden') continue;
      // a formula over the "/" is a value there too, whether or not its result can be known
      const typed = ctx.form.typedFormula(sheet.name, cell);
      const text = typed !== undefined && !typed.known ? `=${typed.formula}` : cellText(ctx.form.raw(sheet.name, cell));
      if (text === null || text === '/') continue;
      out.push(makeFinding('cell.forbidden', { sheet: sheet.name, cell }, { label: spec.label, actual: text }));
    }
  }
  return out;
};
