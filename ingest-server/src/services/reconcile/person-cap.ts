// ledger.person_cap for 會員福利 (5-x): at most 10,000 per member and year, where 摘要(二) names a member of the roster
// filed with the same year's application (seed 004 §1.3(五); SPEC §4.2) — the workbook rule checks the other caps.
// Names are grouped as the workbook rule groups them (shared-rules personName): 「王小明(颱風)」 counts for 王小明.
import { CB_SHEET, MEMBER_WELFARE_CAP, entryColumn, makeFinding, moneyText, personName, type Finding } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type ReconCheck } from './context';
import { applicationOfYear } from './related';

const WELFARE_CODES: ReadonlySet<string> = new Set(MEMBER_WELFARE_CAP.codes);
const CAP = new Decimal(MEMBER_WELFARE_CAP.cap);

export const memberWelfareCap: ReconCheck = async (ctx, filing) => {
  if (filing.kind !== 'cashbook') return [];
  const application = await applicationOfYear(ctx, filing, filing.year);
  if (application === undefined) return [];
  const members = await ctx.rosterNames(application.id);
  const entries = await ctx.entries(filing.id);
  const roster = new Set(members.map((m) => personName(m).key).filter((k) => k !== ''));
  const totals = new Map<string, { sum: Decimal; reported: boolean }>();
  const out: Finding[] = [];
  for (const e of entries) {
    if (e.zi !== '支' || e.no === null || !WELFARE_CODES.has(e.no) || e.note === null || e.amount === null) continue;
    const member = personName(e.note);
    const key = member.key;
    if (!roster.has(key)) continue;
    const person = totals.get(key) ?? { sum: new Decimal(0), reported: false };
    person.sum = person.sum.plus(e.amount);
    totals.set(key, person);
    if (person.reported || person.sum.lte(CAP)) continue;
    // reported once, at the entry that takes the member over the cap
    person.reported = true;
    out.push(
      makeFinding(
        'ledger.person_cap',
        { sheet: CB_SHEET, cell: `${entryColumn('amount')}${e.row}`, field: 'cb_entries' },
        { person: member.name, category: MEMBER_WELFARE_CAP.label, actual: moneyText(person.sum), expected: moneyText(CAP) },
        { actual: person.sum.toFixed(), expected: CAP.toFixed() },
      ),
    );
  }
  return out;
};
