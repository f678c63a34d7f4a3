// ledger.person_name_note: 摘要(二) of a capped code holds the name alone; 「王小明(颱風)」 is summed for 王小明, and the
// warning asks for the name alone so every reader groups it the same (seed 004 §2.8(二)3(4) "記錄會員姓名"; §1.3(二)–(四)).
import { type Rule } from '../../check/context';
import { personCapOf } from '../../definition/cashbook/params';
import { makeFinding } from '../../findings/make';
import { personName, readLedger } from '../../ledger';
import { entryCell } from './locate';

export const personNameNote: Rule = (ctx) =>
  readLedger(ctx).entries.flatMap((e) => {
    if (e.param?.zi !== '支' || personCapOf(e.param.no) === undefined || e.note === null) return [];
    const person = personName(e.note);
    if (!person.annotated) return [];
    return [makeFinding('ledger.person_name_note', entryCell(e, 'note'), { actual: e.note, name: person.name })];
  });
