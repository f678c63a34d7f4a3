// Deadline reminders and overdue notices on a real database (created once, however often and concurrently they run),
// and the scoped overdue list and the admin's manual run over real HTTP.
import { call } from '../../testing/http';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { rocYearOf, taipeiDate } from '@portfund/shared-rules';
import { runReminders } from './reminders';
import { insertFiling } from './testing/review-fixtures';

let server: TestServer;

const taipei = (local: string) => new Date(`${local}+08:00`);
const notices = (dedupePrefix: string) => server.db('notifications').where('dedupe_key', 'like', `${dedupePrefix}%`).orderBy('id');

beforeAll(async () => {
  server = await startTestServer();
  const { unionX, unionY, users } = server.seed;
  // ROC 114 December cash books: X on time, Y late — filed either way, so never overdue
  await insertFiling(server.db, { union: unionX, uploader: users.unionX, kind: 'cashbook', year: 114, quarter: 4, uploadedAt: taipei('2025-12-30T10:00:00') });
  await insertFiling(server.db, { union: unionY, uploader: users.unionY, kind: 'cashbook', year: 114, quarter: 4, uploadedAt: taipei('2026-01-05T10:00:00') });
  // the 115 application: Y filed it on 1/20 and had it returned; X has not filed
  await insertFiling(server.db, { union: unionY, uploader: users.unionY, kind: 'application', year: 115, status: 'returned', uploadedAt: taipei('2026-01-20T10:00:00') });
});
afterAll(() => server.close());

describe('runReminders', () => {
  it('reminds a union with nothing filed within 7 days of the due date, once', async () => {
    const run = await runReminders(server.db, taipei('2026-01-26T09:00:00'));
    // Y's returned application is also due within 7 days: it is reminded to upload a corrected version
    expect(run).toEqual({ today: '2026-01-26', created: 2, reminders: 2, overdue: 0 });
    const rows = await notices('reminder:');
    expect(rows.map((r: { organization_id: number; message: string; kind: string }) => [r.organization_id, r.kind, r.message])).toEqual([
      [server.seed.unionX.id, 'reminder', '115 年度福利專款申請書應於 115 年 1 月 31 日前提交，距期限尚有 5 天。'],
      [server.seed.unionY.id, 'reminder', '115 年度福利專款申請書已被退回，請於 115 年 1 月 31 日前上傳修正後的新版本（尚有 5 天）。'],
    ]);
    expect(await runReminders(server.db, taipei('2026-01-26T10:00:00'))).toMatchObject({ created: 0 });
    expect(await runReminders(server.db, taipei('2026-01-31T23:59:00'))).toMatchObject({ created: 0 });
  });

  it('sends overdue notices to the union and its local government once past the end of the due date', async () => {
    // 2026-02-01 00:30 in Taipei is still 1/31 in UTC: the Taipei date decides
    const run = await runReminders(server.db, taipei('2026-02-01T00:30:00'));
    expect(run).toMatchObject({ today: '2026-02-01', created: 4, reminders: 0, overdue: 4 });
    const rows = await notices('overdue:');
    const byOrg = (orgId: number) => rows.filter((r: { organization_id: number }) => r.organization_id === orgId).map((r: { title: string; message: string }) => `${r.title}｜${r.message}`);
    expect(byOrg(server.seed.unionX.id)).toEqual(['115 年度福利專款申請書已逾期｜115 年度福利專款申請書應於 115 年 1 月 31 日前提交，已逾期 1 天，請儘速提交。']);
    expect(byOrg(server.seed.localA.id)).toEqual([
      '臺中市港區裝卸職業工會115 年度福利專款申請書逾期｜臺中市港區裝卸職業工會（統一編號 04595257）的115 年度福利專款申請書應於 115 年 1 月 31 日前提交，已逾期 1 天尚未提交。',
    ]);
    expect(byOrg(server.seed.unionY.id)).toEqual([
      '115 年度福利專款申請書已逾期｜115 年度福利專款申請書已被退回且尚未上傳新版本，期限為 115 年 1 月 31 日，已逾期 1 天，請儘速提交。',
    ]);
    expect(byOrg(server.seed.localB.id)).toHaveLength(1);
    expect(byOrg(server.seed.ministry.id)).toEqual([]);
    expect(await runReminders(server.db, taipei('2026-02-10T09:00:00'))).toMatchObject({ created: 0 });
  });

  it('creates each notice once when runs overlap', async () => {
    // Q1 of 115 is due 3/31: neither union has filed it
    const runs = await Promise.all([0, 1, 2].map(() => runReminders(server.db, taipei('2026-03-28T09:00:00'))));
    expect(runs.reduce((sum, r) => sum + r.created, 0)).toBe(2);
    expect(runs.reduce((sum, r) => sum + r.reminders, 0)).toBe(2);
    expect(await notices('reminder:')).toHaveLength(4);
  });

  it('reminds a union whose filing was returned just before the due date to upload a new version', async () => {
    const { unionX, users } = server.seed;
    await insertFiling(server.db, { union: unionX, uploader: users.unionX, kind: 'cashbook', year: 115, quarter: 4, status: 'returned', uploadedAt: taipei('2026-12-20T10:00:00') });
    const run = await runReminders(server.db, taipei('2026-12-28T09:00:00'));
    expect(run.reminders).toBe(2);
    const x = await server.db('notifications').where('dedupe_key', `reminder:${unionX.id}:cashbook:115:4`).first();
    expect(x.message).toBe('115 年第 4 季現金收支登記簿已被退回，請於 115 年 12 月 31 日前上傳修正後的新版本（尚有 3 天）。');
  });
});

describe('GET /api/reminders/overdue', () => {
  const overdue = async (user: string, query: string) => {
    const res = await call(`${server.url}/api/reminders/overdue${query}`, await server.login(user));
    expect(res.status).toBe(200);
    return res.body;
  };
  const summary = (body: { overdue: { union: { ubn: string }; state: string; daysOverdue: number; quarter: number | null }[] }) =>
    body.overdue.map((o) => `${o.union.ubn} ${o.quarter ?? 0} ${o.state} ${o.daysOverdue}`);

  it('lists only the unions in the caller\'s scope, with days overdue', async () => {
    const q = '?year=115&quarter=0&asOf=2026-02-03';
    expect(summary(await overdue('taichung', q))).toEqual(['04595257 0 missing 3']);
    expect(summary(await overdue('kaohsiung', q))).toEqual(['10458574 0 returned 3']);
    expect(summary(await overdue('reviewer', q))).toEqual(['04595257 0 missing 3', '10458574 0 returned 3']);
    expect(summary(await overdue('union-x', q))).toEqual(['04595257 0 missing 3']);
    expect(summary(await overdue('union-y', q))).toEqual(['10458574 0 returned 3']);
    const one = (await overdue('taichung', q)).overdue[0];
    expect(one).toMatchObject({
      union: { id: server.seed.unionX.id, name: '臺中市港區裝卸職業工會', ubn: '04595257' },
      localGovernment: { id: server.seed.localA.id, name: '臺中市政府勞工局' },
      kind: 'application',
      year: 115,
      quarter: null,
      periodLabel: '115 年度福利專款申請書',
      dueDate: '2026-01-31',
      latestFilingId: null,
    });
  });

  it('is empty on the due date itself, and covers every period of the year without a quarter, most overdue first', async () => {
    expect((await overdue('reviewer', '?year=115&quarter=0&asOf=2026-01-31')).overdue).toEqual([]);
    expect(summary(await overdue('taichung', '?year=115&asOf=2026-07-05'))).toEqual(['04595257 0 missing 155', '04595257 1 missing 96', '04595257 2 missing 5']);
    expect(summary(await overdue('kaohsiung', '?year=114&asOf=2026-07-05'))).toEqual([
      '10458574 0 missing 520',
      '10458574 1 missing 461',
      '10458574 2 missing 370',
      '10458574 3 missing 278',
    ]);
  });

  it('defaults to this year in Taipei and answers 400 with a zh-TW message to bad parameters', async () => {
    const token = await server.login('reviewer');
    const res = await call(`${server.url}/api/reminders/overdue`, token);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(rocYearOf(taipeiDate(new Date())));
    for (const [q, message] of [
      ['?year=abc', '年度須為數字'],
      ['?year=2026', '年度為 3 碼民國年，例如 115'],
      ['?quarter=5', '季別須為 0（申請書）或 1 到 4'],
      // one validation path for every route: a message that does not name its field gets the field's name in front
      ['?asOf=2026-02-30', '計算日期（asOf）：日期格式須為 YYYY-MM-DD'],
      ['?ubn=1', '不支援的欄位：ubn'],
    ] as const) {
      const bad = await call(`${server.url}/api/reminders/overdue${q}`, token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(message);
    }
    expect((await call(`${server.url}/api/reminders/overdue`, null)).status).toBe(401);
  });
});

describe('POST /api/reminders/run', () => {
  it('lets a ministry administrator run the reminders now, idempotently', async () => {
    const admin = await server.login('admin');
    const first = await call(`${server.url}/api/reminders/run`, admin, 'POST');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ today: taipeiDate(new Date()), created: first.body.reminders + first.body.overdue });
    expect((await call(`${server.url}/api/reminders/run`, admin, 'POST')).body).toMatchObject({ created: 0 });
  });

  it('refuses everyone else', async () => {
    for (const user of ['reviewer', 'taichung-admin', 'taichung', 'union-x']) {
      expect((await call(`${server.url}/api/reminders/run`, await server.login(user), 'POST')).status).toBe(403);
    }
    expect((await call(`${server.url}/api/reminders/run`, null, 'POST')).status).toBe(401);
  });
});
