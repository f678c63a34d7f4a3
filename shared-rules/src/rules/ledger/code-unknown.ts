// ledger.code_unknown: 字、項目、號 must be one row of the parameter table (seed 004 §2.8(二)3(2)、4; SPEC §4.2).
import { type Rule } from '../../check/context';
import { CASHBOOK_PARAMS } from '../../definition/cashbook/params';
import { makeFinding } from '../../findings/make';
import { isOffered, readLedger } from '../../ledger';
import { entryCell } from './locate';

const ROWS = new Set(CASHBOOK_PARAMS.map((p) => `${p.zi}|${p.item}|${p.no}`));

export const codeUnknown: Rule = (ctx) =>
  readLedger(ctx).entries.flatMap((e) => {
    // a blank is cell.required and a value no dropdown offers is cell.enum: only a combination of offered values is ours
    if (!isOffered('cb_zi', e.zi) || !isOffered('cb_item', e.item) || !isOffered('cb_no', e.no)) return [];
    if (ROWS.has(`${e.zi}|${e.item}|${e.no}`)) return [];
    return [makeFinding('ledger.code_unknown', entryCell(e, 'no'), { zi: e.zi, item: e.item, no: e.no })];
  });
