// ledger.category_not_allowed: 動支類別 must be one the parameter table allows for the code; 轉 leaves it empty
// (seed 004 §2.8(二)4; SPEC §4.1–§4.2).
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
    return [
      makeFinding('ledger.category_not_allowed', entryCell(e, 'category'), {
        code: codeText(p),
        actual: e.category ?? BLANK,
        expected: allowed.length === 0 ? BLANK : allowed.join('、'),
      }),
    ];
  });
