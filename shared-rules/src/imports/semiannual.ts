// 半年報 (seed 003 半年報填報 「志願服務志工人數及服務成果」; SPEC §8): H1 = 1/1–6/30, H2 = 7/1–12/31 of a year, per unit
// and rolled up the hierarchy (a unit counts every volunteer of its subtree once). Computed from the registry only.
//
// Decisions (SPEC leaves them open):
// - a volunteer counts in a unit when one of their memberships there has 加入日期 on or before the period end (or none);
// - ages and service years are whole years completed at the period end (see eligibility.ts for anniversaries);
// - 服務年資 bands are lower-bound inclusive, upper-bound exclusive, as the seed's labels say: 未滿1年 = 0,
//   1年以上未滿3年 = 1–2, 3年以上未滿5年 = 3–4, 5年以上未滿10年 = 5–9, 10年以上 = 10+ completed years; the service start is
//   the earlier of the first service-hour record and 加入日期; with neither the volunteer is counted as 年資不明;
// - 教育程度 maps the free-text 學歷 by keywords (educationLevel); unmapped values are counted apart and listed;
// - 身分別 are the seed form's categories, mapped from 現職 (identityOf); unmapped values count as 其他 and are listed;
// - 志工保險人數: 投保狀態 已加保 or 待退保 (the registry's current state: the import has no insurance history);
// - training 人次 = training records whose 課程起始日期 is in the period, attributed to their 登錄單位; 節數 = their hours.
import { Decimal } from 'decimal.js';
import { completedYears } from './eligibility';
import { type UnitDirectory, type UnitLevel } from './units';

export const AGE_BANDS = ['未滿12歲', '12-17歲', '18-29歲', '30-49歲', '50-54歲', '55-64歲', '65歲以上'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const EDUCATION_LEVELS = ['國中及以下', '高中(高職)', '大專', '研究所'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const YEARS_BANDS = ['未滿1年', '1年以上未滿3年', '3年以上未滿5年', '5年以上未滿10年', '10年以上'] as const;
export type YearsBand = (typeof YEARS_BANDS)[number];

/** The seed form's 按身分別分 rows, in its order. */
export const IDENTITIES = ['公教人員_現職', '工商界人士', '家庭管理', '其他', '公教人員_已退休', '退休人員', '學生'] as const;
export type Identity = (typeof IDENTITIES)[number];

export const ageBandOf = (age: number): AgeBand =>
  age < 12 ? '未滿12歲' : age < 18 ? '12-17歲' : age < 30 ? '18-29歲' : age < 50 ? '30-49歲' : age < 55 ? '50-54歲' : age < 65 ? '55-64歲' : '65歲以上';

export const yearsBandOf = (years: number): YearsBand =>
  years < 1 ? '未滿1年' : years < 3 ? '1年以上未滿3年' : years < 5 ? '3年以上未滿5年' : years < 10 ? '5年以上未滿10年' : '10年以上';

// Highest level first, so 「大學研究所」 is 研究所 and 「高中(高職)」 is not 國中.
const EDUCATION_PATTERNS: readonly (readonly [EducationLevel, RegExp])[] = [
  ['研究所', /研究所|碩士|博士|碩專|master|ph\.?d|doctor|graduate/i],
  ['大專', /大學|大專|專科|學院|學士|二技|四技|五專|二專|三專|科大|bachelor|college|university/i],
  ['高中(高職)', /高中|高職|高級中學|高級職業|高商|高工|高農|高家|職校|senior\s*high|high\s*school/i],
  ['國中及以下', /國中|初中|國民中學|國小|小學|國民小學|不識字|識字|自修|未就學|幼稚園|幼兒園|junior\s*high|elementary|primary/i],
];

/** 學歷 text → 教育程度 of the form, or null when no keyword matches. */
export const educationLevel = (text: string): EducationLevel | null => {
  const t = text.normalize('NFKC');
  return EDUCATION_PATTERNS.find(([, re]) => re.test(t))?.[0] ?? null;
};

const PUBLIC_SERVICE = /軍公教|公教|公務|公職|教師|教職|教授|老師|軍人|軍職|警察|警職|消防員/;
const IDENTITY_PATTERNS: readonly (readonly [Identity, (t: string) => boolean])[] = [
  ['公教人員_已退休', (t) => /退休|退伍|退職/.test(t) && (PUBLIC_SERVICE.test(t) || /^(?:軍|公|教|警)/.test(t))],
  ['退休人員', (t) => /退休|退伍|退職/.test(t)],
  ['學生', (t) => /學生|在學|就學|研究生/.test(t)],
  ['家庭管理', (t) => /家管|家庭管理|家庭主婦|主婦|家務|持家/.test(t)],
  ['公教人員_現職', (t) => PUBLIC_SERVICE.test(t)],
  ['其他', (t) => /^(?:其他|其它|無)$|待業|無業|失業|無工作/.test(t)],
  ['工商界人士', (t) => /工商|商|工|服務業|自營|自由業|農|林|漁|牧|醫|護理|金融|資訊|科技|製造|營造|建築|上班|職員|員工|技術|專業|業務|經理|老闆|企業|公司/.test(t)],
];

/** 現職 text → 身分別 of the form, or null when it cannot be placed (then counted as 其他 and listed). */
export const identityOf = (occupation: string): Identity | null => {
  const t = occupation.normalize('NFKC').replace(/\s+/g, '');
  return IDENTITY_PATTERNS.find(([, test]) => test(t))?.[0] ?? null;
};

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
    const starts = [v.firstServiceOn, ...current.map((m) => m.joinedOn)].filter((d): d is string => d !== null && d <= end).sort();
    const serviceStart = starts[0];
    const education = educationLevel(v.education);
    const identity = identityOf(v.occupation);
    if (education === null) unmapped.education[v.education] = (unmapped.education[v.education] ?? 0) + 1;
    if (identity === null) unmapped.occupation[v.occupation] = (unmapped.occupation[v.occupation] ?? 0) + 1;
    profiles.push({
      profile: {
        v,
        age: ageBandOf(completedYears(v.birthDate, end)),
        education,
        years: serviceStart === undefined ? null : yearsBandOf(completedYears(serviceStart, end)),
        identity,
      },
      unitIds: current.map((m) => m.unitId),
    });
  }
  const inPeriod = (d: string): boolean => d >= start && d <= end;
  const trainings = input.trainings.filter((t) => inPeriod(t.startOn));
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
  return { year: input.year, rocYear: input.year - 1911, half: input.half, start, end, units, unmapped };
};
