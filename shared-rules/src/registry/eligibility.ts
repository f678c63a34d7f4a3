// Who qualifies for what (seed 003 「三種線上申請說明」 table; SPEC §8), as of a day passed in — never the clock:
// 紀錄冊 (基礎 ≥ 6 h and 特殊 ≥ 6 h of training), 榮譽卡 (紀錄冊, ≥ 3 years, ≥ 300 h), 桃市獎勵 金/銀/銅
// (紀錄冊 and 6 y/1,800 h, 4 y/1,600 h, 2 y/600 h), 中央獎勵 全國 (8,000/5,000/3,000 h) and 衛生福利類
// (2,500/2,000/1,500 h) with 紀錄冊, 服務績效證明書 (≥ 150 h and ≥ 1 year). For those who fall short: by how much.
//
// Service years are whole years completed since the service start (SPEC §8: the first service date). Only a volunteer
// with no service record by the day counts from 加入日期 instead, and every "how far off" says so (yearsFromJoinDate).
// Anniversaries and completed years are the calendar's (a 2/29 start reaches its anniversary on 2/28 in common years).
// Hours and training count the records that ended on or before the day.
import { Decimal } from 'decimal.js';
import { anniversary, completedYears } from '../calendar/calendar';

export const AWARD_KEYS = ['record_book', 'honor_card', 'city_award', 'central_national', 'central_welfare', 'performance_certificate'] as const;
export type AwardKey = (typeof AWARD_KEYS)[number];

export const AWARD_LABELS: Readonly<Record<AwardKey, string>> = {
  record_book: '紀錄冊',
  honor_card: '榮譽卡',
  city_award: '桃市獎勵',
  central_national: '中央獎勵（全國）',
  central_welfare: '中央獎勵（衛生福利類）',
  performance_certificate: '服務績效證明書',
};

export const TIERS = ['金', '銀', '銅'] as const;
export type Tier = (typeof TIERS)[number];

export interface Requirement {
  readonly recordBook?: boolean;
  readonly basicHours?: number;
  readonly specialHours?: number;
  readonly years?: number;
  readonly hours?: number;
}

interface AwardRule {
  readonly tiers: readonly { readonly tier: Tier | null; readonly requirement: Requirement }[];
}

// Tiers are listed from the highest; an untiered award has one entry with tier null.
export const AWARD_RULES: Readonly<Record<AwardKey, AwardRule>> = {
  record_book: { tiers: [{ tier: null, requirement: { basicHours: 6, specialHours: 6 } }] },
  honor_card: { tiers: [{ tier: null, requirement: { recordBook: true, years: 3, hours: 300 } }] },
  city_award: {
    tiers: [
      { tier: '金', requirement: { recordBook: true, years: 6, hours: 1800 } },
      { tier: '銀', requirement: { recordBook: true, years: 4, hours: 1600 } },
      { tier: '銅', requirement: { recordBook: true, years: 2, hours: 600 } },
    ],
  },
  central_national: {
    tiers: [
      { tier: '金', requirement: { recordBook: true, hours: 8000 } },
      { tier: '銀', requirement: { recordBook: true, hours: 5000 } },
      { tier: '銅', requirement: { recordBook: true, hours: 3000 } },
    ],
  },
  central_welfare: {
    tiers: [
      { tier: '金', requirement: { recordBook: true, hours: 2500 } },
      { tier: '銀', requirement: { recordBook: true, hours: 2000 } },
      { tier: '銅', requirement: { recordBook: true, hours: 1500 } },
    ],
  },
  performance_certificate: { tiers: [{ tier: null, requirement: { hours: 150, years: 1 } }] },
};

/** What the registry knows of one volunteer on the day (aggregated from training and service-hour records). */
export interface VolunteerFacts {
  readonly basicTrainingHours: string;
  readonly specialTrainingHours: string;
  readonly serviceHours: string;
  /** ISO date the service began (the first service record; 加入日期 only without one), or null when unknown. */
  readonly serviceStart: string | null;
  /** serviceStart is a 加入日期: the registry holds no service record by the day. */
  readonly serviceStartFromJoinDate?: boolean;
  readonly hasRecordBook: boolean;
  readonly hasHonorCard: boolean;
}

export interface Shortfall {
  readonly recordBook?: true;
  readonly basicHours?: string;
  readonly specialHours?: string;
  /** Whole years still to serve (all of them when the start is unknown). */
  readonly years?: number;
  /** The day the years are reached (null when the start is unknown). */
  readonly yearsReachedOn?: string | null;
  /** The years count from 加入日期 (no service record yet), not from a first service date. */
  readonly yearsFromJoinDate?: true;
  readonly hours?: string;
}

const lack = (need: number, have: string): string | undefined => {
  const gap = new Decimal(need).minus(have);
  return gap.gt(0) ? gap.toFixed() : undefined;
};

/** What is missing for one requirement; an empty object when it is met. */
export const shortfallOf = (req: Requirement, facts: VolunteerFacts, today: string): Shortfall => {
  const out: { -readonly [K in keyof Shortfall]: Shortfall[K] } = {};
  if (req.recordBook === true && !facts.hasRecordBook) out.recordBook = true;
  if (req.basicHours !== undefined) {
    const gap = lack(req.basicHours, facts.basicTrainingHours);
    if (gap !== undefined) out.basicHours = gap;
  }
  if (req.specialHours !== undefined) {
    const gap = lack(req.specialHours, facts.specialTrainingHours);
    if (gap !== undefined) out.specialHours = gap;
  }
  if (req.years !== undefined) {
    if (facts.serviceStart === null) {
      out.years = req.years;
      out.yearsReachedOn = null;
    } else {
      const done = completedYears(facts.serviceStart, today);
      if (done < req.years) {
        out.years = req.years - Math.max(done, 0);
        out.yearsReachedOn = anniversary(facts.serviceStart, req.years);
        if (facts.serviceStartFromJoinDate === true) out.yearsFromJoinDate = true;
      }
    }
  }
  if (req.hours !== undefined) {
    const gap = lack(req.hours, facts.serviceHours);
    if (gap !== undefined) out.hours = gap;
  }
  return out;
};

export const isMet = (s: Shortfall): boolean => Object.keys(s).length === 0;

export interface AwardAssessment {
  readonly award: AwardKey;
  readonly qualifies: boolean;
  /** Tiered awards: the highest tier met (null when none). */
  readonly tier: Tier | null;
  /** 紀錄冊 / 榮譽卡: whether the registry already records one (null for the other awards). */
  readonly held: boolean | null;
  /** What is missing: for the lowest tier when none is met, for the next tier up when one is; null when nothing is left. */
  readonly missing: Shortfall | null;
  /** The tier `missing` refers to (null for untiered awards). */
  readonly missingFor: Tier | null;
}

export const assessAward = (award: AwardKey, facts: VolunteerFacts, today: string): AwardAssessment => {
  const tiers = AWARD_RULES[award].tiers;
  const held = award === 'record_book' ? facts.hasRecordBook : award === 'honor_card' ? facts.hasHonorCard : null;
  const metIndex = tiers.findIndex((t) => isMet(shortfallOf(t.requirement, facts, today)));
  const met = metIndex < 0 ? undefined : tiers[metIndex];
  // the tier to aim for next: the one above the met tier, or the lowest when none is met
  const target = metIndex < 0 ? tiers[tiers.length - 1] : metIndex > 0 ? tiers[metIndex - 1] : undefined;
  return {
    award,
    qualifies: met !== undefined,
    tier: met?.tier ?? null,
    held,
    missing: target === undefined ? null : shortfallOf(target.requirement, facts, today),
    missingFor: target?.tier ?? null,
  };
};

export interface VolunteerAssessment {
  readonly serviceYears: number | null;
  readonly awards: Readonly<Record<AwardKey, AwardAssessment>>;
}

export const assessVolunteer = (facts: VolunteerFacts, today: string): VolunteerAssessment => ({
  serviceYears: facts.serviceStart === null ? null : Math.max(completedYears(facts.serviceStart, today), 0),
  awards: Object.fromEntries(AWARD_KEYS.map((a) => [a, assessAward(a, facts, today)])) as Record<AwardKey, AwardAssessment>,
});

// ── facts from the registry's records ──────────────────────────────────────────────────────────────────────────────

export interface TrainingFact {
  readonly courseType: string;
  readonly hours: string;
  readonly endOn: string;
}

export interface ServiceFact {
  readonly startOn: string;
  readonly endOn: string;
  readonly hours: string;
}

export interface VolunteerHistory {
  readonly recordBookNo: string | null;
  readonly honorCardNo: string | null;
  /** 加入日期 of the volunteer's units (null when not given). */
  readonly joinedOn: readonly (string | null)[];
  readonly trainings: readonly TrainingFact[];
  readonly services: readonly ServiceFact[];
}

const earliest = (dates: readonly (string | null | undefined)[]): string | null =>
  dates.reduce<string | null>((min, d) => (d === null || d === undefined ? min : min === null || d < min ? d : min), null);

/** The service start on a day: the first service record begun by then, else the earliest 加入日期 by then, else unknown. */
export const serviceStartOf = (
  serviceStarts: readonly (string | null | undefined)[],
  joinedOn: readonly (string | null | undefined)[],
  asOf: string,
): { readonly serviceStart: string | null; readonly serviceStartFromJoinDate: boolean } => {
  const upTo = (dates: readonly (string | null | undefined)[]): string | null => earliest(dates.filter((d) => d !== null && d !== undefined && d <= asOf));
  const first = upTo(serviceStarts);
  if (first !== null) return { serviceStart: first, serviceStartFromJoinDate: false };
  const joined = upTo(joinedOn);
  return { serviceStart: joined, serviceStartFromJoinDate: joined !== null };
};

/** The facts on a day: training and hours of records ended by then; the service start as serviceStartOf says. */
export const factsFromHistory = (h: VolunteerHistory, asOf: string): VolunteerFacts => {
  const sum = (items: readonly { hours: string }[]): string => items.reduce((acc, i) => acc.plus(i.hours), new Decimal(0)).toFixed();
  const ended = <T extends { endOn: string }>(items: readonly T[]): T[] => items.filter((i) => i.endOn <= asOf);
  const trainings = ended(h.trainings);
  return {
    basicTrainingHours: sum(trainings.filter((t) => t.courseType === '基礎')),
    specialTrainingHours: sum(trainings.filter((t) => t.courseType === '特殊')),
    serviceHours: sum(ended(h.services)),
    ...serviceStartOf(h.services.map((s) => s.startOn), h.joinedOn, asOf),
    hasRecordBook: h.recordBookNo !== null && h.recordBookNo !== '',
    hasHonorCard: h.honorCardNo !== null && h.honorCardNo !== '',
  };
};

// ── lists for a unit ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface EligibilityPerson {
  /** The registry key (ID number); callers mask it for display. */
  readonly key: string;
  readonly name: string;
  readonly facts: VolunteerFacts;
}

export interface EligibilityEntry {
  readonly key: string;
  readonly name: string;
  readonly serviceYears: number | null;
  /** serviceYears count from 加入日期 (no service record by the day). */
  readonly serviceYearsFromJoinDate: boolean;
  readonly serviceHours: string;
  readonly basicTrainingHours: string;
  readonly specialTrainingHours: string;
  readonly assessment: AwardAssessment;
}

export interface AwardList {
  readonly award: AwardKey;
  readonly label: string;
  readonly qualified: readonly EligibilityEntry[];
  readonly notQualified: readonly EligibilityEntry[];
}

export interface EligibilityLists {
  readonly asOf: string;
  readonly awards: readonly AwardList[];
}

/** For every award: who qualifies (with the tier) and, for the others, what is missing; people in the given order. */
export const eligibilityLists = (people: readonly EligibilityPerson[], today: string): EligibilityLists => {
  const assessed = people.map((p) => ({ person: p, result: assessVolunteer(p.facts, today) }));
  return {
    asOf: today,
    awards: AWARD_KEYS.map((award) => {
      const entries = assessed.map(({ person, result }) => ({
        key: person.key,
        name: person.name,
        serviceYears: result.serviceYears,
        serviceYearsFromJoinDate: person.facts.serviceStartFromJoinDate === true,
        serviceHours: person.facts.serviceHours,
        basicTrainingHours: person.facts.basicTrainingHours,
        specialTrainingHours: person.facts.specialTrainingHours,
        assessment: result.awards[award],
      }));
      return {
        award,
        label: AWARD_LABELS[award],
        qualified: entries.filter((e) => e.assessment.qualifies),
        notQualified: entries.filter((e) => !e.assessment.qualifies),
      };
    }),
  };
};
