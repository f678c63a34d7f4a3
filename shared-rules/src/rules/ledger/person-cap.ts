// ledger.person_cap: per 摘要(二) name and year, 急難救助 ≤ 60,000, 慰問金 ≤ 100,000, 退休補助 ≤ 150,000
// (seed 004 §1.3(二)–(四); SPEC §4.2). 會員福利 (5-x) needs the roster and is checked by the server.
import Decimal from 'decimal.js';
import { type Rule } from '../../check/context';
import { PERSON_CAPS } from '../../definition/cashbook/params';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { readLedger } from '../../ledger';
import { cleanText } from '../../values/text';
import { entryCell } from './locate';
import { moneyText } from '../../values/money';

const GROUP_OF_CODE = new Map(PERSON_CAPS.flatMap((group, index) => group.codes.map((code) => [code, index] as const)));

/** The grouping key of a name: trimmed and NFKC-normalised (full-width letters, spaces), never shown. */
const personKey = (name: string): string => cleanText(name.normalize('NFKC'));

export const personCap: Rule = (ctx) => {
  const totals = new Map<string, { sum: Decimal; reported: boolean }>();
  const out: Finding[] = [];
  for (const e of readLedger(ctx).entries) {
    const group = e.param?.zi === '支' ? GROUP_OF_CODE.get(e.param.no) : undefined;
    const cap = group === undefined ? undefined : PERSON_CAPS[group];
    // without a name there is nobody to sum for; an unreadable 金額 is the cell rules'
    if (group === undefined || cap === undefined || e.note === null || e.amount === null) continue;
    const key = `${group}|${personKey(e.note)}`;
    const person = totals.get(key) ?? { sum: new Decimal(0), reported: false };
    person.sum = person.sum.plus(e.amount);
    totals.set(key, person);
    if (person.reported || person.sum.lte(cap.cap)) continue;
    // reported once, at the entry that takes the person over the cap
    person.reported = true;
    out.push(
      makeFinding(
        'ledger.person_cap',
        entryCell(e, 'amount'),
        { person: e.note, category: cap.label, actual: moneyText(person.sum), expected: moneyText(new Decimal(cap.cap)) },
        { actual: person.sum.toFixed(), expected: String(cap.cap) },
      ),
    );
  }
  return out;
};
