// ledger.account_not_allowed: 動支帳戶 must be one the parameter table allows for the code (seed 004 §2.8(二)4; SPEC §4.1–§4.2).
import { type Rule } from '../../check/context';
import { makeFinding } from '../../findings/make';
import { isOffered, readLedger } from '../../ledger';
import { codeText, entryCell } from './locate';

export const accountNotAllowed: Rule = (ctx) =>
  readLedger(ctx).entries.flatMap((e) => {
    const p = e.param;
    // a blank is cell.required and a value no dropdown offers is cell.enum
    if (p === null || !isOffered(ctx.def.version, 'cb_account', e.account)) return [];
    if ((p.accounts as readonly string[]).includes(e.account)) return [];
    return [
      makeFinding('ledger.account_not_allowed', entryCell(e, 'account'), {
        code: codeText(p),
        actual: e.account,
        expected: p.accounts.join('、'),
      }),
    ];
  });
