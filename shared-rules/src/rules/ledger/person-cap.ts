// ledger.person_cap: per 摘要(二) name and year, 急難救助 ≤ 60,000, 慰問金 ≤ 100,000, 退休補助 (退休、離職、資遣) ≤ 150,000
// (seed 004 §1.3(二)–(四); SPEC §4.2); names grouped by ledger/person-name.ts. 會員福利 (5-x) needs the roster: the server's.
import Decimal from 'decimal.js';
import { type Rule } from '../../check/context';
import { PERSON_CAPS } from '../../definition/cashbook/params';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { personName, readLedger } from '../../ledger';
import { entryCell } from './locate';
import { moneyText } from '../../values/money';

const GROUP_OF_CODE = new Map(PERSON_CAPS.flatMap((group, index) => group.codes.map((code) => [code, index] as const)));

export const personCap: Rule = (ctx) => {
  const totals = new Map<string, { sum: Decimal; reported: boolean }>();
  const out: Finding[] = [];
  for (const e of readLedger(ctx).entries) {
    const group = e.param?.zi === '支' ? GROUP_OF_CODE.get(e.param.no) : undefined;
    const cap = group === undefined ? undefined : PERSON_CAPS[group];
    // without a name there is nobody to sum for; an unreadable 金額 is the cell rules'
    if (group === undefined || cap === undefined || e.note === null || e.amount === null) continue;
    const person = personName(e.note);
    if (person.key === '') continue;
    const key = `${group}|${person.key}`;
    const total = totals.get(key) ?? { sum: new Decimal(0), reported: false };
    total.sum = total.sum.plus(e.amount);
    totals.set(key, total);
    if (total.reported || total.sum.lte(cap.cap)) continue;
    // reported once, at the entry that takes the person over the cap
    total.reported = true;
    out.push(
      makeFinding(
        'ledger.person_cap',
        entryCell(e, 'amount'),
        { person: person.name, category: cap.label, actual: moneyText(total.sum), expected: moneyText(new Decimal(cap.cap)) },
        { actual: total.sum.toFixed(), expected: String(cap.cap) },
      ),
    );
  }
  return out;
};
