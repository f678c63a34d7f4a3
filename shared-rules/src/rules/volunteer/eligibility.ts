// volunteer.eligibility: a 紀錄冊號 or 榮譽卡卡號 recorded for a volunteer the registry shows as not qualifying (seed 003
// 申請條件: 紀錄冊 needs 基礎 and 特殊 training of 6 h each; 榮譽卡 needs a 紀錄冊, 3 years and 300 h). A warning: the
// registry may simply not hold the training or hours yet (import them first for accurate warnings).
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { AWARD_RULES, shortfallOf, type Shortfall, type VolunteerFacts } from '../../registry/eligibility';

/** A short zh-TW account of a shortfall (at most a few figures, so it fits a message parameter). */
export const describeShortfall = (s: Shortfall): string => {
  const parts: string[] = [];
  if (s.recordBook === true) parts.push('尚無紀錄冊');
  if (s.basicHours !== undefined) parts.push(`基礎訓練差 ${s.basicHours} 小時`);
  if (s.specialHours !== undefined) parts.push(`特殊訓練差 ${s.specialHours} 小時`);
  if (s.years !== undefined) {
    const from = s.yearsFromJoinDate === true ? '（尚無服務紀錄，依加入日期起算）' : '';
    parts.push(s.yearsReachedOn === null ? `服務年資不明（須 ${s.years} 年）` : `年資差 ${s.years} 年${from}`);
  }
  if (s.hours !== undefined) parts.push(`服務時數差 ${s.hours} 小時`);
  return parts.join('、');
};

export interface RecordedCredentials {
  readonly row: number;
  readonly name: string;
  readonly recordBookNo: string | null;
  readonly honorCardNo: string | null;
}

export const volunteerEligibility = (v: RecordedCredentials, facts: VolunteerFacts, today: string): Finding[] => {
  const out: Finding[] = [];
  const check = (field: string, label: string, award: 'record_book' | 'honor_card'): void => {
    const requirement = AWARD_RULES[award].tiers[0]?.requirement;
    if (requirement === undefined) return;
    const gap = shortfallOf(requirement, facts, today);
    if (Object.keys(gap).length > 0) out.push(makeFinding('volunteer.eligibility', { row: v.row, field }, { name: v.name, reason: `填有${label}，但${describeShortfall(gap)}` }));
  };
  if (v.recordBookNo !== null) check('紀錄冊號', '紀錄冊號', 'record_book');
  if (v.honorCardNo !== null) check('榮譽卡卡號', '榮譽卡卡號', 'honor_card');
  return out;
};
