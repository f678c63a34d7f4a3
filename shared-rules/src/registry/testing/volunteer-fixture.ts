// A registry of 50 volunteers chosen to hit every 半年報 band edge and every eligibility threshold edge on 2025-06-30
// (the end of 2025 H1 = 民國 114 年上半年), with the expected figures and lists computed BY HAND (not by the code under
// test). Used by the pure tests and, written out as CSV/XLSX import files, by the server tests.
import { type CellValue } from '../../snapshot/types';
import { IMPORT_COLUMNS, type ImportKind } from '../columns';
import { testId } from './ids';

export const FIXTURE_ROOT = '臺中市政府勞工局';
export const AS_OF = '2025-06-30';

/** The units: 社會局 > 八德區公所 > 社福志工隊 > 第一小隊, 社會局 > 南區老人文康中心, 環保局 > 清潔隊. */
export const UNIT_ROWS: readonly (readonly [string, string | null, string | null, string | null])[] = [
  ['社會局', '八德區公所', '社福志工隊', '第一小隊'],
  ['社會局', '南區老人文康中心', null, null],
  ['環保局', '清潔隊', null, null],
];

/** The same as UnitNodes (ids as the pure tests use them). */
export const UNIT_NODES = [
  { id: 1, parentId: null, level: 'agency', name: '社會局' },
  { id: 2, parentId: 1, level: 'operator', name: '八德區公所' },
  { id: 3, parentId: 2, level: 'team', name: '社福志工隊' },
  { id: 4, parentId: 3, level: 'squad', name: '第一小隊' },
  { id: 5, parentId: 1, level: 'operator', name: '南區老人文康中心' },
  { id: 6, parentId: null, level: 'agency', name: '環保局' },
  { id: 7, parentId: 6, level: 'operator', name: '清潔隊' },
] as const;

/** S 第一小隊, T 社福志工隊, B 八德區公所, N 南區老人文康中心, C 清潔隊. */
export type UnitCode = 'S' | 'T' | 'B' | 'N' | 'C';
export const UNIT_OF: Readonly<Record<UnitCode, { id: number; name: string; columns: readonly [string, string | null, string | null] }>> = {
  S: { id: 4, name: '第一小隊', columns: ['八德區公所', '社福志工隊', '第一小隊'] },
  T: { id: 3, name: '社福志工隊', columns: ['八德區公所', '社福志工隊', null] },
  B: { id: 2, name: '八德區公所', columns: ['八德區公所', null, null] },
  N: { id: 5, name: '南區老人文康中心', columns: ['南區老人文康中心', null, null] },
  C: { id: 7, name: '清潔隊', columns: ['清潔隊', null, null] },
};

export interface FixtureTraining {
  readonly type: '基礎' | '特殊' | '在職' | '成長' | '其他';
  readonly hours: string;
  readonly start: string;
  readonly end: string;
  /** 登錄單位: a unit code or the 主管機關 itself. */
  readonly unit: UnitCode | 'ROOT';
  /** 開課單位 (default the 推廣中心: a 推廣訓練); a registry unit makes it 團體訓練, anyone else 其他推廣訓練. */
  readonly organizer?: string;
}

export interface FixtureVolunteer {
  readonly n: number;
  readonly name: string;
  readonly sex: '男' | '女';
  /** A 2021 resident certificate (是否為外國人 是). */
  readonly foreigner?: boolean;
  readonly birth: string;
  readonly education: string;
  readonly occupation: string;
  readonly indigenous?: boolean;
  readonly recordBook?: string;
  readonly honorCard?: string;
  readonly insurance?: string;
  readonly units: readonly { readonly unit: UnitCode; readonly joined: string | null }[];
  readonly trainings?: readonly FixtureTraining[];
  readonly services?: readonly { readonly hours: string; readonly start: string; readonly end: string }[];
}

const j = (unit: UnitCode, joined: string | null) => [{ unit, joined }];
const svc = (hours: string, start: string, end: string) => [{ hours, start, end }];

// Ages, years and hours are as of 2025-06-30 (comments give the hand-computed value).
export const VOLUNTEERS: readonly FixtureVolunteer[] = [
  // ages at every band edge (all joined 2023-01-01: 2 years of service)
  { n: 1, name: '陳志明', sex: '男', birth: '2013-07-01', education: '國小', occupation: '學生', insurance: '已加保', units: j('S', '2023-01-01'), trainings: [{ type: '成長', hours: '3', start: '2025-03-01', end: '2025-03-01', unit: 'B' }] }, // 11
  { n: 2, name: '林淑芬', sex: '女', birth: '2013-06-30', education: '國小', occupation: '學生', units: j('S', '2023-01-01') }, // 12
  { n: 3, name: '黃建宏', sex: '男', birth: '2007-07-01', education: '國中', occupation: '學生', units: j('T', '2023-01-01') }, // 17
  { n: 4, name: '張雅婷', sex: '女', birth: '2007-06-30', education: '高中', occupation: '學生', units: j('T', '2023-01-01') }, // 18
  { n: 5, name: '李俊傑', sex: '男', birth: '1995-07-01', education: '大學', occupation: '工商業', units: j('B', '2023-01-01'), trainings: [{ type: '在職', hours: '2', start: '2025-02-01', end: '2025-02-01', unit: 'C', organizer: '清潔隊' }] }, // 29
  { n: 6, name: '王美玲', sex: '女', birth: '1995-06-30', education: '碩士', occupation: '教師', insurance: '已加保', units: j('B', '2023-01-01'), trainings: [{ type: '其他', hours: '1.5', start: '2025-07-01', end: '2025-07-01', unit: 'B' }] }, // 30
  { n: 7, name: '吳宗翰', sex: '男', birth: '1975-07-01', education: '大學', occupation: '公務人員', units: j('N', '2023-01-01'), trainings: [{ type: '成長', hours: '4', start: '2025-04-01', end: '2025-04-01', unit: 'ROOT', organizer: '臺中市志願服務協會' }] }, // 49
  { n: 8, name: '劉怡君', sex: '女', birth: '1975-06-30', education: '高職', occupation: '家管', indigenous: true, units: j('N', '2023-01-01') }, // 50
  { n: 9, name: '蔡承恩', sex: '男', birth: '1970-07-01', education: '博士', occupation: '工商業', units: j('C', '2023-01-01') }, // 54
  { n: 10, name: '楊惠如', sex: '女', birth: '1970-06-30', education: '專科', occupation: '家管', insurance: '待退保', units: j('C', '2023-01-01') }, // 55
  { n: 11, name: '許文雄', sex: '男', birth: '1960-07-01', education: '國民中學', occupation: '退休', units: j('S', '2023-01-01') }, // 64
  { n: 12, name: '鄭秀英', sex: '女', birth: '1960-06-30', education: '不詳', occupation: '退休', units: j('T', '2023-01-01') }, // 65
  { n: 13, name: '謝金龍', sex: '男', birth: '1940-01-01', education: '國小', occupation: '退休公務員', insurance: '已退保', units: j('B', '2023-01-01') }, // 85
  { n: 14, name: '郭佩珊', sex: '女', birth: '2012-02-29', education: '國小', occupation: '學生', units: j('N', '2023-01-01') }, // 13
  // eligibility edges
  {
    n: 15, name: '洪淑惠', sex: '女', birth: '1980-03-10', education: '大學', occupation: '家管', recordBook: 'RB15', units: j('S', '2022-06-30'),
    trainings: [{ type: '基礎', hours: '6', start: '2024-01-10', end: '2024-01-10', unit: 'S' }, { type: '特殊', hours: '6', start: '2024-02-10', end: '2024-02-10', unit: 'S' }],
    services: svc('300', '2022-07-01', '2024-12-31'),
  }, // 2 y: the first service (2022-07-01) counts, not 加入日期 (2022-06-30); 300 h
  {
    n: 16, name: '邱冠宇', sex: '男', birth: '1985-05-05', education: '大學', occupation: '工商業', recordBook: 'RB16', units: j('S', '2022-07-01'),
    trainings: [{ type: '基礎', hours: '5.5', start: '2024-01-10', end: '2024-01-10', unit: 'S' }, { type: '特殊', hours: '6', start: '2024-02-10', end: '2024-02-10', unit: 'S' }],
    services: svc('300', '2022-07-01', '2024-12-31'),
  }, // 2 y, 300 h; 基礎 5.5
  {
    n: 17, name: '曾詩涵', sex: '女', birth: '1990-01-01', education: '專科', occupation: '服務業', recordBook: 'RB17', units: j('T', '2022-06-30'),
    trainings: [{ type: '基礎', hours: '6', start: '2024-01-10', end: '2024-01-10', unit: 'S' }],
    services: svc('299.5', '2023-01-01', '2024-12-31'),
  }, // 2 y (first service 2023-01-01; 加入日期 2022-06-30 does not count), 299.5 h; 特殊 0
  {
    n: 18, name: '賴志豪', sex: '男', birth: '1970-06-15', education: '高中', occupation: '退休', recordBook: 'RB18', honorCard: 'HC18', insurance: '已加保', units: j('T', '2019-06-30'),
    trainings: [{ type: '基礎', hours: '6', start: '2019-05-01', end: '2019-05-01', unit: 'S' }, { type: '特殊', hours: '6', start: '2019-05-02', end: '2019-05-02', unit: 'S' }],
    services: svc('1800', '2019-06-30', '2025-06-30'),
  }, // 6 y, 1800 h
  { n: 19, name: '周美惠', sex: '女', birth: '1965-02-02', education: '高職', occupation: '家管', recordBook: 'RB19', units: j('B', '2019-06-30'), services: svc('1799', '2019-06-30', '2025-06-30') }, // 6 y
  { n: 20, name: '徐國華', sex: '男', birth: '1960-12-12', education: '國中', occupation: '退休公務員', recordBook: 'RB20', units: j('B', '2020-06-30'), services: svc('1800', '2020-06-30', '2025-06-30') }, // 5 y
  { n: 21, name: '孫麗華', sex: '女', birth: '1975-01-01', education: '大學', occupation: '教師', recordBook: 'RB21', units: j('N', '2023-06-30'), services: svc('600', '2023-06-30', '2025-06-30') }, // 2 y
  { n: 22, name: '馬家豪', sex: '男', birth: '1980-01-01', education: '碩士', occupation: '工商業', recordBook: 'RB22', units: j('N', '2024-06-30'), services: svc('600', '2024-06-30', '2025-06-30') }, // 1 y
  { n: 23, name: '朱秀琴', sex: '女', birth: '1955-01-01', education: '國小', occupation: '家管', recordBook: 'RB23', units: j('C', '2015-06-30'), services: svc('1599', '2015-06-30', '2025-06-30') }, // 10 y
  { n: 24, name: '胡正雄', sex: '男', birth: '1950-01-01', education: '高中', occupation: '公司退休', units: j('C', '2015-06-30'), services: svc('2000', '2015-06-30', '2025-06-30') }, // 10 y, no 紀錄冊; 退休人員, not 公教
  { n: 25, name: '高淑貞', sex: '女', birth: '1960-06-01', education: '大學', occupation: '退休教師', recordBook: 'RB25', honorCard: 'HC25', units: j('T', '2010-01-01'), services: svc('8000', '2010-01-01', '2025-06-30') }, // 15 y
  { n: 26, name: '林建國', sex: '男', birth: '1962-03-03', education: '專科', occupation: '工商業', recordBook: 'RB26', units: j('T', '2015-01-01'), services: svc('4999.5', '2015-01-01', '2025-06-30') }, // 10 y
  { n: 27, name: '何美珠', sex: '女', birth: '1966-04-04', education: '高中', occupation: '家管', recordBook: 'RB27', units: j('S', '2016-01-01'), services: svc('2999', '2016-01-01', '2025-06-30') }, // 9 y
  { n: 28, name: '羅志偉', sex: '男', birth: '1968-05-05', education: '大學', occupation: '工商業', recordBook: 'RB28', units: j('S', '2018-01-01'), services: svc('2500', '2018-01-01', '2025-06-30') }, // 7 y
  { n: 29, name: '梁雅惠', sex: '女', birth: '1972-06-06', education: '高職', occupation: '社工', recordBook: 'RB29', units: j('B', '2018-01-01'), services: svc('1999', '2018-01-01', '2025-06-30') }, // 7 y; 現職 社工 is in no 身分別 list
  { n: 30, name: '宋明德', sex: '男', birth: '1974-07-07', education: '大學', occupation: '工商業', recordBook: 'RB30', units: j('B', '2018-01-01'), services: svc('1500', '2018-01-01', '2025-06-30') }, // 7 y
  { n: 31, name: '唐靜宜', sex: '女', birth: '1976-08-08', education: '大學', occupation: '家管', recordBook: 'RB31', units: j('N', '2018-01-01'), services: svc('1499', '2018-01-01', '2025-06-30') }, // 7 y
  { n: 32, name: '許家銘', sex: '男', birth: '1978-09-09', education: '大學', occupation: '工商業', units: j('N', '2024-06-30'), services: svc('150', '2024-06-30', '2025-06-30') }, // 1 y, 150 h
  { n: 33, name: '韓佳蓉', sex: '女', birth: '1979-10-10', education: '大學', occupation: '家管', units: j('C', '2024-06-30'), services: svc('149.5', '2024-06-30', '2025-06-30') }, // 1 y, 149.5 h
  { n: 34, name: '馮俊宏', sex: '男', birth: '1981-11-11', education: '大學', occupation: '工商業', units: j('C', '2024-07-01'), services: svc('150', '2024-07-01', '2025-06-30') }, // 0 y, 150 h
  {
    n: 35, name: '董怡萱', sex: '女', birth: '1985-12-12', education: '高中', occupation: '家管', units: j('S', '2024-01-01'),
    trainings: [{ type: '基礎', hours: '6', start: '2025-06-30', end: '2025-07-01', unit: 'S' }, { type: '特殊', hours: '6', start: '2025-01-05', end: '2025-01-05', unit: 'S' }],
    services: svc('200', '2025-06-01', '2025-07-02'),
  }, // 基礎 and the hours end after the day: not counted yet; 0 y (first service 2025-06-01, not 加入日期 2024-01-01)
  // service-year edges
  { n: 36, name: '蕭志遠', sex: '男', birth: '1990-02-02', education: '大學', occupation: '其他', units: j('T', '2024-07-01') }, // 0 y
  { n: 37, name: '程美君', sex: '女', birth: '1991-03-03', education: '大學', occupation: '其他', units: j('T', '2024-06-30') }, // 1 y
  { n: 38, name: '曹家瑋', sex: '男', birth: '1992-04-04', education: '高中', occupation: '志願服務', units: j('B', '2022-07-01') }, // 2 y
  { n: 39, name: '袁欣怡', sex: '女', birth: '1993-05-05', education: '高中', occupation: '志願服務', units: j('B', '2022-06-30') }, // 3 y
  { n: 40, name: '鄧宏志', sex: '男', birth: '1988-06-06', education: '專科', occupation: '工商業', units: j('N', '2020-07-01') }, // 4 y
  { n: 41, name: '許雅雯', sex: '女', birth: '1987-07-07', education: '專科', occupation: '家管', units: j('N', '2020-06-30') }, // 5 y
  { n: 42, name: '傅建中', sex: '男', birth: '1986-08-08', education: 'Junior High School', occupation: '服務業', units: j('C', '2015-07-01') }, // 9 y
  { n: 43, name: '沈玉蘭', sex: '女', birth: '1984-09-09', education: '國中', occupation: '家管', units: j('C', '2015-06-30') }, // 10 y
  { n: 44, name: '彭國棟', sex: '男', birth: '1983-10-10', education: '高職', occupation: '工商業', units: j('S', null), services: svc('4', '2016-03-01', '2016-03-01') }, // 9 y (service only)
  { n: 45, name: '呂佳玲', sex: '女', birth: '1982-11-11', education: '高職', occupation: '家管', units: j('S', '2023-01-01'), services: svc('8', '2020-01-01', '2020-01-01') }, // 5 y (service before joining)
  { n: 46, name: '蘇文傑', sex: '男', birth: '1981-12-12', education: '大學', occupation: '工商業', units: j('T', null) }, // unknown
  { n: 47, name: '潘怡如', sex: '女', birth: '1980-01-02', education: '大學', occupation: '家管', units: j('T', '2025-07-01') }, // joins after the period
  { n: 48, name: '范德偉', sex: '男', foreigner: true, birth: '1979-02-03', education: '大學', occupation: '工商業', units: j('B', '2023-03-03') }, // 2 y
  { n: 49, name: '鍾曉薇', sex: '女', birth: '1978-03-04', education: '高中', occupation: '家管', indigenous: true, units: j('N', '2021-01-01') }, // 4 y
  { n: 50, name: '葉正宗', sex: '男', birth: '1977-04-05', education: '大學', occupation: '工商業', units: [{ unit: 'S', joined: '2019-01-01' }, { unit: 'C', joined: '2021-01-01' }] }, // 6 y, two units
];

export const idOf = (v: FixtureVolunteer): string => testId('B', v.foreigner === true ? 8 : v.sex === '男' ? 1 : 2, v.n);
const byN = (n: number): FixtureVolunteer => {
  const v = VOLUNTEERS.find((x) => x.n === n);
  if (v === undefined) throw new Error(`no volunteer ${n}`);
  return v;
};
export const nameOf = (n: number): string => byN(n).name;

// ── import tables (header + rows) ─────────────────────────────────────────────────────────────────────────────────────

export type ImportTable = readonly (readonly CellValue[])[];

const table = (kind: ImportKind, rows: readonly Readonly<Record<string, CellValue>>[]): ImportTable => {
  const headers = IMPORT_COLUMNS[kind].map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))];
};

export const unitsTable = (): ImportTable => table('units', UNIT_ROWS.map(([agency, operator, team, squad]) => ({ 目的機關: agency, 運用單位: operator, 志工隊: team, 志工小隊: squad })));

export const volunteersTable = (): ImportTable =>
  table(
    'volunteers',
    VOLUNTEERS.flatMap((v) =>
      v.units.map((u) => ({
        '身分證字號/居留證字號': idOf(v),
        中文姓名: v.name,
        性別: v.sex,
        生日: v.birth,
        手機號碼: '0912-345678',
        Email: `v${v.n}@example.com`,
        是否為原住民: v.indigenous === true ? '是' : '否',
        是否為外國人: v.foreigner === true ? '是' : '否',
        現職: v.occupation,
        學歷: v.education,
        運用單位: UNIT_OF[u.unit].columns[0],
        志工隊: UNIT_OF[u.unit].columns[1],
        志工小隊: UNIT_OF[u.unit].columns[2],
        紀錄冊號: v.recordBook ?? null,
        榮譽卡卡號: v.honorCard ?? null,
        加入日期: u.joined,
        投保狀態: v.insurance ?? null,
      })),
    ),
  );

export const trainingTable = (): ImportTable =>
  table(
    'training',
    VOLUNTEERS.flatMap((v) =>
      (v.trainings ?? []).map((t) => ({
        身分證字號: idOf(v),
        志工姓名: v.name,
        登錄單位: t.unit === 'ROOT' ? FIXTURE_ROOT : UNIT_OF[t.unit].name,
        課程類型: t.type,
        開課單位: t.organizer ?? '臺中市志願服務推廣中心',
        受訓時數: t.hours,
        課程名稱: `${t.type}訓練課程`,
        課程起始日期: t.start,
        課程結束日期: t.end,
        課程領域: 'C04',
      })),
    ),
  );

export const serviceTable = (): ImportTable =>
  table(
    'service_hours',
    VOLUNTEERS.flatMap((v) =>
      (v.services ?? []).map((s) => ({
        身分證字號: idOf(v),
        志工姓名: v.name,
        時數歸屬單位: UNIT_OF[v.units[0]?.unit ?? 'S'].name,
        時數類型: '一般志工',
        服務日期起: s.start,
        服務日期迄: s.end,
        服務項目: '社會福利服務',
        服務內容: '關懷訪視',
        服務時數: s.hours,
      })),
    ),
  );

// ── expected, computed by hand ────────────────────────────────────────────────────────────────────────────────────────

type MF = readonly [male: number, female: number];

export interface ExpectedFigures {
  readonly total: MF;
  readonly age: readonly MF[];
  readonly education: readonly MF[];
  readonly educationUnmapped: MF;
  readonly indigenous: MF;
  readonly serviceYears: readonly MF[];
  readonly serviceYearsUnknown: MF;
  readonly identity: readonly MF[];
  readonly identityUnmapped: MF;
  readonly foreigners: MF;
  readonly recordBook: MF;
  readonly insured: MF;
  readonly training: readonly [attendances: number, sessions: string];
  /** 團體訓練, 推廣訓練, 其他推廣訓練: [人次, 節數]. */
  readonly trainingByCategory: readonly (readonly [attendances: number, sessions: string])[];
  readonly serviceHours: string;
}

/** 2025 H1 for the whole local government: 49 volunteers (潘怡如 joins on 7/1; 葉正宗 counted once). */
export const EXPECTED_ROOT: ExpectedFigures = {
  total: [25, 24],
  // 未滿12, 12-17, 18-29, 30-49, 50-54, 55-64, 65以上
  age: [[1, 0], [1, 2], [1, 1], [13, 12], [2, 3], [5, 3], [2, 3]],
  // 國中及以下, 高中(高職), 大專, 研究所
  education: [[6, 4], [4, 9], [13, 9], [2, 1]],
  educationUnmapped: [0, 1],
  indigenous: [0, 2],
  // 未滿1年, 1-3, 3-5, 5-10, 10以上 (by the first service date: 洪淑惠 and 曾詩涵 1-3, 董怡萱 未滿1年)
  serviceYears: [[2, 1], [12, 12], [1, 2], [7, 6], [2, 3]],
  serviceYearsUnknown: [1, 0],
  // 公教人員_現職, 工商界人士, 家庭管理, 其他, 公教人員_已退休, 退休人員, 學生 (梁雅惠's 社工 and the two 志願服務 unmapped: 其他)
  identity: [[1, 2], [15, 1], [0, 13], [2, 3], [2, 1], [3, 1], [2, 3]],
  identityUnmapped: [1, 2],
  foreigners: [1, 0],
  recordBook: [7, 9],
  insured: [2, 2],
  // 董怡萱 基礎 6 + 特殊 6, 陳志明 成長 3, 李俊傑 在職 2, 吳宗翰 成長 4 (王美玲's starts 7/1)
  training: [5, '21'],
  // 李俊傑's by 清潔隊 (a unit); 董怡萱's and 陳志明's by the 推廣中心; 吳宗翰's by 臺中市志願服務協會 (other)
  trainingByCategory: [[1, '2'], [3, '15'], [1, '4']],
  serviceHours: '200',
};

/** 第一小隊: 陳志明, 林淑芬, 許文雄, 洪淑惠, 邱冠宇, 何美珠, 羅志偉, 董怡萱, 彭國棟, 呂佳玲, 葉正宗. */
export const EXPECTED_SQUAD: ExpectedFigures = {
  total: [6, 5],
  age: [[1, 0], [0, 1], [0, 0], [3, 3], [0, 0], [2, 1], [0, 0]],
  education: [[2, 1], [1, 3], [3, 1], [0, 0]],
  educationUnmapped: [0, 0],
  indigenous: [0, 0],
  // 洪淑惠 1-3 and 董怡萱 未滿1年 by their first service date
  serviceYears: [[0, 1], [3, 2], [0, 0], [3, 2], [0, 0]],
  serviceYearsUnknown: [0, 0],
  identity: [[0, 0], [4, 0], [0, 4], [0, 0], [0, 0], [1, 0], [1, 1]],
  identityUnmapped: [0, 0],
  foreigners: [0, 0],
  recordBook: [2, 2],
  insured: [1, 0],
  training: [2, '12'],
  trainingByCategory: [[0, '0'], [2, '12'], [0, '0']],
  serviceHours: '200',
};

/** Totals of the other units (roll-up: 社會局 = root − those only in 清潔隊). */
export const EXPECTED_TOTALS: Readonly<Record<string, MF>> = {
  社會局: [21, 20],
  環保局: [5, 4],
  清潔隊: [5, 4],
  第一小隊: [6, 5],
  // 社福志工隊 = its own 10 (潘怡如 not yet) + 第一小隊's 11
  社福志工隊: [11, 10],
};

/** Eligibility on 2025-06-30 of everyone: who qualifies (volunteer numbers, with the tier). */
export const EXPECTED_QUALIFIED: Readonly<Record<string, readonly (readonly [number, string | null])[]>> = {
  record_book: [[15, null], [18, null]],
  // 洪淑惠 (15) has 2 years from her first service, not 3 from 加入日期
  honor_card: [[18, null], [19, null], [20, null], [23, null], [25, null], [26, null], [27, null], [28, null], [29, null], [30, null], [31, null]],
  city_award: [[18, '金'], [19, '銀'], [20, '銀'], [21, '銅'], [23, '銅'], [25, '金'], [26, '金'], [27, '金'], [28, '金'], [29, '金'], [30, '銅'], [31, '銅']],
  central_national: [[25, '金'], [26, '銅']],
  central_welfare: [[18, '銅'], [19, '銅'], [20, '銅'], [23, '銅'], [25, '金'], [26, '金'], [27, '金'], [28, '金'], [29, '銅'], [30, '銅']],
  performance_certificate: [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32].map((n) => [n, null] as const),
};

/** What some of those who fall short are missing (award, volunteer, for tier, shortfall). */
export const EXPECTED_MISSING: readonly (readonly [string, number, string | null, Readonly<Record<string, unknown>>])[] = [
  ['record_book', 16, null, { basicHours: '0.5' }],
  ['record_book', 17, null, { specialHours: '6' }],
  ['record_book', 35, null, { basicHours: '6' }],
  ['honor_card', 15, null, { years: 1, yearsReachedOn: '2025-07-01' }],
  ['honor_card', 16, null, { years: 1, yearsReachedOn: '2025-07-01' }],
  ['honor_card', 17, null, { years: 1, yearsReachedOn: '2026-01-01', hours: '0.5' }],
  ['honor_card', 22, null, { years: 2, yearsReachedOn: '2027-06-30' }],
  ['honor_card', 24, null, { recordBook: true }],
  ['city_award', 22, '銅', { years: 1, yearsReachedOn: '2026-06-30' }],
  ['city_award', 15, '銅', { hours: '300' }],
  ['city_award', 24, '銅', { recordBook: true }],
  ['city_award', 19, '金', { hours: '1' }],
  ['city_award', 20, '金', { years: 1, yearsReachedOn: '2026-06-30' }],
  ['city_award', 23, '銀', { hours: '1' }],
  ['central_national', 26, '銀', { hours: '0.5' }],
  ['central_national', 27, '銅', { hours: '1' }],
  ['central_welfare', 29, '銀', { hours: '1' }],
  ['central_welfare', 31, '銅', { hours: '1' }],
  ['performance_certificate', 33, null, { hours: '0.5' }],
  ['performance_certificate', 34, null, { years: 1, yearsReachedOn: '2025-07-01' }],
  ['performance_certificate', 35, null, { years: 1, yearsReachedOn: '2026-06-01', hours: '150' }],
  // no service record: the years count from 加入日期, and the shortfall says so
  ['performance_certificate', 36, null, { years: 1, yearsReachedOn: '2025-07-01', yearsFromJoinDate: true, hours: '150' }],
];
