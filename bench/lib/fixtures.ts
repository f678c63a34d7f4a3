// Realistic, clean workbooks of any size for the benchmarks, generated through the real template writer.
// Cash book: a repeating 20-entry cycle modelled on the seed's clean December book (CASHBOOK_ENTRIES): dates increase over
// the year, vouchers are unique, each cycle receives 分配款 before it spends, keeps 教育訓練 ≥ 40 % and 行政事務費 ≤ 10 % of
// it, and leaves every account higher than it found it, so no balance ever goes negative and no rule fires.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Fill, type FillValue } from '../../shared-rules/src/testing/snapshot-builder';
import { APPLICATION_EXAMPLE, CASHBOOK_EXAMPLE, EXAMPLE_UBN, makeRoster } from '../../shared-rules/src/testing/seed-examples';
import { writeTemplate, type CellInput, type FillValues } from '@portfund/templates';

type Entry = [number, number, string, string, string, string, undefined, string | undefined, number, string | undefined, string];

/** One step of the cycle: 字, 項目, 號, 摘要(二) (a `*` is replaced by a person's name), base amount, 動支類別, 動支帳戶. */
type Step = readonly [string, string, string, string | undefined, number, string | undefined, string];

const CYCLE: readonly Step[] = [
  ['收', '年度收入', '1', '分配款', 100000, '分配款', '專戶存款1'],
  ['轉', '動支存款', '2', '提撥零用金', 35000, undefined, '專戶存款1'],
  ['支', '1、教育訓練', '1-4', '研習會場地', 20000, '分配款', '專戶存款1'],
  ['支', '1、教育訓練', '1-6', '研習會餐費', 15000, '分配款', '零用金'],
  ['支', '1、教育訓練', '1-1', '研習會講師', 10000, '分配款', '專戶存款1'],
  ['支', '6、行政事務費', '6-1', '辦公文具', 2000, '分配款', '零用金'],
  ['支', '3、職災保險或慰問金', '3-2-1', '*', 1100, '結餘款', '零用金'],
  ['支', '3、職災保險或慰問金', '3-2-2', '*', 2000, '結餘款', '零用金'],
  ['收', '年度收入', '3', '活期利息', 37, '利息收入', '專戶存款1'],
  ['支', '5、會員福利', '5-4', '五一勞動節禮品', 8000, '分配款', '專戶存款1'],
  ['轉', '動支存款', '1', '轉存定期存款', 20000, undefined, '專戶存款1'],
  ['收', '年度收入', '2', '定存利息', 150, '利息收入', '專戶存款1'],
  ['轉', '動支存款', '3', '定存解約', 10000, undefined, '專戶存款1'],
  ['轉', '動支存款', '5', '轉入專戶2', 5000, undefined, '專戶存款1'],
  ['支', '2、急難救助', '2-1', '*', 3000, '結餘款', '專戶存款2'],
  ['收', '年度收入', '4', '繳回款', 500, '其他收入', '專戶存款2'],
  ['支', '4、退休', '4-1', '*', 6000, '分配款', '零用金'],
  ['支', '1、教育訓練', '1-8', '講座茶點', 3000, '分配款', '零用金'],
  ['支', '6、行政事務費', '6-2', '交通費', 1500, '分配款', '零用金'],
  ['支', '1、教育訓練', '1-10', '平安保險', 1000, '分配款', '零用金'],
];

const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '洪', '郭'];
const GIVEN = ['志明', '淑芬', '建宏', '美玲', '俊傑', '雅婷', '家豪', '怡君', '冠宇', '佩珊', '宗翰', '欣怡', '承恩', '詩涵'];
/** 210 names, so no person nears a per-person cap even in 20,000 entries. */
const personName = (i: number): string => `${SURNAMES[i % SURNAMES.length] ?? '陳'}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? '志明'}`;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]; // ROC 115 = 2026, not a leap year

/** Month and day of the 0-based day of the year. */
const monthDay = (dayOfYear: number): [number, number] => {
  let d = dayOfYear;
  for (let m = 0; m < 12; m += 1) {
    const days = MONTH_DAYS[m] ?? 31;
    if (d < days) return [m + 1, d + 1];
    d -= days;
  }
  return [12, 31];
};

/** n clean entries spread evenly over the year, in date order. */
export const cashbookEntries = (n: number): Entry[] => {
  let person = 0;
  return Array.from({ length: n }, (_, i) => {
    const step = CYCLE[i % CYCLE.length];
    if (step === undefined) throw new Error('unreachable');
    const [zi, item, no, note, base, category, account] = step;
    // amounts vary a little from cycle to cycle, by the same factor within one cycle so its proportions hold
    const factor = 1 + (Math.floor(i / CYCLE.length) % 5) / 10;
    const [month, day] = monthDay(Math.floor((i * 365) / n));
    const text = note === '*' ? personName(person++) : note;
    return [month, day, zi, String(i + 1), item, no, undefined, text, Math.round(base * factor), category, account];
  });
};

/** The seed-example fill (snapshot-builder values) as template fill values: only strings, numbers and nulls occur there. */
export const toFillValues = (fill: Fill): FillValues => {
  const one = (v: FillValue, name: string): CellInput | undefined => {
    if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number') return v;
    throw new Error(`fixtures: ${name} holds a ${typeof v} value, which a template cannot be filled with`);
  };
  return Object.fromEntries(
    Object.entries(fill).map(([name, value]) => {
      if (Array.isArray(value)) return [name, (value as readonly (readonly FillValue[])[]).map((row) => row.map((v) => one(v, name)))];
      return [name, one(value as FillValue, name) ?? null];
    }),
  );
};

export interface Fixture {
  readonly label: string;
  readonly kind: 'cashbook' | 'application';
  /** Data rows filled: cash-book entries or roster members. */
  readonly rows: number;
  /** Rows the template's table has (≥ rows; the cash book has at least 3,000). */
  readonly templateRows: number;
  readonly path: string;
  readonly bytes: Buffer;
  /** Milliseconds to generate (not part of any measurement). */
  readonly generateMs: number;
}

const YEAR = 115;

/** Writes `dir/<label>/<the SPEC §5 file name>` so the file.name rule is satisfied. */
const save = async (dir: string, label: string, fileName: string, bytes: Buffer): Promise<string> => {
  await mkdir(join(dir, label), { recursive: true });
  const path = join(dir, label, fileName);
  await writeFile(path, bytes);
  return path;
};

export const makeCashbook = async (dir: string, entries: number): Promise<Fixture> => {
  const start = performance.now();
  const templateRows = Math.max(entries, 3000);
  const bytes = await writeTemplate('cashbook', {
    year: YEAR,
    ubn: EXAMPLE_UBN,
    entryRows: templateRows,
    fill: toFillValues({ ...CASHBOOK_EXAMPLE, cb_period: 12, cb_entries: cashbookEntries(entries) }),
  });
  const label = `cashbook-${entries}`;
  const path = await save(dir, label, `${YEAR}12_${EXAMPLE_UBN}_accounting.xlsx`, bytes);
  return { label, kind: 'cashbook', rows: entries, templateRows, path, bytes, generateMs: performance.now() - start };
};

export const makeApplication = async (dir: string, members: number): Promise<Fixture> => {
  const start = performance.now();
  const bytes = await writeTemplate('application', {
    year: YEAR,
    ubn: EXAMPLE_UBN,
    rosterRows: members,
    fill: toFillValues({ ...APPLICATION_EXAMPLE, app_members: members, roster_rows: makeRoster(members) }),
  });
  const label = `application-${members}`;
  const path = await save(dir, label, `${YEAR}_${EXAMPLE_UBN}_application.xlsx`, bytes);
  return { label, kind: 'application', rows: members, templateRows: members, path, bytes, generateMs: performance.now() - start };
};
