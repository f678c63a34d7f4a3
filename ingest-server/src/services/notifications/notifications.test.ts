// Notifications over real HTTP: each organisation sees only its own, newest first and paginated; marking read is
// limited to one's own organisation (anything else is 404); creating them is idempotent per dedupe key.
import { decide, driveTo, insertFiling } from '../review/testing/review-fixtures';
import { call } from '../../testing/http';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { createNotifications } from './notifications';

let server: TestServer;
let unionX: string;
let unionY: string;
let localA: string;
let localAAdmin: string;
let localB: string;
let ministry: string;
let filingId: number;

const url = (path: string) => `${server.url}/api${path}`;

beforeAll(async () => {
  server = await startTestServer();
  unionX = await server.login('union-x');
  unionY = await server.login('union-y');
  localA = await server.login('taichung');
  localAAdmin = await server.login('taichung-admin');
  localB = await server.login('kaohsiung');
  ministry = await server.login('reviewer');
  const f = await insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, kind: 'cashbook', quarter: 2 });
  filingId = f.id;
  // three decisions: accept, return (to the union), then on a second filing a forward that also tells the ministry
  await driveTo(server.url, { local: localA, ministry }, f.id, 'returned');
  const g = await insertFiling(server.db, { union: server.seed.unionY, uploader: server.seed.users.unionY, kind: 'application' });
  await driveTo(server.url, { local: localB, ministry }, g.id, 'ministry_review');
});
afterAll(() => server.close());

describe('GET /api/notifications', () => {
  it('shows an organisation its own notifications only, newest first', async () => {
    const x = await call(url('/notifications'), unionX);
    expect(x.status).toBe(200);
    expect(x.body).toMatchObject({ total: 2, unread: 2 });
    expect(x.body.notifications.map((n: { title: string }) => n.title)).toEqual(['申報已被退回', '申報已受理']);
    expect(x.body.notifications[0]).toMatchObject({ kind: 'review', filingId, read: false, readAt: null });
    expect(x.body.notifications[0].message).toContain('115 年第 2 季現金收支登記簿（第 1 版）已被臺中市政府勞工局退回：return 意見');

    const y = await call(url('/notifications'), unionY);
    expect(y.body.total).toBe(2);
    expect(y.body.notifications.every((n: { message: string }) => !n.message.includes('臺中市政府勞工局'))).toBe(true);
    // a local government's own inbox holds nothing of the union's notices about decisions it took itself
    expect((await call(url('/notifications'), localA)).body.total).toBe(0);
    expect((await call(url('/notifications'), localAAdmin)).body.total).toBe(0);
    const m = await call(url('/notifications'), ministry);
    expect(m.body.notifications.map((n: { title: string }) => n.title)).toEqual(['待審核申報']);
  });

  it('pages and filters unread', async () => {
    const first = await call(url('/notifications?limit=1'), unionX);
    const second = await call(url('/notifications?limit=1&offset=1'), unionX);
    expect(first.body).toMatchObject({ total: 2 });
    expect(first.body.notifications).toHaveLength(1);
    expect(second.body.notifications).toHaveLength(1);
    expect(second.body.notifications[0].id).not.toBe(first.body.notifications[0].id);
    expect(first.body.notifications[0].id).toBeGreaterThan(second.body.notifications[0].id);
    expect((await call(url('/notifications?offset=5'), unionX)).body.notifications).toEqual([]);
  });

  it('answers 400 with a zh-TW message to a bad query, 401 without a session', async () => {
    for (const [q, message] of [
      ['?unread=yes', 'unread 須為 1 或 0'],
      ['?limit=0', 'limit 須介於 1 到 200'],
      ['?limit=500', 'limit 須介於 1 到 200'],
      ['?offset=-1', 'offset 不可為負數'],
      ['?page=2', '不支援的欄位：page'],
    ] as const) {
      const res = await call(url(`/notifications${q}`), unionX);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(message);
    }
    expect((await call(url('/notifications'), null)).status).toBe(401);
  });
});

describe('POST /api/notifications/:id/read', () => {
  it('marks one of your own read, keeps the first reading time, and answers 404 for anyone else\'s', async () => {
    const [latest] = (await call(url('/notifications'), unionX)).body.notifications;
    for (const token of [unionY, localA, ministry]) {
      const res = await call(url(`/notifications/${latest.id}/read`), token, 'POST');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('找不到通知');
    }
    const read = await call(url(`/notifications/${latest.id}/read`), unionX, 'POST');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: latest.id, read: true });
    expect(typeof read.body.readAt).toBe('string');
    const again = await call(url(`/notifications/${latest.id}/read`), unionX, 'POST');
    expect(again.body.readAt).toBe(read.body.readAt);

    const unread = await call(url('/notifications?unread=1'), unionX);
    expect(unread.body).toMatchObject({ total: 1, unread: 1 });
    expect(unread.body.notifications[0].id).not.toBe(latest.id);
    expect((await call(url('/notifications?unread=0'), unionX)).body.total).toBe(2);
  });

  it('answers 404 to ids that are not a notification', async () => {
    for (const id of ['999999', 'abc', '0', '-1', '1.5', '99999999999999999999']) {
      expect((await call(url(`/notifications/${id}/read`), unionX, 'POST')).status).toBe(404);
    }
  });

  it('marks all of your organisation\'s notifications read, nobody else\'s', async () => {
    const res = await call(url('/notifications/read-all'), unionY, 'POST');
    expect(res.body).toEqual({ updated: 2 });
    expect((await call(url('/notifications?unread=1'), unionY)).body.total).toBe(0);
    expect((await call(url('/notifications?unread=1'), unionX)).body.total).toBe(1);
    expect((await call(url('/notifications/read-all'), unionY, 'POST')).body).toEqual({ updated: 0 });
  });
});

describe('createNotifications', () => {
  it('creates a notification once per dedupe key', async () => {
    const note = { organizationId: server.seed.unionX.id, filingId: null, kind: 'reminder' as const, title: '提醒', message: '請提交', dedupeKey: 'test:once' };
    expect(await createNotifications(server.db, [note, { ...note, dedupeKey: null }])).toBe(2);
    expect(await createNotifications(server.db, [note])).toBe(0);
    expect(await createNotifications(server.db, [])).toBe(0);
    expect(Number((await server.db('notifications').where('dedupe_key', 'test:once').count<{ count: string }[]>('* as count'))[0]?.count)).toBe(1);
  });

  it('creates many at once in chunks', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      organizationId: server.seed.unionY.id,
      filingId: null,
      kind: 'overdue' as const,
      title: `逾期 ${i}`,
      message: '請儘速提交',
      dedupeKey: `test:many:${i}`,
    }));
    expect(await createNotifications(server.db, many)).toBe(2500);
    expect(await createNotifications(server.db, many)).toBe(0);
    await server.db('notifications').where('dedupe_key', 'like', 'test:many:%').update({ read_at: server.db.fn.now() });
  });

  it('is written in the same transaction as the decision it reports', async () => {
    const f = await insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, kind: 'cashbook', quarter: 3 });
    const res = await decide(server.url, localA, f.id, 'accept');
    expect(res.status).toBe(200);
    const event = await server.db('review_events').where('filing_id', f.id).first();
    const note = await server.db('notifications').where('filing_id', f.id).first();
    expect(note).toMatchObject({ organization_id: server.seed.unionX.id, kind: 'review', dedupe_key: `review:${event.id}:${server.seed.unionX.id}` });
  });
});
