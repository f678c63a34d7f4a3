// ledger.code_unknown: 字、項目、號 must be one row of the parameter table (seed 004 §2.8(二)3(2)、4; SPEC §4.2).
import { type Rule } from '../../check/context';
import { codeKey, paramsFor } from '../../definition/cashbook/params';
import { makeFinding } from '../../findings/make';
import { isOffered, readLedger } from '../../ledger';
import { entryCell } from './locate';

export const codeUnknown: Rule = (ctx) => {
  const version = ctx.def.version;
  const codes = paramsFor(version).codes;
  return readLedger(ctx).entries.flatMap((e) => {
    // a blank is cell.required and a value no dropdown offers is cell.enum: only a combination of offered values is ours
    if (!isOffered(version, 'cb_zi', e.zi) || !isOffered(version, 'cb_item', e.item) || !isOffered(version, 'cb_no', e.no)) return [];
    if (codes.has(codeKey(e.zi, e.item, e.no))) return [];
    return [makeFinding('ledger.code_unknown', entryCell(e, 'no'), { zi: e.zi, item: e.item, no: e.no })];
  });
};
