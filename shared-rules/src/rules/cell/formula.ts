// cell.formula: an input cell holding a formula that is not constant arithmetic (a reference, a function, DDE, text)
// counts as unknown; its cached result is never believed (SPEC §7). =1200*3 is computed and checked as 3600.
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { cellLabel } from '../../form/labels';

export const typedFormulas: Rule = (ctx) =>
  ctx.form.typedFormulas().flatMap((t) => {
    // a formula over a "/" cell is cell.forbidden's, over a label template.structure's
    const spec = ctx.form.spec(t.sheet, t.cell);
    if (t.known || spec?.kind !== 'input') return [];
    return [
      makeFinding(
        'cell.formula',
        { sheet: t.sheet, cell: t.cell, field: spec.fieldName },
        { label: cellLabel(ctx.def, t.sheet, t.cell), actual: `=${t.formula}` },
      ),
    ];
  });
