// union.gender_one_third: where the 章程 declares the single-sex 1/3 rule, each sex holds at least a third of the 理事
// seats, i.e. ≥ ⌈理事 ÷ 3⌉ (seed 001 「章程或選舉辦法是否訂有單一性別達1/3」; SPEC §8). A warning: the registry records it.
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { type UnionRecord } from '../../registry/records';

export const unionGenderOneThird = (union: UnionRecord, row: number): Finding[] => {
  const { male, female } = union.directors;
  if (union.oneThirdRule !== true || male === null || female === null) return [];
  const total = male + female;
  const minimum = Math.ceil(total / 3);
  const out: Finding[] = [];
  for (const [sex, count, field] of [['男', male, '理事男'], ['女', female, '理事女']] as const) {
    if (count < minimum) out.push(makeFinding('union.gender_one_third', { row, field }, { sex, actual: count, total, expected: minimum }));
  }
  return out;
};
