// ledger.person_name_required: a capped code (急難救助、職災慰問金、退休補助) names the member in 摘要(二), or no cap can
// be summed (seed 004 §1.3(二)–(四), §2.8(二)3(4) "記錄會員姓名"); from template 1.3 on, older books keep their rules.
import Decimal from 'decimal.js';
import { type Rule } from '../../check/context';
import { personCapOf } from '../../definition/cashbook/params';
import { versionIndex } from '../../definition/versions';
import { makeFinding } from '../../findings/make';
import { readLedger } from '../../ledger';
import { moneyText } from '../../values/money';
import { codeText, entryCell } from './locate';

const FROM_VERSION = versionIndex('1.3');

export const personNameRequired: Rule = (ctx) => {
  if (versionIndex(ctx.def.version) < FROM_VERSION) return [];
  return readLedger(ctx).entries.flatMap((e) => {
    const cap = e.param?.zi === '支' ? personCapOf(e.param.no) : undefined;
    if (e.param === null || cap === undefined || e.note !== null) return [];
    return [makeFinding('ledger.person_name_required', entryCell(e, 'note'), { code: codeText(e.param), category: cap.label, limit: moneyText(new Decimal(cap.cap)) })];
  });
};
