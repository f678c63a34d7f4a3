// Reports over real HTTP on a real database with real generated workbooks: the figures against the seed's worked cash
// book, filing statuses, scoping, CSV and XLSX downloads and formula injection.
import { APPLICATION_EXAMPLE, CASHBOOK_EXAMPLE_CLOSING, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { taipeiDate } from '@portfund/shared-rules';
import { dueDate } from '../services/deadlines';
import { call, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN, UNION_Y_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, CASHBOOK_ENTRIES, cashbookBytes, cashbookName } from '../testing/workbooks';

const EVIL = '=HYPERLINK("http://evil")';
const EVIL_UBN = '04595252';
const Y_CHANGES = { cb_ubn: UNION_Y_UBN, cb_union_name: '高雄市港區碼頭職業工會' };

// Q2 version 2 of union X: an extra 行政事務費 of 50,000 on 6/30 (then 52,000 = 11.1 % of 467,000)
const WITH_ADMIN: readonly EntryRow[] = [
  ...CASHBOOK_ENTRIES.slice(0, 9),
  [6, 30, '支', '21', '6、行政事務費', '6-2', undefined, '交通費', 50000, '分配款', '專戶存款1'],
  ...CASHBOOK_ENTRIES.slice(9),
];
// union Y's year without the 7/21 餐費 of 70,240: 教育訓練 129,460 = 27.7 % of 467,000
const LOW_EDUCATION: readonly EntryRow[] = CASHBOOK_ENTRIES.filter((e) => !(e[0] === 7 && e[1] === 21));

// the Q4 of a union that filed nothing is not due before 2027-01-01 00:00 Taipei, missing after
const q4Unfiled = (): string => (taipeiDate(new Date()) <= dueDate({ kind: 'cashbook', year: 115, quarter: 4 }) ? 'not_due' : 'missing');

let server: TestServer;
const token: Record<'ministry' | 'taichung' | 'kaohsiung' | 'unionX' | 'unionY', string> = { ministry: '', taichung: '', kaohsiung: '', unionX: '', unionY: '' };
const ids: Record<'x1' | 'x2v1' | 'x2v2' | 'x4' | 'xApp' | 'y1' | 'y2' | 'y4', number> = { x1: 0, x2v1: 0, x2v2: 0, x4: 0, xApp: 0, y1: 0, y2: 0, y4: 0 };

const file = async (who: string, name: string, bytes: Promise<Buffer>): Promise<number> => {
  const res = await upload(server.url, who, [{ name, bytes: await bytes }]);
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
};

const setFiling = (id: number, patch: Record<string, unknown>): Promise<number> => server.db('filings').where('id', id).update(patch);
const errorsOf = async (id: number): Promise<number> => Number((await server.db('filings').where('id', id).first('errors')).errors);

const report = (path: string, who: keyof typeof token) => call(`${server.url}/api/reports${path}`, token[who]);
const rowOf = (body: { rows: { union: { ubn: string } }[] }, ubn: string): any => body.rows.find((r) => r.union.ubn === ubn);

const download = async (path: string, who: keyof typeof token): Promise<{ res: Response; bytes: Buffer }> => {
  const res = await fetch(`${server.url}/api/reports${path}`, { headers: { authorization: `Bearer ${token[who]}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

const cell = (cells: readonly string[], header: readonly string[], name: string): string | undefined => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return cells[i];
};

const spendGrid = (cells: Record<string, [number, number, number]>) =>
  Object.fromEntries(
    ['1', '2', '3-1', '3-2', '4', '5', '6'].map((k) => {
      const [allocation, interest, surplus] = cells[k] ?? [0, 0, 0];
      return [k, { allocation: String(allocation), interest: String(interest), surplus: String(surplus), total: String(allocation + interest + surplus) }];
    }),
  );

beforeAll(async () => {
  server = await startTestServer();
  token.ministry = await server.login('reviewer');
  token.taichung = await server.login('taichung');
  token.kaohsiung = await server.login('kaohsiung');
  token.unionX = await server.login('union-x');
  token.unionY = await server.login('union-y');
  await server.db('organizations').insert({ kind: 'union', name: EVIL, ubn: EVIL_UBN, parent_id: server.seed.localB.id });

  ids.x1 = await file(token.unionX, cashbookName(115, 1, UNION_X_UBN), cashbookBytes(1));
  ids.x2v1 = await file(token.unionX, cashbookName(115, 2, UNION_X_UBN), cashbookBytes(2));
  ids.x2v2 = await file(token.taichung, cashbookName(115, 2, UNION_X_UBN), cashbookBytes(2, {}, WITH_ADMIN));
  ids.x4 = await file(token.unionX, cashbookName(115, 4, UNION_X_UBN), cashbookBytes(4));
  // 384 members declared for a roster of 385: the application carries an error (roster.count_mismatch)
  ids.xApp = await file(token.unionX, applicationName(115, UNION_X_UBN), applicationBytes({ app_members: 384 }));
  ids.y1 = await file(token.unionY, cashbookName(115, 1, UNION_Y_UBN), cashbookBytes(1, Y_CHANGES));
  ids.y2 = await file(token.kaohsiung, cashbookName(115, 2, UNION_Y_UBN), cashbookBytes(2, Y_CHANGES));
  ids.y4 = await file(token.unionY, cashbookName(115, 4, UNION_Y_UBN), cashbookBytes(4, Y_CHANGES, LOW_EDUCATION));

  // test setup: when the versions came in, and a decision the review part would have made
  await setFiling(ids.x1, { uploaded_at: '2026-03-20T10:00:00+08:00' });
  await setFiling(ids.x2v1, { uploaded_at: '2026-06-30T23:59:59+08:00' });
  await setFiling(ids.x2v2, { uploaded_at: '2026-07-15T09:00:00+08:00' });
  await setFiling(ids.x4, { uploaded_at: '2026-12-20T10:00:00+08:00' });
  await setFiling(ids.y1, { uploaded_at: '2026-04-01T00:00:00+08:00' });
  await setFiling(ids.y2, { uploaded_at: '2026-06-01T10:00:00+08:00', status: 'returned' });
  await setFiling(ids.y4, { uploaded_at: '2027-01-01T00:00:00+08:00' });
}, 240_000);
afterAll(() => server.close());

describe('GET /api/reports/unions', () => {
  it('gives the ministry one row per union with the year-to-date figures of the current cash book', async () => {
    const res = await report('/unions?year=115&quarter=2', 'ministry');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 115, quarter: 2 });
    expect(res.body.rows.map((r: any) => r.union.ubn)).toEqual([UNION_X_UBN, EVIL_UBN, UNION_Y_UBN]);

    // X, Q2 version 2 (months 1–6 plus the extra 50,000): 6/30 balances 1,597,037 + 250,804
    const x = rowOf(res.body, UNION_X_UBN);
    expect(x).toMatchObject({
      localGovernment: { id: server.seed.localA.id, name: '臺中市政府勞工局' },
      union: { name: '臺中市港區裝卸職業工會', ubn: UNION_X_UBN },
      cashbook: { filingId: ids.x2v2, version: 2, status: 'submitted', underReview: true },
      application: { filingId: ids.xApp, version: 1, underReview: true },
      approved: { cashbook: null, application: null },
      allocationReceived: '467000',
      spend: spendGrid({ '1': [20000, 0, 0], '3-2': [0, 0, 5100], '5': [100000, 0, 0], '6': [52000, 0, 0] }),
      totalSpent: '177100',
      educationRatio: 4.3,
      adminRatio: 11.1,
      flags: { educationBelowMin: null, adminAboveMax: true },
      balance: '1847841',
      // the seed's 決算 (SPEC §3.3): 2,352,194 remaining + 996,537 revenue − 991,700 spent
      cumulativeSurplus: '2357031',
    });
    const xErrors = { cashbook: await errorsOf(ids.x2v2), application: await errorsOf(ids.xApp) };
    expect(xErrors.application).toBeGreaterThan(0);
    expect(x.openErrors).toEqual({ ...xErrors, total: xErrors.cashbook + xErrors.application });
    expect(x.quarters.map((q: any) => q.status)).toEqual(['on_time', 'on_time', 'missing', 'on_time']);
    expect(x.quarters[1]).toMatchObject({ dueDate: '2026-06-30', filing: { filingId: ids.x2v2, version: 2 }, firstUploadedAt: '2026-06-30T15:59:59.000Z' });
    expect(x.quarters[2]).toMatchObject({ dueDate: '2026-09-30', filing: null, firstUploadedAt: null });

    // Y, Q2 returned and nothing else filed for it: the returned book's figures never count (counted-filings.ts)
    const y = rowOf(res.body, UNION_Y_UBN);
    expect(y).toMatchObject({
      localGovernment: { id: server.seed.localB.id },
      cashbook: null,
      application: null,
      allocationReceived: null,
      spend: null,
      totalSpent: null,
      educationRatio: null,
      adminRatio: null,
      flags: { educationBelowMin: null, adminAboveMax: null },
      balance: null,
      cumulativeSurplus: null,
      openErrors: { cashbook: null, application: null, total: 0 },
    });
    expect(y.quarters.map((q: any) => q.status)).toEqual(['late', 'returned', 'missing', 'late']);

    const evil = rowOf(res.body, EVIL_UBN);
    expect(evil).toMatchObject({
      union: { name: EVIL },
      cashbook: null,
      allocationReceived: null,
      spend: null,
      totalSpent: null,
      educationRatio: null,
      adminRatio: null,
      flags: { educationBelowMin: null, adminAboveMax: null },
      balance: null,
      cumulativeSurplus: null,
      approved: { cashbook: null, application: null },
      openErrors: { cashbook: null, application: null, total: 0 },
    });
    expect(evil.quarters.map((q: any) => q.status)).toEqual(['missing', 'missing', 'missing', q4Unfiled()]);
  });

  it('judges 教育訓練 < 40 % on the December figures', async () => {
    const res = await report('/unions?year=115&quarter=4', 'ministry');
    // X: the clean worked year, closing as CASHBOOK_EXAMPLE_CLOSING; 教育訓練 199,700 = 42.8 % of 467,000
    const closing = Object.values(CASHBOOK_EXAMPLE_CLOSING).reduce<number>((a, b) => a + b, 0);
    expect(rowOf(res.body, UNION_X_UBN)).toMatchObject({
      cashbook: { filingId: ids.x4 },
      spend: spendGrid({ '1': [199700, 0, 0], '3-2': [0, 0, 5100], '4': [6000, 0, 0], '5': [100000, 0, 0], '6': [4500, 0, 0] }),
      totalSpent: '315300',
      educationRatio: 42.8,
      adminRatio: 1,
      flags: { educationBelowMin: false, adminAboveMax: false },
      balance: String(closing),
    });
    expect(closing).toBe(1711141);
    // Y: without the 70,240 the year ends 70,240 richer and 教育訓練 is 129,460 = 27.7 %
    const y = rowOf(res.body, UNION_Y_UBN);
    expect(y).toMatchObject({
      cashbook: { filingId: ids.y4 },
      totalSpent: '245060',
      educationRatio: 27.7,
      flags: { educationBelowMin: true, adminAboveMax: false },
      balance: '1781381',
    });
    expect(y.openErrors.cashbook).toBe(await errorsOf(ids.y4));
    // a December book is a record of the past: under 40 % it is warned about (§1.3(一)), never an error to rewrite (issue 13)
    const ratio = await server.db('findings').where({ filing_id: ids.y4, code: 'ratio.education_min' }).first('severity');
    expect(ratio?.severity).toBe('warning');
  });

  it('falls back to the previous version when the current one is rejected; the first upload still decides the deadline', async () => {
    // version 2 closed version 1 as superseded when it arrived: with version 2 rejected nothing is current, a new one is owed
    expect(await server.db('filings').where('id', ids.x2v1).first('status')).toEqual({ status: 'superseded' });
    await setFiling(ids.x2v2, { status: 'rejected' });
    try {
      const none = rowOf((await report('/unions?year=115&quarter=2', 'ministry')).body, UNION_X_UBN);
      expect(none).toMatchObject({ cashbook: null, quarters: expect.arrayContaining([expect.objectContaining({ quarter: 2, status: 'returned' })]) });
      // a version 1 that had been approved stays approved, and is the one reported again
      await setFiling(ids.x2v1, { status: 'approved' });
      const x = rowOf((await report('/unions?year=115&quarter=2', 'ministry')).body, UNION_X_UBN);
      expect(x).toMatchObject({ cashbook: { filingId: ids.x2v1, version: 1 }, balance: '1897841', adminRatio: 0.4, flags: { adminAboveMax: false } });
      expect(x.quarters[1]).toMatchObject({ status: 'on_time', filing: { filingId: ids.x2v1 } });
    } finally {
      await setFiling(ids.x2v1, { status: 'superseded' });
      await setFiling(ids.x2v2, { status: 'submitted' });
    }
  });

  it('counts the approved version, not a newer one under review nor a returned one; the quarter follows the newest', async () => {
    await setFiling(ids.x2v1, { status: 'approved' });
    await setFiling(ids.x2v2, { status: 'local_review' });
    try {
      // version 1 approved (its 2,000 of 行政事務費: 0.4 %), version 2 with 52,000 still under review: version 1 counts
      const x = rowOf((await report('/unions?year=115&quarter=2', 'ministry')).body, UNION_X_UBN);
      expect(x).toMatchObject({
        cashbook: { filingId: ids.x2v1, version: 1, status: 'approved', underReview: false },
        approved: { cashbook: { filingId: ids.x2v1, version: 1, status: 'approved' }, application: null },
        adminRatio: 0.4,
        totalSpent: '127100',
        balance: '1897841',
      });
      expect(x.quarters[1]).toMatchObject({ status: 'on_time', filing: { filingId: ids.x2v2, status: 'local_review' } });
      const { bytes } = await download('/unions?year=115&quarter=2&format=csv', 'ministry');
      const [header = [], ...rows] = parse(bytes.toString('utf8'), { bom: true }) as string[][];
      const row = rows.find((r) => cell(r, header, '統一編號') === UNION_X_UBN) ?? [];
      expect(['現金收支登記簿版本', '現金收支登記簿審核狀態', '現金收支登記簿最新核准版本', '申請書版本', '申請書審核狀態', '申請書最新核准版本', '6 行政事務費（分配款）'].map((h) => cell(row, header, h))).toEqual([
        '1',
        '核准',
        '1',
        '1',
        '已提交',
        '',
        '2000',
      ]);
      const lg = (await report('/local-governments?year=115&quarter=2', 'ministry')).body.rows[0];
      expect(lg).toMatchObject({ totalSpent: '127100', adminAboveMax: 0, spend: { '6': { allocation: '2000' } } });

      // the newest version returned: a new one is owed, and the approved version 1 is still what counts
      await setFiling(ids.x2v2, { status: 'returned' });
      const returned = rowOf((await report('/unions?year=115&quarter=2', 'ministry')).body, UNION_X_UBN);
      expect(returned).toMatchObject({ cashbook: { filingId: ids.x2v1, status: 'approved' }, approved: { cashbook: { filingId: ids.x2v1 } }, adminRatio: 0.4 });
      expect(returned.quarters[1].status).toBe('returned');
      const balances = (await report(`/unions/${UNION_X_UBN}/balances?year=115`, 'ministry')).body.quarters[1];
      expect(balances).toMatchObject({ filing: { filingId: ids.x2v1, status: 'approved' }, balance: '1897841' });
    } finally {
      await setFiling(ids.x2v1, { status: 'submitted' });
      await setFiling(ids.x2v2, { status: 'submitted' });
    }
  });

  it('recomputes 歷年累積結餘款 from the counted application\'s 決算 inputs, apart from 結存', async () => {
    // a second version with 1,000 more remaining from N−2, and 500 of 其他收入 spent on 3-2 慰問金 (結餘款 column)
    const spend = (APPLICATION_EXAMPLE.fa_spend as unknown[][]).map((r, i) => (i === 4 ? [500, 0, 0] : [...r]));
    const v2 = await file(token.taichung, applicationName(115, UNION_X_UBN), applicationBytes({ app_members: 384, fa_prev_surplus_remaining: 2353194, fa_rev_other: 500, fa_spend: spend }));
    try {
      // nothing approved: the latest version under review counts
      const x = rowOf((await report('/unions?year=115&quarter=2', 'ministry')).body, UNION_X_UBN);
      // 2,353,194 + (467,000 + 15,937 + 500 + 513,600) − (514,100 + 463,100 + 15,000)
      expect(x).toMatchObject({
        application: { filingId: v2, version: 2, status: 'submitted', underReview: true },
        approved: { application: null },
        cumulativeSurplus: '2358031',
        balance: '1847841',
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download('/unions?year=115&quarter=2&format=xlsx', 'ministry')).bytes as never);
      const sheet = workbook.getWorksheet('115年第2季工會');
      const header = (sheet?.getRow(1).values as unknown[]).slice(1).map(String);
      expect(sheet?.getRow(2).getCell(header.indexOf('歷年累積結餘款（申請書決算）') + 1)).toMatchObject({ value: 2358031, numFmt: '#,##0' });
      expect(sheet?.getRow(2).getCell(header.indexOf('結存') + 1).value).toBe(1847841);
      // version 1 approved: it counts again, over the newer version still under review
      await setFiling(ids.xApp, { status: 'approved' });
      const approved = rowOf((await report('/unions?year=115&quarter=2', 'ministry')).body, UNION_X_UBN);
      expect(approved).toMatchObject({ application: { filingId: ids.xApp, version: 1, underReview: false }, approved: { application: { filingId: ids.xApp } }, cumulativeSurplus: '2357031' });
    } finally {
      await setFiling(v2, { status: 'rejected' });
      await setFiling(ids.xApp, { status: 'submitted' });
    }
  });

  it('shows each caller only the unions in their scope', async () => {
    const ubns = async (who: keyof typeof token) => (await report('/unions?year=115&quarter=2', who)).body.rows.map((r: any) => r.union.ubn);
    expect(await ubns('kaohsiung')).toEqual([EVIL_UBN, UNION_Y_UBN]);
    expect(await ubns('taichung')).toEqual([UNION_X_UBN]);
    expect(await ubns('unionX')).toEqual([UNION_X_UBN]);
    expect(await ubns('unionY')).toEqual([UNION_Y_UBN]);
  });

  it('refuses a malformed query with 400 and an anonymous caller with 401', async () => {
    for (const query of ['year=115&quarter=5', 'year=115&quarter=0', 'year=abc&quarter=1', 'quarter=1', 'year=115', 'year=115&quarter=1&format=pdf', 'year=115&quarter=1&x=1']) {
      const res = await report(`/unions?${query}`, 'ministry');
      expect([query, res.status, res.body.error.code]).toEqual([query, 400, 'bad_request']);
    }
    expect((await call(`${server.url}/api/reports/unions?year=115&quarter=1`, null)).status).toBe(401);
  });

  it('downloads a UTF-8 CSV with BOM, Chinese headers, plain numbers and inert text', async () => {
    const { res, bytes } = await download('/unions?year=115&quarter=2&format=csv', 'ministry');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('115年第2季工會福利專款報表.csv')}`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    const [header = [], ...rows] = records;
    expect(header.slice(0, 5)).toEqual(['地方主管機關', '工會名稱', '統一編號', '分配款收入', '1 教育訓練（分配款）']);
    expect(header).toEqual(
      expect.arrayContaining(['6 行政事務費（分配款）', '支出合計', '教育訓練比率', '行政事務費比率', '結存', '歷年累積結餘款（申請書決算）', '第1季申報', '第4季申報', '未結錯誤數']),
    );
    expect(rows).toHaveLength(3);
    const x = rows.find((r) => cell(r, header, '統一編號') === UNION_X_UBN) ?? [];
    expect(['工會名稱', '分配款收入', '6 行政事務費（分配款）', '3-2 慰問金（結餘款）', '支出合計', '教育訓練比率', '行政事務費比率', '教育訓練未達40%', '行政事務費超過10%', '結存', '歷年累積結餘款（申請書決算）', '第2季申報', '第3季申報', '現金收支登記簿申報編號', '現金收支登記簿版本', '現金收支登記簿審核狀態'].map((h) => cell(x, header, h))).toEqual([
      '臺中市港區裝卸職業工會',
      '467000',
      '52000',
      '5100',
      '177100',
      '4.3',
      '11.1',
      '',
      '是',
      '1847841',
      '2357031',
      '準時',
      '未申報',
      String(ids.x2v2),
      '2',
      '已提交',
    ]);
    const y = rows.find((r) => cell(r, header, '統一編號') === UNION_Y_UBN) ?? [];
    // Y's Q2 was returned: its quarter says so, and none of its figures count
    expect(['第1季申報', '第2季申報', '分配款收入', '行政事務費比率', '歷年累積結餘款（申請書決算）', '現金收支登記簿審核狀態'].map((h) => cell(y, header, h))).toEqual(['逾期', '退回', '', '', '', '']);
    const evil = rows.find((r) => cell(r, header, '統一編號') === EVIL_UBN) ?? [];
    expect(cell(evil, header, '工會名稱')).toBe(`'${EVIL}`);
    expect(cell(evil, header, '工會名稱')?.startsWith("'=")).toBe(true);
    expect(cell(evil, header, '分配款收入')).toBe('');
  });

  it('downloads an XLSX with a bold frozen header, real numbers in their formats and the hostile name as plain text', async () => {
    const { res, bytes } = await download('/unions?year=115&quarter=2&format=xlsx', 'ministry');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('115年第2季工會福利專款報表.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet('115年第2季工會');
    if (sheet === undefined) throw new Error('sheet missing');
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 4)).toEqual(['地方主管機關', '工會名稱', '統一編號', '分配款收入']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.rowCount).toBe(4);
    const col = (name: string): number => header.indexOf(name) + 1;
    const x = sheet.getRow(2);
    expect(x.getCell(col('統一編號')).value).toBe(UNION_X_UBN);
    expect(x.getCell(col('分配款收入'))).toMatchObject({ value: 467000, numFmt: '#,##0', type: ExcelJS.ValueType.Number });
    expect(x.getCell(col('結存'))).toMatchObject({ value: 1847841, numFmt: '#,##0' });
    expect(x.getCell(col('歷年累積結餘款（申請書決算）'))).toMatchObject({ value: 2357031, numFmt: '#,##0' });
    expect(sheet.getRow(4).getCell(col('歷年累積結餘款（申請書決算）')).value).toBeNull();
    expect(x.getCell(col('行政事務費比率')).numFmt).toBe('0.0%');
    expect(x.getCell(col('行政事務費比率')).value).toBeCloseTo(0.111, 10);
    expect(x.getCell(col('第1季申報')).value).toBe('準時');
    const evil = sheet.getRow(3).getCell(col('工會名稱'));
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.formula).toBeUndefined();
    expect(evil.value).toBe(`'${EVIL}`);
    expect(sheet.getRow(3).getCell(col('分配款收入')).value).toBeNull();
    expect(sheet.getRow(4).getCell(col('統一編號')).value).toBe(UNION_Y_UBN);
  });
});

describe('GET /api/reports/local-governments', () => {
  it('rolls the unions up per local government for the quarter', async () => {
    const res = await report('/local-governments?year=115&quarter=2', 'ministry');
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: any) => r.localGovernment?.name)).toEqual(['臺中市政府勞工局', '高雄市政府勞工局']);
    const [taichung, kaohsiung] = res.body.rows;
    expect(taichung).toMatchObject({
      unions: 1,
      filings: { onTime: 1, late: 0, missing: 0, returned: 0, notYetDue: 0 },
      allocationReceived: '467000',
      spend: spendGrid({ '1': [20000, 0, 0], '3-2': [0, 0, 5100], '5': [100000, 0, 0], '6': [52000, 0, 0] }),
      totalSpent: '177100',
      educationBelowMin: null,
      adminAboveMax: 1,
      openErrors: (await errorsOf(ids.x2v2)) + (await errorsOf(ids.xApp)),
    });
    // Y's returned Q2 is counted as returned, its money and its errors not at all
    expect(kaohsiung).toMatchObject({
      unions: 2,
      filings: { onTime: 0, late: 0, missing: 1, returned: 1, notYetDue: 0 },
      allocationReceived: '0',
      totalSpent: '0',
      adminAboveMax: 0,
      openErrors: 0,
    });
  });

  it('counts the unions under 40 % in December, and the statuses of that quarter', async () => {
    const res = await report('/local-governments?year=115&quarter=4', 'ministry');
    const [taichung, kaohsiung] = res.body.rows;
    expect(taichung).toMatchObject({ educationBelowMin: 0, adminAboveMax: 0, filings: { onTime: 1 }, totalSpent: '315300' });
    const unfiled = q4Unfiled() === 'missing' ? { missing: 1, notYetDue: 0 } : { missing: 0, notYetDue: 1 };
    expect(kaohsiung).toMatchObject({ educationBelowMin: 1, filings: { onTime: 0, late: 1, returned: 0, ...unfiled }, totalSpent: '245060', allocationReceived: '467000' });
  });

  it('shows a local government and a union only their own local government, counting only what they may see', async () => {
    const names = async (who: keyof typeof token) => (await report('/local-governments?year=115&quarter=2', who)).body.rows.map((r: any) => [r.localGovernment.name, r.unions]);
    expect(await names('kaohsiung')).toEqual([['高雄市政府勞工局', 2]]);
    expect(await names('taichung')).toEqual([['臺中市政府勞工局', 1]]);
    expect(await names('unionY')).toEqual([['高雄市政府勞工局', 1]]);
  });

  it('downloads the roll-up as CSV and XLSX', async () => {
    const csv = await download('/local-governments?year=115&quarter=2&format=csv', 'ministry');
    const [header = [], taichung = []] = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
    expect(header.slice(0, 8)).toEqual(['地方主管機關', '工會數', '準時', '逾期', '未申報', '退回', '未到期', '分配款收入']);
    expect(['地方主管機關', '工會數', '準時', '6 行政事務費', '支出合計', '教育訓練未達40%工會數', '行政事務費超過10%工會數'].map((h) => cell(taichung, header, h))).toEqual([
      '臺中市政府勞工局',
      '1',
      '1',
      '52000',
      '177100',
      '',
      '1',
    ]);
    const xlsx = await download('/local-governments?year=115&quarter=2&format=xlsx', 'kaohsiung');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as never);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(1).value).toBe('高雄市政府勞工局');
    expect(sheet?.getRow(2).getCell(2).value).toBe(2);
    // Y's returned Q2 is not counted: 0 of 分配款 in 高雄
    expect(sheet?.getRow(2).getCell(8)).toMatchObject({ value: 0, numFmt: '#,##0' });
    const ofTaichung = new ExcelJS.Workbook();
    await ofTaichung.xlsx.load((await download('/local-governments?year=115&quarter=2&format=xlsx', 'taichung')).bytes as never);
    expect(ofTaichung.worksheets[0]?.getRow(2).getCell(8)).toMatchObject({ value: 467000, numFmt: '#,##0' });
  });
});

describe('GET /api/reports/unions/:ubn/balances', () => {
  it('gives the closing balances of the four accounts and 結存 per quarter, null where nothing is current', async () => {
    const res = await report(`/unions/${UNION_X_UBN}/balances?year=115`, 'taichung');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ union: { ubn: UNION_X_UBN }, localGovernment: { name: '臺中市政府勞工局' }, year: 115 });
    expect(res.body.quarters).toEqual([
      { quarter: 1, filing: { filingId: ids.x1, version: 1, status: 'submitted' }, special1: '1767000', special2: '0', fixed: '0', petty: '252804', balance: '2019804' },
      { quarter: 2, filing: { filingId: ids.x2v2, version: 2, status: 'submitted' }, special1: '1597037', special2: '0', fixed: '0', petty: '250804', balance: '1847841' },
      { quarter: 3, filing: null, special1: null, special2: null, fixed: null, petty: null, balance: null },
      {
        quarter: 4,
        filing: { filingId: ids.x4, version: 1, status: 'submitted' },
        special1: String(CASHBOOK_EXAMPLE_CLOSING.專戶存款1),
        special2: String(CASHBOOK_EXAMPLE_CLOSING.專戶存款2),
        fixed: String(CASHBOOK_EXAMPLE_CLOSING.定期存款),
        petty: String(CASHBOOK_EXAMPLE_CLOSING.零用金),
        balance: '1711141',
      },
    ]);
  });

  it('answers 404 for a union outside the caller\'s scope or unknown, 400 for a bad year', async () => {
    expect((await report(`/unions/${UNION_X_UBN}/balances?year=115`, 'kaohsiung')).status).toBe(404);
    expect((await report(`/unions/${UNION_X_UBN}/balances?year=115`, 'unionY')).status).toBe(404);
    expect((await report(`/unions/12345678/balances?year=115`, 'ministry')).status).toBe(404);
    expect((await report(`/unions/abc/balances?year=115`, 'ministry')).status).toBe(404);
    expect((await report(`/unions/${UNION_X_UBN}/balances?year=9999`, 'ministry')).status).toBe(400);
    expect((await report(`/unions/${UNION_X_UBN}/balances?year=115`, 'unionX')).status).toBe(200);
  });

  it('downloads the balances as XLSX and CSV', async () => {
    const xlsx = await download(`/unions/${UNION_X_UBN}/balances?year=115&format=xlsx`, 'ministry');
    expect(xlsx.res.headers.get('content-disposition')).toContain(encodeURIComponent(`115年_${UNION_X_UBN}_臺中市港區裝卸職業工會_季末結存.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as never);
    const sheet = workbook.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(['工會名稱', '統一編號', '年度', '季別', '專戶存款1', '專戶存款2', '定期存款', '零用金', '結存', '申報編號', '版本', '審核狀態']);
    expect(sheet?.getRow(3).getCell(11).value).toBe(2);
    expect(sheet?.getRow(3).getCell(12).value).toBe('已提交');
    expect(sheet?.getRow(5).getCell(7)).toMatchObject({ value: 500000, numFmt: '#,##0' });
    expect(sheet?.getRow(4).getCell(9).value).toBeNull();
    const csv = await download(`/unions/${EVIL_UBN}/balances?year=115&format=csv`, 'kaohsiung');
    const [, first = []] = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
    expect(first.slice(0, 5)).toEqual([`'${EVIL}`, EVIL_UBN, '115', '第1季', '']);
  });
});

it('documents the report endpoints in the OpenAPI file', async () => {
  const doc = (await call(`${server.url}/api/openapi.json`, null)).body;
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports/unions', '/api/reports/local-governments', '/api/reports/unions/{ubn}/balances']));
});
