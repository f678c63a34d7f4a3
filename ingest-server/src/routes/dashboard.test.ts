// The 總覽 dashboard over real HTTP with real uploaded workbooks: which version counts (latest approved, else latest under
// review; returned never), completeness by quarter and local government, money by category and source, the ratios, the
// balances by quarter, the §1.3(一) list, scoping and the downloads — every figure computed here from the seed entries.
import { percentText } from '@portfund/shared-rules';
import { CASHBOOK_EXAMPLE_CLOSING, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { taipeiDate } from '@portfund/shared-rules';
import { dueDate } from '../services/deadlines';
import { readFile, writeFile } from 'node:fs/promises';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../../../test/helpers/libreoffice';
import { makeTempDir, removeDir } from '../../../test/helpers/temp-dir';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../testing/chromium';
import { CONSOLE_SHOTS, consoleScreenshots, signInOnPage } from '../testing/console-page';
import { call, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN, UNION_Y_UBN } from '../testing/test-server';
import { APPLICATION_EXAMPLE, applicationBytes, applicationName, CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE, cashbookBytes, cashbookName } from '../testing/workbooks';

const Y_NAME = '高雄市港區碼頭職業工會';
const Y_CB = { cb_ubn: UNION_Y_UBN, cb_union_name: Y_NAME };
const Y_APP = { app_ubn: UNION_Y_UBN, app_union_name: Y_NAME };
const Z_UBN = '04595252';
// X's Q2 version 2, never approved: an extra 行政事務費 of 50,000 — the approved version 1 counts, not this one
const WITH_ADMIN: readonly EntryRow[] = [
  ...CASHBOOK_ENTRIES.slice(0, 9),
  [6, 30, '支', '21', '6、行政事務費', '6-2', undefined, '交通費', 50000, '分配款', '專戶存款1'],
  ...CASHBOOK_ENTRIES.slice(9),
];

// ---- the expected figures, worked from the entries (index 2 kind, 4 category, 5 subject, 8 amount, 9 source, 10 account)
const upTo = (quarter: number): readonly EntryRow[] => CASHBOOK_ENTRIES.filter((e) => Number(e[0]) <= quarter * 3);
const amountOf = (e: EntryRow): number => Number(e[8]);
const sum = (entries: readonly EntryRow[], keep: (e: EntryRow) => boolean): number => entries.filter(keep).reduce((s, e) => s + amountOf(e), 0);
const groupOf = (e: EntryRow): string => {
  const subject = String(e[5]);
  return subject.startsWith('3-') ? subject.slice(0, 3) : (subject.split('-')[0] ?? '');
};
const SOURCE_KEY: Record<string, 'allocation' | 'interest' | 'surplus'> = { 分配款: 'allocation', 利息收入: 'interest', 結餘款: 'surplus', 其他收入: 'surplus' };
const gridOf = (entries: readonly EntryRow[], times = 1) =>
  Object.fromEntries(
    ['1', '2', '3-1', '3-2', '4', '5', '6'].map((g) => {
      const cell = { allocation: 0, interest: 0, surplus: 0 };
      for (const e of entries) if (e[2] === '支' && groupOf(e) === g) cell[SOURCE_KEY[String(e[9])] ?? 'surplus'] += amountOf(e) * times;
      return [g, { allocation: String(cell.allocation), interest: String(cell.interest), surplus: String(cell.surplus), total: String(cell.allocation + cell.interest + cell.surplus) }];
    }),
  );
const allocationOf = (entries: readonly EntryRow[]): number => sum(entries, (e) => e[2] === '收' && e[9] === '分配款');
const educationOf = (entries: readonly EntryRow[]): number => sum(entries, (e) => e[2] === '支' && String(e[4]).startsWith('1、') && e[9] === '分配款');
const adminOf = (entries: readonly EntryRow[]): number => sum(entries, (e) => e[2] === '支' && String(e[4]).startsWith('6、'));
const spentOf = (entries: readonly EntryRow[]): number => sum(entries, (e) => e[2] === '支');
const percent = (part: number, base: number): number => new Decimal(part).times(100).dividedBy(base).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
// the four accounts: opening + 收 − 支; a 轉 leaves its account for 零用金 (subject 2) or 定期存款 (subject 1)
type Accounts = Record<'專戶存款1' | '專戶存款2' | '定期存款' | '零用金', number>;
const closingOf = (entries: readonly EntryRow[]): Accounts => {
  const c: Accounts = {
    專戶存款1: Number(CASHBOOK_EXAMPLE.cb_open_special1),
    專戶存款2: Number(CASHBOOK_EXAMPLE.cb_open_special2),
    定期存款: Number(CASHBOOK_EXAMPLE.cb_open_fixed),
    零用金: Number(CASHBOOK_EXAMPLE.cb_open_petty),
  };
  for (const e of entries) {
    const account = String(e[10]) as keyof Accounts;
    if (e[2] === '收') c[account] += amountOf(e);
    if (e[2] === '支') c[account] -= amountOf(e);
    if (e[2] === '轉') {
      c[account] -= amountOf(e);
      c[String(e[5]) === '2' ? '零用金' : '定期存款'] += amountOf(e);
    }
  }
  return c;
};
const fa = APPLICATION_EXAMPLE as Record<string, unknown>;
// the 決算's 教育訓練 row (columns 結餘款, 分配款, 利息) cut to 150,000 from 分配款: 32.12 % of 467,000, below 40 %
const FA_SPEND = [[undefined, 150000, 6000], ...(fa.fa_spend as (number | undefined)[][]).slice(1)];
const FA_EDUCATION = FA_SPEND[0]?.[1] ?? 0;
const LOW = { fa_spend: FA_SPEND };
// 歷年累積結餘款: the remaining surplus + revenue − every spend input (rows 3 and 5 are (合計) formulas)
const CUMULATIVE =
  ['fa_prev_surplus_remaining', 'fa_rev_alloc', 'fa_rev_interest', 'fa_rev_other', 'fa_rev_surplus_draw'].reduce((s, k) => s + Number(fa[k] ?? 0), 0) -
  FA_SPEND.filter((_, i) => i !== 2 && i !== 6).reduce((s, row) => s + row.reduce<number>((t, v) => t + (v ?? 0), 0), 0);
const APP_EDUCATION_TEXT = percentText(new Decimal(FA_EDUCATION), new Decimal(Number(fa.fa_rev_alloc)), 40);

let browser: Browser;
let server: TestServer;
const token: Record<'ministry' | 'taichung' | 'kaohsiung' | 'unionX', string> = { ministry: '', taichung: '', kaohsiung: '', unionX: '' };
const ids: Record<string, number> = {};

const file = async (who: string, name: string, bytes: Promise<Buffer>): Promise<number> => {
  const res = await upload(server.url, who, [{ name, bytes: await bytes }]);
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
};
const setFiling = (id: number | undefined, patch: Record<string, unknown>): Promise<number> => server.db('filings').where('id', id).update(patch);
const dash = (query: string, who: keyof typeof token) => call(`${server.url}/api/reports/dashboard?${query}`, token[who]);
const download = async (query: string): Promise<{ res: Response; bytes: Buffer }> => {
  const res = await fetch(`${server.url}/api/reports/dashboard?${query}`, { headers: { authorization: `Bearer ${token.ministry}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};
const q4State = (): string => (taipeiDate(new Date()) <= dueDate({ kind: 'cashbook', year: 115, quarter: 4 }) ? 'not_due' : 'missing');
const q3State = (): string => (taipeiDate(new Date()) <= dueDate({ kind: 'cashbook', year: 115, quarter: 3 }) ? 'not_due' : 'missing');

beforeAll(async () => {
  server = await startTestServer();
  token.ministry = await server.login('reviewer');
  token.taichung = await server.login('taichung');
  token.kaohsiung = await server.login('kaohsiung');
  token.unionX = await server.login('union-x');
  const unionY = await server.login('union-y');
  // a third union of 臺中 that files nothing
  await server.db('organizations').insert({ kind: 'union', name: '臺中市港區無申報職業工會', ubn: Z_UBN, parent_id: server.seed.localA.id });

  ids.x1 = await file(token.unionX, cashbookName(115, 1, UNION_X_UBN), cashbookBytes(1));
  ids.x2v1 = await file(token.unionX, cashbookName(115, 2, UNION_X_UBN), cashbookBytes(2));
  ids.x2v2 = await file(token.taichung, cashbookName(115, 2, UNION_X_UBN), cashbookBytes(2, {}, WITH_ADMIN));
  ids.y1 = await file(unionY, cashbookName(115, 1, UNION_Y_UBN), cashbookBytes(1, Y_CB));
  ids.y2 = await file(unionY, cashbookName(115, 2, UNION_Y_UBN), cashbookBytes(2, Y_CB));
  ids.xApp114 = await file(token.unionX, applicationName(114, UNION_X_UBN), applicationBytes({ ...LOW, app_year: '114' }));
  ids.xApp115 = await file(token.unionX, applicationName(115, UNION_X_UBN), applicationBytes(LOW));
  ids.yApp115 = await file(unionY, applicationName(115, UNION_Y_UBN), applicationBytes({ ...LOW, ...Y_APP }));

  // when the versions came in and what the review decided (the review part's work, set directly)
  await setFiling(ids.x1, { uploaded_at: '2026-03-20T10:00:00+08:00', status: 'approved' });
  await setFiling(ids.x2v1, { uploaded_at: '2026-06-20T10:00:00+08:00', status: 'approved' });
  await setFiling(ids.x2v2, { uploaded_at: '2026-07-15T09:00:00+08:00', status: 'submitted' });
  await setFiling(ids.y1, { uploaded_at: '2026-03-25T10:00:00+08:00', status: 'returned' });
  await setFiling(ids.y2, { uploaded_at: '2026-07-10T10:00:00+08:00', status: 'submitted' });
  await setFiling(ids.xApp114, { status: 'approved' });
  await setFiling(ids.xApp115, { status: 'submitted' });
  await setFiling(ids.yApp115, { status: 'approved' });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('GET /api/reports/dashboard', () => {
  it('defaults to the latest quarter with data and counts the latest approved version, else the one under review', async () => {
    const res = await dash('year=115', 'ministry');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 115, quarter: 2, latestQuarterWithData: 2, scope: { kind: 'ministry', name: '全國' } });

    // Q2: X's approved version 1 (not the pending version 2) and Y's version under review
    const q2 = upTo(2);
    expect(res.body.money).toEqual({
      unions: 2,
      underReview: 1,
      allocationReceived: String(allocationOf(q2) * 2),
      spend: gridOf(q2, 2),
      totalSpent: String(spentOf(q2) * 2),
    });
    const byUbn = Object.fromEntries(res.body.ratios.map((r: any) => [r.union.ubn, r]));
    expect(Object.keys(byUbn).sort()).toEqual([UNION_X_UBN, UNION_Y_UBN].sort());
    expect(byUbn[UNION_X_UBN]).toMatchObject({
      cashbook: { filingId: ids.x2v1, version: 1, status: 'approved', underReview: false },
      allocationReceived: String(allocationOf(q2)),
      spend: gridOf(q2),
      totalSpent: String(spentOf(q2)),
      education: { amount: String(educationOf(q2)), percent: percent(educationOf(q2), allocationOf(q2)), flagged: null },
      admin: { amount: String(adminOf(q2)), percent: percent(adminOf(q2), allocationOf(q2)), flagged: false },
    });
    expect(byUbn[UNION_X_UBN].education.why).toContain('僅於第 4 季');
    expect(byUbn[UNION_X_UBN].admin.why).toContain('未超過 10%');
    expect(byUbn[UNION_Y_UBN]).toMatchObject({ cashbook: { filingId: ids.y2, status: 'submitted', underReview: true } });
  });

  it('gives completeness by quarter and local government with the five states and under review', async () => {
    const res = await dash('year=115&quarter=2', 'ministry');
    const row = (quarter: number, lg: number) => res.body.completeness.find((c: any) => c.quarter === quarter && c.localGovernment?.id === lg);
    const zero = { onTime: 0, late: 0, missing: 0, returned: 0, notYetDue: 0, underReview: 0 };
    expect(res.body.completeness).toHaveLength(8);
    // 臺中: X on time (approved), Z never filed
    expect(row(1, server.seed.localA.id)).toMatchObject({ ...zero, unions: 2, onTime: 1, missing: 1 });
    // Q2: X version 1 on time; version 2 pending does not make it under review, the approved one counts
    expect(row(2, server.seed.localA.id)).toMatchObject({ ...zero, unions: 2, onTime: 1, missing: 1 });
    // 高雄: Y's Q1 returned; Q2 filed after 6/30, counted under review
    expect(row(1, server.seed.localB.id)).toMatchObject({ ...zero, unions: 1, returned: 1 });
    expect(row(2, server.seed.localB.id)).toMatchObject({ ...zero, unions: 1, late: 1, underReview: 1 });
    // the same, union by union
    const states = Object.fromEntries(res.body.standings.map((u: any) => [u.union.ubn, u.states]));
    expect(states).toEqual({
      [UNION_X_UBN]: ['on_time', 'on_time', q3State(), q4State()],
      [Z_UBN]: ['missing', 'missing', q3State(), q4State()],
      [UNION_Y_UBN]: ['returned', 'late', q3State(), q4State()],
    });
    const q3 = row(3, server.seed.localA.id);
    expect(q3.unions).toBe(2);
    expect(q3[q3State() === 'missing' ? 'missing' : 'notYetDue']).toBe(2);
    const q4 = row(4, server.seed.localB.id);
    expect(q4[q4State() === 'missing' ? 'missing' : 'notYetDue']).toBe(1);
  });

  it('sums the four closing balances by quarter without the returned book, and the accumulated surplus', async () => {
    const res = await dash('year=115&quarter=2', 'ministry');
    // the model of the accounts agrees with the seed's worked year
    expect(closingOf(CASHBOOK_ENTRIES)).toEqual(CASHBOOK_EXAMPLE_CLOSING);
    const c1 = closingOf(upTo(1));
    const c2 = closingOf(upTo(2));
    const total = (c: Accounts, times: number): string => String((c.專戶存款1 + c.專戶存款2 + c.定期存款 + c.零用金) * times);
    expect(res.body.balances).toEqual([
      // Q1: Y's returned book does not count
      { quarter: 1, unions: 1, underReview: 0, special1: String(c1.專戶存款1), special2: String(c1.專戶存款2), fixed: String(c1.定期存款), petty: String(c1.零用金), total: total(c1, 1) },
      { quarter: 2, unions: 2, underReview: 1, special1: String(c2.專戶存款1 * 2), special2: String(c2.專戶存款2 * 2), fixed: String(c2.定期存款 * 2), petty: String(c2.零用金 * 2), total: total(c2, 2) },
      { quarter: 3, unions: 0, underReview: 0, special1: '0', special2: '0', fixed: '0', petty: '0', total: '0' },
      { quarter: 4, unions: 0, underReview: 0, special1: '0', special2: '0', fixed: '0', petty: '0', total: '0' },
    ]);
    expect(res.body.accumulatedSurplus).toEqual({ unions: 2, underReview: 1, total: String(CUMULATIVE * 2) });
  });

  it('lists the unions below 40 % two years running and those at risk (§1.3(一))', async () => {
    const res = await dash('year=115&quarter=2', 'ministry');
    const q2 = upTo(2);
    expect(res.body.educationTwoYears).toEqual({
      years: [113, 114],
      candidates: [
        {
          union: expect.objectContaining({ ubn: UNION_X_UBN }),
          years: [
            { year: 113, application: { filingId: ids.xApp114, version: 1, status: 'approved', underReview: false }, percent: APP_EDUCATION_TEXT },
            { year: 114, application: { filingId: ids.xApp115, version: 1, status: 'submitted', underReview: true }, percent: APP_EDUCATION_TEXT },
          ],
        },
      ],
      atRisk: [
        {
          union: expect.objectContaining({ ubn: UNION_Y_UBN }),
          last: { year: 114, application: { filingId: ids.yApp115, version: 1, status: 'approved', underReview: false }, percent: APP_EDUCATION_TEXT },
          thisYear: { percent: percent(educationOf(q2), allocationOf(q2)), cashbook: { filingId: ids.y2, version: 1, status: 'submitted', underReview: true } },
        },
      ],
    });
  });

  it('restricts a local government to its jurisdiction', async () => {
    const res = await dash('year=115', 'taichung');
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ kind: 'local_gov', name: '臺中市政府勞工局' });
    expect(res.body.ratios.map((r: any) => r.union.ubn)).toEqual([UNION_X_UBN]);
    expect(res.body.completeness.map((c: any) => c.localGovernment.id)).toEqual([1, 2, 3, 4].map(() => server.seed.localA.id));
    expect(res.body.money.allocationReceived).toBe(String(allocationOf(upTo(2))));
    expect(res.body.educationTwoYears.candidates.map((c: any) => c.union.ubn)).toEqual([UNION_X_UBN]);
    expect(res.body.educationTwoYears.atRisk).toEqual([]);
    const kaohsiung = await dash('year=115', 'kaohsiung');
    expect(kaohsiung.body.ratios.map((r: any) => r.union.ubn)).toEqual([UNION_Y_UBN]);
  });

  it('never counts a superseded, withdrawn, rejected or returned version: the union drops out of every figure', async () => {
    const q2 = upTo(2);
    try {
      for (const status of ['superseded', 'withdrawn', 'rejected', 'returned', 'ministry_returned']) {
        await setFiling(ids.y2, { status });
        const res = await dash('year=115&quarter=2', 'ministry');
        expect([status, res.body.money]).toEqual([
          status,
          { unions: 1, underReview: 0, allocationReceived: String(allocationOf(q2)), spend: gridOf(q2), totalSpent: String(spentOf(q2)) },
        ]);
        expect(res.body.ratios.map((r: any) => r.union.ubn)).toEqual([UNION_X_UBN]);
        expect(res.body.balances[1]).toMatchObject({ unions: 1, underReview: 0, total: String(Object.values(closingOf(q2)).reduce((a, b) => a + b, 0)) });
        // Y still has a 114 決算 below 40 % but no counted book this year: at risk, with no figure of its own yet
        expect(res.body.educationTwoYears.atRisk).toEqual([expect.objectContaining({ union: expect.objectContaining({ ubn: UNION_Y_UBN }), thisYear: null })]);
      }
    } finally {
      await setFiling(ids.y2, { status: 'submitted' });
    }
  });

  it('exports every table with the figures on screen', async () => {
    const csv = async (table: string): Promise<Record<string, string>[]> => {
      const { res, bytes } = await download(`year=115&quarter=2&format=csv&table=${table}`);
      expect(res.status).toBe(200);
      return parse(bytes.toString('utf8'), { bom: true, columns: true });
    };
    const c1 = closingOf(upTo(1));
    const c2 = closingOf(upTo(2));
    const sum = (c: Accounts): number => c.專戶存款1 + c.專戶存款2 + c.定期存款 + c.零用金;
    expect(await csv('balances')).toEqual([
      { 季別: '1', 工會數: '1', 其中審核中: '0', 專戶存款1: String(c1.專戶存款1), 專戶存款2: String(c1.專戶存款2), 定期存款: String(c1.定期存款), 零用金: String(c1.零用金), 結存合計: String(sum(c1)) },
      { 季別: '2', 工會數: '2', 其中審核中: '1', 專戶存款1: String(c2.專戶存款1 * 2), 專戶存款2: String(c2.專戶存款2 * 2), 定期存款: String(c2.定期存款 * 2), 零用金: String(c2.零用金 * 2), 結存合計: String(sum(c2) * 2) },
      { 季別: '3', 工會數: '0', 其中審核中: '0', 專戶存款1: '0', 專戶存款2: '0', 定期存款: '0', 零用金: '0', 結存合計: '0' },
      { 季別: '4', 工會數: '0', 其中審核中: '0', 專戶存款1: '0', 專戶存款2: '0', 定期存款: '0', 零用金: '0', 結存合計: '0' },
    ]);
    const completeness = await csv('completeness');
    expect(completeness).toHaveLength(8);
    expect(completeness.find((r) => r.季別 === '2' && r.地方主管機關 === '高雄市政府勞工局')).toEqual({
      季別: '2', 地方主管機關: '高雄市政府勞工局', 工會數: '1', 準時: '0', 逾期: '1', 未申報: '0', 退回: '0', 未到期: '0', 審核中: '1',
    });
    expect(completeness.find((r) => r.季別 === '1' && r.地方主管機關 === '臺中市政府勞工局')).toMatchObject({ 工會數: '2', 準時: '1', 未申報: '1', 退回: '0' });
    const q2 = upTo(2);
    const ratios = await csv('ratios');
    expect(ratios.map((r) => [r.統一編號, r.分配款收入, r['教育訓練（分配款）'], r['教育訓練比率（%）'], r.行政事務費, r['行政事務費比率（%）']])).toEqual(
      [UNION_X_UBN, UNION_Y_UBN].map((ubn) => [ubn, String(allocationOf(q2)), String(educationOf(q2)), String(percent(educationOf(q2), allocationOf(q2))), String(adminOf(q2)), String(percent(adminOf(q2), allocationOf(q2)))]),
    );
    const list = await csv('education-two-years');
    expect(list.map((r) => [r.統一編號, r.類別])).toEqual([
      [UNION_X_UBN, expect.stringContaining('次年度不予分配')],
      [UNION_Y_UBN, expect.stringContaining('有風險')],
    ]);
    expect(list[0]?.教育訓練比率).toContain(APP_EDUCATION_TEXT);
  });

  it('downloads its tables as CSV and XLSX', async () => {
    const csv = await download('year=115&quarter=2&format=csv&table=money');
    expect(csv.res.status).toBe(200);
    const lines: string[][] = parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(lines[0]).toEqual(['支出類別', '分配款', '利息收入', '結餘款', '合計']);
    const grid = gridOf(upTo(2), 2);
    expect(lines.slice(1).map((l) => l[4])).toEqual(['1', '2', '3-1', '3-2', '4', '5', '6'].map((k) => grid[k]?.total));

    const xlsx = await download('year=115&quarter=2&format=xlsx&table=ratios');
    expect(xlsx.res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('教育訓練比率（%）');
    expect(sheet.rowCount).toBe(3);
    // print-ready: landscape, one page wide, the header row repeated, frozen under it, number formats, the title
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.headerFooter.oddHeader).toMatch(/115 年第 2 季，全國，產生時間 民國115年/);
    const allocationColumn = header.indexOf('分配款收入') + 1;
    expect(sheet.getRow(2).getCell(allocationColumn)).toMatchObject({ value: allocationOf(upTo(2)), numFmt: '#,##0' });
    expect(sheet.getRow(2).getCell(header.indexOf('教育訓練比率（%）') + 1).numFmt).toBe('0.0%');

    // printed through LibreOffice: one page
    const dir = await makeTempDir('dashboard');
    try {
      const path = join(dir, 'ratios.xlsx');
      await writeFile(path, xlsx.bytes);
      const [pdf] = await convertWithLibreOffice([path], 'pdf', dir);
      const pages = ((await readFile(pdf ?? '')).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      expect(pages).toBe(1);
    } finally {
      await removeDir(dir);
    }
  }, LIBREOFFICE_TIMEOUT_MS);
});

describe('drill-down: the union, its filing, the entries and cells behind a figure', () => {
  // the template's entry table starts on row 14; 金額 is its ninth column (I)
  const cellOf = (index: number): string => `現金收支登記簿!I${14 + index}`;
  const behind = (entries: readonly EntryRow[], keep: (e: EntryRow) => boolean) =>
    entries.flatMap((e, i) =>
      keep(e)
        ? [{ row: 14 + i, cell: cellOf(i), month: e[0], day: e[1], voucher: String(e[3]), no: String(e[5]), summary: [e[4], e[7]].filter((t) => t !== undefined && t !== '').map(String).join('／'), amount: String(e[8]), category: e[9] ?? null, account: e[10] }]
        : [],
    );
  const entries = (id: number | undefined, query: string, who: keyof typeof token = 'ministry') => call(`${server.url}/api/reports/filings/${id}/entries?${query}`, token[who]);

  it('lists the entries behind 教育訓練（分配款）, 行政事務費 and 分配款收入 with their cells; their sums are the dashboard figures', async () => {
    const q2 = upTo(2);
    const point = (await dash('year=115&quarter=2', 'ministry')).body.ratios.find((r: any) => r.union.ubn === UNION_X_UBN);
    const education = await entries(point.cashbook.filingId, 'figure=spend&group=1&source=allocation');
    expect(education.status).toBe(200);
    const expected = behind(q2, (e) => e[2] === '支' && String(e[4]).startsWith('1、') && e[9] === '分配款');
    expect(expected.length).toBeGreaterThan(0);
    expect(education.body).toEqual({
      filing: { id: ids.x2v1, union: { id: server.seed.unionX.id, name: '臺中市港區裝卸職業工會', ubn: UNION_X_UBN }, year: 115, quarter: 2, version: 1, status: 'approved' },
      figure: { label: '1 教育訓練（分配款）', total: String(educationOf(q2)) },
      entries: expected,
    });
    expect(education.body.figure.total).toBe(point.education.amount);

    const admin = await entries(point.cashbook.filingId, 'figure=spend&group=6');
    expect(admin.body.figure).toEqual({ label: '6 行政事務費（各來源）', total: point.admin.amount });
    expect(admin.body.entries).toEqual(behind(q2, (e) => e[2] === '支' && String(e[4]).startsWith('6、')));
    const allocation = await entries(point.cashbook.filingId, 'figure=allocation');
    expect(allocation.body.figure).toEqual({ label: '分配款收入', total: point.allocationReceived });
    expect(allocation.body.entries.map((e: any) => e.cell)).toEqual(behind(q2, (e) => e[2] === '收' && e[9] === '分配款').map((e) => e.cell));
    // the pending version 2 has its own entries: the extra 50,000 of 交通費 on 6/30
    const pending = await entries(ids.x2v2, 'figure=spend&group=6&source=allocation');
    expect(pending.body.figure.total).toBe(String(adminOf(q2) + 50000));
  });

  it('gives the balance cells behind a closing balance, and each union\'s balances and accumulated surplus on the dashboard', async () => {
    // the running balances follow 金額 (I) and 摘要… : L 結存, M 專戶存款1, N 專戶存款2, O 定期存款, P 零用金; the closing
    // balance is on the last entry row of the book
    const q2 = upTo(2);
    const c2 = closingOf(q2);
    const last = 14 + q2.length - 1;
    const special1 = await entries(ids.x2v1, 'figure=balance&account=special1');
    expect(special1.status).toBe(200);
    expect(special1.body.figure).toEqual({ label: '期末餘額（專戶存款1）', total: String(c2.專戶存款1) });
    expect(special1.body.entries).toEqual([expect.objectContaining({ row: last, cell: `現金收支登記簿!M${last}`, amount: String(c2.專戶存款1), account: '專戶存款1' })]);
    const all = await entries(ids.x2v1, 'figure=balance');
    expect(all.body.figure).toEqual({ label: '期末餘額（四個帳戶合計）', total: String(c2.專戶存款1 + c2.專戶存款2 + c2.定期存款 + c2.零用金) });
    expect(all.body.entries.map((e: any) => [e.cell, e.amount])).toEqual([
      [`現金收支登記簿!M${last}`, String(c2.專戶存款1)],
      [`現金收支登記簿!N${last}`, String(c2.專戶存款2)],
      [`現金收支登記簿!O${last}`, String(c2.定期存款)],
      [`現金收支登記簿!P${last}`, String(c2.零用金)],
    ]);
    for (const query of ['figure=balance&account=cash', 'figure=balance&group=1', 'figure=allocation&account=fixed']) expect([query, (await entries(ids.x2v1, query)).status]).toEqual([query, 400]);
    expect((await entries(ids.x2v1, 'figure=balance', 'kaohsiung')).status).toBe(404);

    // the dashboard's balances union by union: X's Q1 and Q2 (approved), Y's Q2 under review (its Q1 was returned)
    const res = await dash('year=115&quarter=2', 'ministry');
    const c1 = closingOf(upTo(1));
    const of = (c: Accounts) => ({ special1: String(c.專戶存款1), special2: String(c.專戶存款2), fixed: String(c.定期存款), petty: String(c.零用金), total: String(c.專戶存款1 + c.專戶存款2 + c.定期存款 + c.零用金) });
    expect(res.body.unionBalances.map((b: any) => [b.quarter, b.union.ubn, b.cashbook.filingId, b.cashbook.underReview, b.special1, b.special2, b.fixed, b.petty, b.total]).sort()).toEqual(
      [
        [1, UNION_X_UBN, ids.x1, false, ...Object.values(of(c1))],
        [2, UNION_X_UBN, ids.x2v1, false, ...Object.values(of(c2))],
        [2, UNION_Y_UBN, ids.y2, true, ...Object.values(of(c2))],
      ].sort(),
    );
    // the accumulated surplus union by union: X's 115 application under review, Y's approved one
    expect(res.body.surplusByUnion.map((s: any) => [s.union.ubn, s.application.filingId, s.application.underReview, s.total]).sort()).toEqual(
      [
        [UNION_X_UBN, ids.xApp115, true, String(CUMULATIVE)],
        [UNION_Y_UBN, ids.yApp115, false, String(CUMULATIVE)],
      ].sort(),
    );
    const kaohsiung = await dash('year=115&quarter=2', 'kaohsiung');
    expect(kaohsiung.body.unionBalances.map((b: any) => b.union.ubn)).toEqual([UNION_Y_UBN]);
    expect(kaohsiung.body.surplusByUnion.map((s: any) => s.union.ubn)).toEqual([UNION_Y_UBN]);
  });

  it('keeps the entries to the caller\'s scope and refuses what is no cash book or no figure', async () => {
    expect((await entries(ids.x2v1, 'figure=allocation', 'kaohsiung')).status).toBe(404);
    expect((await entries(ids.x2v1, 'figure=allocation', 'taichung')).status).toBe(200);
    expect((await entries(ids.x2v1, 'figure=allocation', 'unionX')).status).toBe(200);
    expect((await entries(ids.xApp115, 'figure=allocation')).status).toBe(404);
    for (const query of ['figure=spend', 'figure=spend&group=9', 'figure=other', 'figure=allocation&x=1']) expect([query, (await entries(ids.x2v1, query)).status]).toEqual([query, 400]);
    expect((await call(`${server.url}/api/reports/filings/${ids.x2v1}/entries?figure=allocation`, null)).status).toBe(401);
  });

  it('gives a union\'s quarterly trend from its counted cash books', async () => {
    const trend = (id: number, who: keyof typeof token) => call(`${server.url}/api/reports/union-trend/${id}?year=115`, token[who]);
    const x = await trend(server.seed.unionX.id, 'ministry');
    expect(x.status).toBe(200);
    const figures = (quarter: number) => {
      const e = upTo(quarter);
      const c = closingOf(e);
      return {
        allocationReceived: String(allocationOf(e)),
        education: String(educationOf(e)),
        admin: String(adminOf(e)),
        totalSpent: String(spentOf(e)),
        educationRatio: percent(educationOf(e), allocationOf(e)),
        adminRatio: percent(adminOf(e), allocationOf(e)),
        balance: String(c.專戶存款1 + c.專戶存款2 + c.定期存款 + c.零用金),
      };
    };
    const none = { cashbook: null, allocationReceived: null, education: null, admin: null, totalSpent: null, educationRatio: null, adminRatio: null, balance: null };
    expect(x.body).toEqual({
      union: { id: server.seed.unionX.id, name: '臺中市港區裝卸職業工會', ubn: UNION_X_UBN },
      localGovernment: { id: server.seed.localA.id, name: '臺中市政府勞工局' },
      year: 115,
      quarters: [
        { quarter: 1, status: 'on_time', cashbook: { filingId: ids.x1, version: 1, status: 'approved', underReview: false }, ...figures(1) },
        // the approved version 1, not the pending version 2
        { quarter: 2, status: 'on_time', cashbook: { filingId: ids.x2v1, version: 1, status: 'approved', underReview: false }, ...figures(2) },
        { quarter: 3, status: q3State(), ...none },
        { quarter: 4, status: q4State(), ...none },
      ],
    });
    // Y: the returned Q1 counts nothing; Q2 under review
    const y = await trend(server.seed.unionY.id, 'kaohsiung');
    expect(y.body.quarters[0]).toEqual({ quarter: 1, status: 'returned', ...none });
    expect(y.body.quarters[1]).toMatchObject({ status: 'late', cashbook: { filingId: ids.y2, underReview: true }, ...figures(2) });
    expect((await trend(server.seed.unionY.id, 'taichung')).status).toBe(404);
    expect((await trend(server.seed.unionX.id, 'unionX')).status).toBe(200);
    // a union sees only itself
    expect((await trend(server.seed.unionY.id, 'unionX')).status).toBe(404);
  });

  it('downloads a union\'s trend as CSV and print-ready XLSX, text made inert against formulas', async () => {
    const get = async (id: number, format: string, who: keyof typeof token = 'ministry') => {
      const res = await fetch(`${server.url}/api/reports/union-trend/${id}?year=115&format=${format}`, { headers: { authorization: `Bearer ${token[who]}` } });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const csv = await get(server.seed.unionX.id, 'csv', 'unionX');
    expect(csv.res.status).toBe(200);
    expect(csv.res.headers.get('content-type')).toContain('text/csv');
    expect(csv.res.headers.get('cache-control')).toBe('private, no-store');
    const rows: Record<string, string>[] = parse(csv.bytes.toString('utf8'), { bom: true, columns: true });
    const figures = (quarter: number) => {
      const e = upTo(quarter);
      const c = closingOf(e);
      return [
        String(allocationOf(e)),
        String(educationOf(e)),
        // a percentage in CSV has one decimal
        percent(educationOf(e), allocationOf(e)).toFixed(1),
        String(adminOf(e)),
        percent(adminOf(e), allocationOf(e)).toFixed(1),
        String(spentOf(e)),
        String(c.專戶存款1 + c.專戶存款2 + c.定期存款 + c.零用金),
      ];
    };
    const shown = (r: Record<string, string>) => [
      r.工會名稱, r.統一編號, r.季別, r.申報狀態, r.計入版本, r.分配款收入, r['教育訓練（分配款）'], r['教育訓練比率（%）'], r.行政事務費, r['行政事務費比率（%）'], r.支出合計, r.結存,
    ];
    const stateLabel = (state: string) => ({ missing: '未申報', not_due: '未到期' })[state];
    expect(rows.map(shown)).toEqual([
      ['臺中市港區裝卸職業工會', UNION_X_UBN, '1', '準時', '第 1 版', ...figures(1)],
      ['臺中市港區裝卸職業工會', UNION_X_UBN, '2', '準時', '第 1 版', ...figures(2)],
      ['臺中市港區裝卸職業工會', UNION_X_UBN, '3', stateLabel(q3State()), '', '', '', '', '', '', '', ''],
      ['臺中市港區裝卸職業工會', UNION_X_UBN, '4', stateLabel(q4State()), '', '', '', '', '', '', '', ''],
    ]);
    // a union sees only itself, as in JSON
    expect((await get(server.seed.unionY.id, 'csv', 'unionX')).res.status).toBe(404);
    expect((await get(server.seed.unionY.id, 'xlsx', 'taichung')).res.status).toBe(404);

    const xlsx = await get(server.seed.unionY.id, 'xlsx', 'kaohsiung');
    expect(xlsx.res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.headerFooter.oddHeader).toMatch(new RegExp(`工會各季趨勢：${Y_NAME}（${UNION_Y_UBN}），115 年，產生時間 民國115年`));
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    // Y: Q1 returned (nothing counted), Q2 under review
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(header.indexOf('申報狀態') + 1).value).toBe('退回');
    expect(sheet.getRow(2).getCell(header.indexOf('分配款收入') + 1).value).toBeNull();
    expect(sheet.getRow(3).getCell(header.indexOf('計入版本') + 1).value).toBe('第 1 版（審核中）');
    expect(sheet.getRow(3).getCell(header.indexOf('分配款收入') + 1)).toMatchObject({ value: allocationOf(upTo(2)), numFmt: '#,##0' });
    expect(sheet.getRow(3).getCell(header.indexOf('教育訓練比率（%）') + 1).numFmt).toBe('0.0%');

    // a name that a spreadsheet would take for a formula is written as text
    const z = await server.db('organizations').where('ubn', Z_UBN).first('id', 'name');
    try {
      await server.db('organizations').where('id', z.id).update({ name: '=HYPERLINK("http://x","工會")' });
      const bad = await get(z.id, 'csv');
      const lines: string[][] = parse(bad.bytes.toString('utf8').replace(/^\uFEFF/, ''));
      expect(lines[1]?.[0]).toBe(`'=HYPERLINK("http://x","工會")`);
      const badXlsx = await get(z.id, 'xlsx');
      const badBook = new ExcelJS.Workbook();
      await badBook.xlsx.load(badXlsx.bytes as unknown as ArrayBuffer);
      expect(badBook.worksheets[0]!.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://x","工會")`);
    } finally {
      await server.db('organizations').where('id', z.id).update({ name: z.name });
    }
  });
});

describe('總覽 in the web console', () => {
  let pageErrors: string[] = [];
  afterEach(() => expect(pageErrors).toEqual([]));
  const signIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // the console asks /api/auth/me before signing in: that 401 is expected
      if (m.type() === 'error' && !m.text().includes('401')) errors.push(m.text());
    });
    pageErrors = errors;
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${server.url}/#/dashboard`);
    await signInOnPage(page, username);
    return page;
  };
  const screenshots = async (page: Page, name: string): Promise<void> => {
    // what a reviewer sees first: the title is on top (a tooltip's portal once laid the page's background over it)
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.evaluate(() => document.elementFromPoint(40, 24)?.closest('header') !== null)).resolves.toBe(true);
    await page.screenshot({ path: join(CONSOLE_SHOTS, `${name}-top.png`) });
    // the charts follow their box's width
    await consoleScreenshots(page, name, () => page.waitForTimeout(300));
  };

  it('shows the ministry the charts, the tables behind them and the §1.3(一) list, and drills into a filing', async () => {
    const page = await signIn('reviewer');
    // the title names the quarter once the dashboard has loaded
    const title = page.getByRole('heading', { name: /^總覽/ }).filter({ hasText: '第 2 季' });
    await title.waitFor();
    await expect(title.textContent()).resolves.toBe('總覽（115 年第 2 季，全國）');
    // four charts drawn as SVG
    await page.locator('svg').first().waitFor();
    await expect(page.getByRole('region', { name: '申報完整度' }).locator('svg').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: /分配款與支出/ }).locator('svg').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: /教育訓練與行政事務費比率/ }).locator('svg').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: '各季末帳戶餘額' }).locator('svg').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('table', { name: '連續兩年未達 40% 名單' }).textContent()).resolves.toContain('臺中市港區裝卸職業工會');
    await expect(page.getByText('已申報，但第一個版本在到期日之後才上傳。').count()).resolves.toBe(1);
    await screenshots(page, 'dashboard-ministry');

    // a figure of the money table union by union: each union's 教育訓練（分配款）, a link to its entries
    const moneySection = page.getByRole('region', { name: /分配款與支出/ });
    await moneySection.getByRole('switch', { name: '以表格檢視' }).check();
    const moneyTable = page.getByRole('table', { name: '分配款與支出' });
    await moneyTable.getByRole('row', { name: /^1 教育訓練/ }).getByRole('button').first().click();
    const breakdown = page.getByRole('table', { name: '各工會明細：1 教育訓練（分配款）' });
    await breakdown.waitFor();
    const each = educationOf(upTo(2)).toLocaleString('en-US');
    await expect(breakdown.locator('tbody tr').allTextContents()).resolves.toEqual([
      `臺中市政府勞工局臺中市港區裝卸職業工會${each}`,
      `高雄市政府勞工局高雄市港區碼頭職業工會（審核中）${each}`,
      `合計（2 個工會）${(educationOf(upTo(2)) * 2).toLocaleString('en-US')}`,
    ]);
    await expect(breakdown.getByRole('link', { name: each }).first().getAttribute('href')).resolves.toBe(`#/filings/${ids.x2v1}?figure=spend&group=1&source=allocation`);

    // the table alternative of the ratios, with the flag's reason, and a click to the filing behind the figures
    const ratios = page.getByRole('region', { name: /教育訓練與行政事務費比率/ });
    await ratios.getByRole('switch', { name: '以表格檢視' }).check();
    const table = page.getByRole('table', { name: '各工會比率' });
    await table.waitFor();
    await expect(table.textContent()).resolves.toContain('高雄市港區碼頭職業工會（審核中）');
    await screenshots(page, 'dashboard-ministry-tables');
    // down to the cell: the union's page, its Q2 教育訓練 figure, the entries of the counted version with their cells
    await table.getByRole('link', { name: '臺中市港區裝卸職業工會' }).click();
    await page.waitForURL(new RegExp(`#/dashboard/unions/${server.seed.unionX.id}\\?year=115$`));
    const quarters = page.getByRole('table', { name: '各季數字' });
    await quarters.waitFor();
    await expect(page.getByRole('region', { name: /115 年各季趨勢/ }).locator('svg').count()).resolves.toBeGreaterThan(0);
    const educationRow = quarters.getByRole('row', { name: /^教育訓練（分配款）/ });
    await expect(educationRow.getByRole('link').allTextContents()).resolves.toEqual([educationOf(upTo(1)), educationOf(upTo(2))].map((n) => n.toLocaleString('en-US')));
    await screenshots(page, 'union-trend');
    await educationRow.getByRole('link').nth(1).click();
    await page.waitForURL(new RegExp(`#/filings/${ids.x2v1}\\?figure=spend&group=1&source=allocation$`));
    const cells = page.getByRole('table', { name: '分錄：1 教育訓練（分配款）' });
    await cells.waitFor();
    const first = upTo(2).findIndex((e) => e[2] === '支' && String(e[4]).startsWith('1、') && e[9] === '分配款');
    await expect(cells.getByRole('row').nth(1).textContent()).resolves.toContain(`現金收支登記簿!I${14 + first}`);
    await expect(cells.getByRole('row').last().textContent()).resolves.toContain(educationOf(upTo(2)).toLocaleString('en-US'));
    await screenshots(page, 'figure-entries');
    await page.context().close();
  });

  it('drills from a closing balance of the dashboard to the union, its filing and the balance cell', async () => {
    const page = await signIn('reviewer');
    await page.getByRole('heading', { name: /^總覽/ }).filter({ hasText: '第 2 季' }).waitFor();
    const c2 = closingOf(upTo(2));
    const section = page.getByRole('region', { name: '各季末帳戶餘額' });
    await section.getByRole('switch', { name: '以表格檢視' }).check();
    await page.getByRole('table', { name: '各季末帳戶餘額' }).getByRole('row', { name: /^第2季/ }).getByRole('button', { name: (c2.專戶存款1 * 2).toLocaleString('en-US') }).click();
    const breakdown = page.getByRole('table', { name: '各工會明細：第2季 專戶存款1' });
    await breakdown.waitFor();
    const each = c2.專戶存款1.toLocaleString('en-US');
    await expect(breakdown.locator('tbody tr').allTextContents()).resolves.toEqual([
      `臺中市政府勞工局臺中市港區裝卸職業工會${each}`,
      `高雄市政府勞工局高雄市港區碼頭職業工會（審核中）${each}`,
      `合計（2 個工會）${(c2.專戶存款1 * 2).toLocaleString('en-US')}`,
    ]);
    await expect(breakdown.getByRole('link', { name: '臺中市港區裝卸職業工會' }).getAttribute('href')).resolves.toBe(`#/dashboard/unions/${server.seed.unionX.id}?year=115`);
    await screenshots(page, 'dashboard-balances');
    // the union's amount opens its counted filing at the balance cell
    await breakdown.getByRole('link', { name: each }).first().click();
    await page.waitForURL(new RegExp(`#/filings/${ids.x2v1}\\?figure=balance&account=special1$`));
    const cells = page.getByRole('table', { name: '分錄：期末餘額（專戶存款1）' });
    await cells.waitFor();
    const last = 14 + upTo(2).length - 1;
    await expect(cells.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual([`現金收支登記簿!M${last}`, expect.stringContaining('合計')]);
    await screenshots(page, 'figure-balance');

    // 歷年累積結餘款 union by union, each to its application
    await page.goto(`${server.url}/#/dashboard`);
    await page.getByRole('heading', { name: /^總覽/ }).filter({ hasText: '第 2 季' }).waitFor();
    await page.getByRole('button', { name: (CUMULATIVE * 2).toLocaleString('en-US') }).click();
    const surplus = page.getByRole('table', { name: '各工會明細：歷年累積結餘款' });
    await expect(surplus.getByRole('link', { name: CUMULATIVE.toLocaleString('en-US') }).first().getAttribute('href')).resolves.toBe(`#/filings/${ids.xApp115}`);
    await page.context().close();
  });

  it('shows a union its own trend page (本會趨勢) and nobody else\'s', async () => {
    const page = await signIn('union-x');
    await expect(page.getByRole('tab', { name: '本會趨勢' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('tab', { name: '總覽' }).count()).resolves.toBe(0);
    const quarters = page.getByRole('table', { name: '各季數字' });
    await quarters.waitFor();
    await expect(page.getByRole('heading', { name: /臺中市港區裝卸職業工會/ }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: '← 回總覽' }).count()).resolves.toBe(0);
    const educationRow = quarters.getByRole('row', { name: /^教育訓練（分配款）/ });
    await expect(educationRow.getByRole('link').allTextContents()).resolves.toEqual([educationOf(upTo(1)), educationOf(upTo(2))].map((n) => n.toLocaleString('en-US')));
    await screenshots(page, 'union-own-trend');
    // down to its own cells
    await educationRow.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`#/filings/${ids.x1}\\?figure=spend&group=1&source=allocation$`));
    await page.getByRole('table', { name: '分錄：1 教育訓練（分配款）' }).waitFor();
    await page.context().close();
  });

  it('shows a local government its jurisdiction only', async () => {
    const page = await signIn('kaohsiung');
    // the title names the quarter once the dashboard has loaded
    const title = page.getByRole('heading', { name: /^總覽/ }).filter({ hasText: '第 2 季' });
    await title.waitFor();
    await expect(title.textContent()).resolves.toBe('總覽（115 年第 2 季，高雄市政府勞工局）');
    await page.locator('svg').first().waitFor();
    const list = await page.getByRole('table', { name: '連續兩年未達 40% 名單' }).textContent();
    expect(list).toContain('本年度有風險');
    expect(list).not.toContain('臺中市');
    await screenshots(page, 'dashboard-local');

    // a count of the completeness table union by union: Q1 退回 is Y
    await page.getByRole('region', { name: '申報完整度' }).getByRole('switch', { name: '以表格檢視' }).check();
    await page.getByRole('table', { name: '申報完整度' }).getByRole('row', { name: /^第1季/ }).getByRole('button', { name: '1' }).click();
    const standing = page.getByRole('table', { name: '申報明細：第1季 高雄市政府勞工局 退回' });
    await expect(standing.locator('tbody tr').allTextContents()).resolves.toEqual([`高雄市港區碼頭職業工會${UNION_Y_UBN}`]);
    await expect(standing.getByRole('link').getAttribute('href')).resolves.toBe(`#/dashboard/unions/${server.seed.unionY.id}?year=115`);

    // a figure of the ratio table straight down to its cells: Y's 行政事務費 of Q2 (its version under review)
    await page.getByRole('region', { name: /教育訓練與行政事務費比率/ }).getByRole('switch', { name: '以表格檢視' }).check();
    const row = page.getByRole('table', { name: '各工會比率' }).getByRole('row', { name: /高雄市港區碼頭職業工會/ });
    await row.getByRole('link', { name: adminOf(upTo(2)).toLocaleString('en-US') }).click();
    await page.waitForURL(new RegExp(`#/filings/${ids.y2}\\?figure=spend&group=6$`));
    const cells = page.getByRole('table', { name: '分錄：6 行政事務費（各來源）' });
    await cells.waitFor();
    const admin = upTo(2).flatMap((e, i) => (e[2] === '支' && String(e[4]).startsWith('6、') ? [`現金收支登記簿!I${14 + i}`] : []));
    await expect(cells.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual([...admin, expect.stringContaining('合計')]);
    // and its union's page, from the filing's union
    await page.goto(`${server.url}/#/dashboard/unions/${server.seed.unionY.id}?year=115`);
    await expect(page.getByRole('table', { name: '各季數字' }).getByRole('row', { name: /^申報狀態/ }).textContent()).resolves.toContain('退回');
    // a union outside the jurisdiction does not exist for it (the browser logs the 404 answer: expected here, and only it)
    const logged = pageErrors.length;
    await page.goto(`${server.url}/#/dashboard/unions/${server.seed.unionX.id}?year=115`);
    await page.getByText('找不到此工會（或不在您的權限範圍內）').waitFor();
    expect(pageErrors.splice(logged)).toEqual([expect.stringContaining('404')]);
    await page.context().close();
  });

  it('prints the dashboard as a one-page summary', async () => {
    const page = await signIn('reviewer');
    await page.getByRole('heading', { name: /^總覽/ }).filter({ hasText: '第 2 季' }).waitFor();
    await page.locator('svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const summary = page.getByRole('region', { name: '列印摘要' });
    await expect(summary.isVisible()).resolves.toBe(true);
    // the panel (exactly so named: the summary's chart is a region named 各季申報完整度…) is gone from the paper
    await expect(page.getByRole('region', { name: '申報完整度', exact: true }).isVisible()).resolves.toBe(false);
    const text = await summary.textContent();
    expect(text).toContain('總覽摘要（115 年第 2 季，全國）');
    expect(text).toContain(`分配款收入 ${(allocationOf(upTo(2)) * 2).toLocaleString('en-US')} 元`);
    expect(text).toContain('次年度不予分配候選：臺中市港區裝卸職業工會');
    // two of the charts, drawn in the summary: the completeness bars and the ratio points
    await expect(summary.getByRole('figure', { name: '各季申報完整度圖' }).locator('svg rect').count()).resolves.toBeGreaterThan(0);
    await expect(summary.getByRole('figure', { name: '教育訓練與行政事務費比率圖' }).locator('svg').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'dashboard-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(join(CONSOLE_SHOTS, 'dashboard-print.pdf'), pdf);
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length).toBe(1);
    await page.context().close();
  });
});
