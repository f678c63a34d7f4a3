// union.gender_total: 理事, 監事 and 會員 男 + 女 equal their 合計 (seed 000 理監事人數、會員人數; SPEC §8).
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { type GenderCounts, type UnionRecord } from '../../registry/records';

const GROUPS = [
  { key: 'directors', label: '理事', field: '理事合計' },
  { key: 'supervisors', label: '監事', field: '監事合計' },
  { key: 'members', label: '會員', field: '會員合計' },
] as const;

export const unionGenderTotal = (union: UnionRecord, row: number): Finding[] => {
  const out: Finding[] = [];
  for (const group of GROUPS) {
    const counts: GenderCounts = union[group.key];
    if (counts.male === null || counts.female === null || counts.total === null) continue;
    const sum = counts.male + counts.female;
    if (sum === counts.total) continue;
    out.push(
      makeFinding('union.gender_total', { row, field: group.field }, { label: group.label, male: counts.male, female: counts.female, expected: sum, actual: counts.total }),
    );
  }
  return out;
};
