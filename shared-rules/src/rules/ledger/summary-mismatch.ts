// ledger.summary_mismatch: a 摘要(一) typed over its lookup formula must still say the table's text (seed 004 §2.8(二)3(2); SPEC §7).
import { type Rule } from '../../check/context';
import { CB_SHEET, SUMMARY_MISSING } from '../../definition/cashbook/ledger-sheet';
import { toText } from '../../definition/expr';
import { makeFinding } from '../../findings/make';
import { overwrittenFormulas } from '../template/formula-overwritten';
import { comparable } from './locate';

export const summaryMismatch: Rule = (ctx) =>
  overwrittenFormulas(ctx).flatMap((o) => {
    // a cleared cell claims nothing (template.formula_overwritten reports it); only a typed constant can contradict
    if (o.sheet !== CB_SHEET || o.spec.expr.t !== 'lookup' || o.constant === null) return [];
    const expected = toText(ctx.form.value(o.sheet, o.cell));
    // without a table row for 字|號 there is no text to compare with (cell.required / cell.enum / ledger.code_unknown)
    if (expected === '' || expected === SUMMARY_MISSING) return [];
    // full-width brackets or spaces in a retyped summary say the same thing
    if (comparable(o.constant) === comparable(expected)) return [];
    return [makeFinding('ledger.summary_mismatch', { sheet: o.sheet, cell: o.cell, field: 'cb_entries' }, { actual: o.constant, expected })];
  });
