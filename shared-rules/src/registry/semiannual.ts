// 半年報 (seed 003 半年報填報 「志願服務志工人數及服務成果」; SPEC §8): H1 = 1/1–6/30, H2 = 7/1–12/31 of a year, per unit
// and rolled up the hierarchy (a unit counts every volunteer of its subtree once). Computed from the registry only.
//
// Decisions (SPEC leaves them open):
// - a volunteer counts in a unit when one of their memberships there has 加入日期 on or before the period end (or none);
// - ages and service years are whole years completed at the period end (see the calendar for anniversaries);
// - 服務年資 bands are lower-bound inclusive, upper-bound exclusive, as the seed's labels say: 未滿1年 = 0,
//   1年以上未滿3年 = 1–2, 3年以上未滿5年 = 3–4, 5年以上未滿10年 = 5–9, 10年以上 = 10+ completed years; the service start is
//   the first service-hour record begun by the period end (SPEC §8), or — only without one — the earliest 加入日期;
//   with neither the volunteer is counted as 年資不明;
// - 教育程度 and 身分別 come from 學歷 and 現職 through the lists of semiannual-categories.ts; a value in no list is
//   counted apart (教育程度 其他/未填; 身分別 其他, flagged) and listed, and the import warned about it;
// - 志工保險人數: 投保狀態 已加保 or 待退保 (the registry's current state: the import has no insurance history);
// - training 人次 = training records whose 課程起始日期 is in the period, attributed to their 登錄單位; 節數 = their hours;
//   the form's rows are 團體訓練 / 推廣訓練 / 其他推廣訓練 by 開課單位 (trainingCategoryOf); 課程類型 is kept as well.
import { Decimal } from 'decimal.js';
import { completedYears, rocYearOfGregorian } from '../calendar/calendar';
import { serviceStartOf } from './eligibility';
import {
  EDUCATION_LEVELS,
  IDENTITIES,
  TRAINING_CATEGORIES,
  educationLevel,
  identityOf,
  trainingCategoryOf,
  type EducationLevel,
  type Identity,
  type TrainingCategory,
} from './semiannual-categories';
import { type UnitDirectory, type UnitLevel } from './units';

export const AGE_BANDS = ['未滿12歲', '12-17歲', '18-29歲', '30-49歲', '50-54歲', '55-64歲', '65歲以上'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const YEARS_BANDS = ['未滿1年', '1年以上未滿3年', '3年以上未滿5年', '5年以上未滿10年', '10年以上'] as const;
export type YearsBand = (typeof YEARS_BANDS)[number];

export const ageBandOf = (age: number): AgeBand =>
  age < 12 ? '未滿12歲' : age < 18 ? '12-17歲' : age < 30 ? '18-29歲' : age < 50 ? '30-49歲' : age < 55 ? '50-54歲' : age < 65 ? '55-64歲' : '65歲以上';

export const yearsBandOf = (years: number): YearsBand =>
  years < 1 ? '未滿1年' : years < 3 ? '1年以上未滿3年' : years < 5 ? '3年以上未滿5年' : years < 10 ? '5年以上未滿10年' : '10年以上';

export interface SexCount {
  male: number;
  female: number;
}

const zero = (): SexCount => ({ male: 0, female: 0 });
const table = <T extends string>(labels: readonly T[]): Record<T, SexCount> => Object.fromEntries(labels.map((l) => [l, zero()])) as Record<T, SexCount>;

export interface TrainingFigures {
  /** 人次: training records. */
  attendances: number;
  /** 節數: their hours (decimal string). */
  sessions: string;
}

export interface SemiannualFigures {
  readonly total: SexCount;
  readonly age: Record<AgeBand, SexCount>;
  readonly education: Record<EducationLevel, SexCount>;
  readonly educationUnmapped: SexCount;
  readonly indigenous: SexCount;
  readonly serviceYears: Record<YearsBand, SexCount>;
  readonly serviceYearsUnknown: SexCount;
  readonly identity: Record<Identity, SexCount>;
  /** Of identity.其他: those whose 現職 could not be placed. */
  readonly identityUnmapped: SexCount;
  readonly foreigners: SexCount;
  readonly recordBook: SexCount;
  readonly insured: SexCount;
  readonly training: TrainingFigures;
  /** The form's 訓練情形 rows. */
  readonly trainingByCategory: Record<TrainingCategory, TrainingFigures>;
  readonly trainingByType: Record<string, TrainingFigures>;
  /** Hours of service records that began in the period (decimal string). */
  readonly serviceHours: string;
}

export interface SemiannualVolunteer {
  /** Distinct person (ID number). */
  readonly key: string;
  readonly sex: '男' | '女';
  readonly birthDate: string;
  readonly education: string;
  readonly occupation: string;
  readonly indigenous: boolean;
  readonly foreigner: boolean;
  readonly hasRecordBook: boolean;
  readonly insured: boolean;
  readonly memberships: readonly { readonly unitId: number; readonly joinedOn: string | null }[];
  /** The earliest service-hour record's start (any time; only one on or before the period end counts). */
  readonly firstServiceOn: string | null;
}

/** Training records, possibly grouped by the caller (attendances = records, hours = their sum). */
export interface SemiannualTraining {
  /** 登錄單位: a unit, or null for the 主管機關 itself. */
  readonly unitId: number | null;
  readonly courseType: string;
  /** 開課單位 (decides the form's 訓練情形 row). */
  readonly organizer: string;
  readonly startOn: string;
  readonly attendances: number;
  readonly hours: string;
}

export interface SemiannualService {
  readonly unitId: number | null;
  readonly startOn: string;
  readonly hours: string;
}

export interface SemiannualInput {
  /** Gregorian year. */
  readonly year: number;
  readonly half: 1 | 2;
  readonly units: UnitDirectory;
  readonly volunteers: readonly SemiannualVolunteer[];
  readonly trainings: readonly SemiannualTraining[];
  readonly services?: readonly SemiannualService[];
}

export interface SemiannualUnitReport {
  /** null: the 主管機關 (everything). */
  readonly unitId: number | null;
  readonly name: string;
  readonly level: UnitLevel | 'authority';
  readonly path: string;
  readonly figures: SemiannualFigures;
}

export interface SemiannualReport {
  readonly year: number;
  readonly rocYear: number;
  readonly half: 1 | 2;
  readonly start: string;
  readonly end: string;
  /** The 主管機關 first, then every unit in tree order. */
  readonly units: readonly SemiannualUnitReport[];
  /** 學歷 / 現職 values that no keyword placed, with how many volunteers have them (to fix the data). */
  readonly unmapped: { readonly education: Readonly<Record<string, number>>; readonly occupation: Readonly<Record<string, number>> };
}

export const periodOf = (year: number, half: 1 | 2): { start: string; end: string } => ({
  start: `${year}-${half === 1 ? '01-01' : '07-01'}`,
  end: `${year}-${half === 1 ? '06-30' : '12-31'}`,
});

const add = (c: SexCount, sex: '男' | '女'): void => {
  if (sex === '男') c.male += 1;
  else c.female += 1;
};

const emptyFigures = (): SemiannualFigures => ({
  total: zero(),
  age: table(AGE_BANDS),
  education: table(EDUCATION_LEVELS),
  educationUnmapped: zero(),
  indigenous: zero(),
  serviceYears: table(YEARS_BANDS),
  serviceYearsUnknown: zero(),
  identity: table(IDENTITIES),
  identityUnmapped: zero(),
  foreigners: zero(),
  recordBook: zero(),
  insured: zero(),
  training: { attendances: 0, sessions: '0' },
  trainingByCategory: Object.fromEntries(TRAINING_CATEGORIES.map((c) => [c, { attendances: 0, sessions: '0' }])) as Record<TrainingCategory, TrainingFigures>,
  trainingByType: {},
  serviceHours: '0',
});

interface Profile {
  readonly v: SemiannualVolunteer;
  readonly age: AgeBand;
  readonly education: EducationLevel | null;
  readonly years: YearsBand | null;
  readonly identity: Identity | null;
}

const countPerson = (f: SemiannualFigures, p: Profile): void => {
  const sex = p.v.sex;
  add(f.total, sex);
  add(f.age[p.age], sex);
  if (p.education === null) add(f.educationUnmapped, sex);
  else add(f.education[p.education], sex);
  if (p.v.indigenous) add(f.indigenous, sex);
  if (p.years === null) add(f.serviceYearsUnknown, sex);
  else add(f.serviceYears[p.years], sex);
  add(f.identity[p.identity ?? '其他'], sex);
  if (p.identity === null) add(f.identityUnmapped, sex);
  if (p.v.foreigner) add(f.foreigners, sex);
  if (p.v.hasRecordBook) add(f.recordBook, sex);
  if (p.v.insured) add(f.insured, sex);
};

const plus = (a: string, b: string): string => new Decimal(a).plus(b).toFixed();

export const semiannualReport = (input: SemiannualInput): SemiannualReport => {
  const { start, end } = periodOf(input.year, input.half);
  const dir = input.units;
  const unmapped = { education: {} as Record<string, number>, occupation: {} as Record<string, number> };
  // each volunteer once: the units they are counted in, and their profile at the period end
  const profiles: { profile: Profile; unitIds: number[] }[] = [];
  for (const v of input.volunteers) {
    const current = v.memberships.filter((m) => m.joinedOn === null || m.joinedOn <= end);
    if (current.length === 0) continue;
    const { serviceStart } = serviceStartOf([v.firstServiceOn], current.map((m) => m.joinedOn), end);
    const education = educationLevel(v.education);
    const identity = identityOf(v.occupation);
    if (education === null) unmapped.education[v.education] = (unmapped.education[v.education] ?? 0) + 1;
    if (identity === null) unmapped.occupation[v.occupation] = (unmapped.occupation[v.occupation] ?? 0) + 1;
    profiles.push({
      profile: {
        v,
        age: ageBandOf(completedYears(v.birthDate, end)),
        education,
        years: serviceStart === null ? null : yearsBandOf(completedYears(serviceStart, end)),
        identity,
      },
      unitIds: current.map((m) => m.unitId),
    });
  }
  const inPeriod = (d: string): boolean => d >= start && d <= end;
  const trainings = input.trainings
    .filter((t) => inPeriod(t.startOn))
    .map((t) => {
      const unit = dir.resolve(t.organizer);
      return { ...t, category: trainingCategoryOf(t.organizer, unit.ok && unit.unitId !== null) };
    });
  const services = (input.services ?? []).filter((s) => inPeriod(s.startOn));

  const figuresFor = (unitId: number | null): SemiannualFigures => {
    const f = emptyFigures();
    const subtree = unitId === null ? null : dir.subtree(unitId);
    const inside = (id: number | null): boolean => subtree === null || (id !== null && subtree.has(id));
    for (const { profile, unitIds } of profiles) if (unitIds.some(inside)) countPerson(f, profile);
    for (const t of trainings) {
      if (!inside(t.unitId)) continue;
      f.training.attendances += t.attendances;
      f.training.sessions = plus(f.training.sessions, t.hours);
      const byCategory = f.trainingByCategory[t.category];
      byCategory.attendances += t.attendances;
      byCategory.sessions = plus(byCategory.sessions, t.hours);
      const byType = (f.trainingByType[t.courseType] ??= { attendances: 0, sessions: '0' });
      byType.attendances += t.attendances;
      byType.sessions = plus(byType.sessions, t.hours);
    }
    let hours = new Decimal(0);
    for (const s of services) if (inside(s.unitId)) hours = hours.plus(s.hours);
    return { ...f, serviceHours: hours.toFixed() };
  };

  const units: SemiannualUnitReport[] = [
    { unitId: null, name: dir.rootName, level: 'authority', path: dir.rootName, figures: figuresFor(null) },
    ...dir.treeOrder().map((u) => ({ unitId: u.id, name: u.name, level: u.level, path: dir.pathText(u.id), figures: figuresFor(u.id) })),
  ];
  return { year: input.year, rocYear: rocYearOfGregorian(input.year), half: input.half, start, end, units, unmapped };
};
