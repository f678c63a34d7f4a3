// ledger.category_not_allowed: 動支類別 must be one the parameter table of the book's version allows for the code; 轉
// leaves it empty, a warning when filled (seed 004 §2.8(二)4; SPEC §4.1–§4.2).
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { isOffered, readLedger } from '../../ledger';
import { BLANK, codeText, entryCell } from './locate';

export const categoryNotAllowed: Rule = (ctx) =>
  readLedger(ctx).entries.flatMap((e) => {
    const p = e.param;
    if (p === null) return [];
    const allowed: readonly string[] = p.categories;
    const blank = e.category === null;
    // a value no dropdown offers is cell.enum's
    if (!blank && !isOffered(ctx.def.version, 'cb_category', e.category)) return [];
    if (allowed.length === 0 ? blank : !blank && allowed.includes(e.category ?? '')) return [];
    // a 轉 moves money between the union's own accounts and spends nothing: a 動支類別 there misleads no total, so it is a
    // reminder (issue 13: never push a union to rewrite a filed entry for a harmless extra)
    const harmless = allowed.length === 0;
    return [
      makeFinding(
        'ledger.category_not_allowed',
        entryCell(e, 'category'),
        { code: codeText(p), actual: e.category ?? BLANK, expected: harmless ? BLANK : allowed.join('、') },
        harmless ? { severity: 'warning' } : {},
      ),
    ];
  });
