// volunteer.eligibility: a 紀錄冊號 or 榮譽卡卡號 recorded for a volunteer the registry shows as not qualifying (seed 003
// 申請條件: 紀錄冊 needs 基礎 and 特殊 training of 6 h each; 榮譽卡 needs a 紀錄冊, 3 years and 300 h). A warning: the
// registry may simply not hold the training or hours yet (import them first for accurate warnings).
import { makeFinding } from '../../findings/make';
import { type FindingParams, type ParamValue } from '../../findings/params';
import { textOf } from '../../findings/render';
import { type Finding } from '../../findings/types';
import { AWARD_RULES, shortfallOf, type Shortfall, type VolunteerFacts } from '../../registry/eligibility';

/** A shortfall as message params (flags as 1): the text is eligibility.shortfall's (findings/texts/rule-texts.ts). */
export const shortfallParams = (s: Shortfall): FindingParams => {
  const out: Record<string, ParamValue> = {};
  if (s.recordBook === true) out.recordBook = 1;
  if (s.basicHours !== undefined) out.basicHours = s.basicHours;
  if (s.specialHours !== undefined) out.specialHours = s.specialHours;
  if (s.years !== undefined) out.years = s.years;
  if (s.yearsReachedOn === null) out.yearsUnknown = 1;
  if (s.yearsFromJoinDate === true) out.yearsFromJoinDate = 1;
  if (s.hours !== undefined) out.hours = s.hours;
  return out;
};

/** A short zh-TW account of a shortfall, for lists that show it outside a finding (rendered from the sub-code texts). */
export const describeShortfall = (s: Shortfall): string => textOf('eligibility.shortfall_parts', shortfallParams(s));

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
    if (Object.keys(gap).length > 0) out.push(makeFinding('volunteer.eligibility', { row: v.row, field }, { name: v.name, reason: 'eligibility.shortfall', credential: label, ...shortfallParams(gap) }));
  };
  if (v.recordBookNo !== null) check('紀錄冊號', '紀錄冊號', 'record_book');
  if (v.honorCardNo !== null) check('榮譽卡卡號', '榮譽卡卡號', 'honor_card');
  return out;
};
