// Review over real HTTP on a real database: every allowed transition, every refused one, optimistic locking under
// concurrency, the append-only history, notifications in the same transaction, and CSRF for cookie sessions.
import { type FilingStatus } from '../models/filing';
import { type Role } from '../models/user';
import { decide, driveTo, insertFiling, isReviewedStatus, PATHS, type ReviewedStatus } from '../services/review/testing/review-fixtures';
import { DECISIONS, STATUS_LABELS, TRANSITIONS, type Decision } from '../services/review/state-machine';
import { call, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { cashbookBytes, cashbookName, cashbookVariantBytes } from '../testing/workbooks';

let server: TestServer;
const tokens: Record<'unionX' | 'unionY' | 'localA' | 'localAAdmin' | 'localB' | 'ministry' | 'admin', string> = {
  unionX: '',
  unionY: '',
  localA: '',
  localAAdmin: '',
  localB: '',
  ministry: '',
  admin: '',
};

const STATUSES = Object.keys(STATUS_LABELS) as FilingStatus[];

beforeAll(async () => {
  server = await startTestServer();
  tokens.unionX = await server.login('union-x');
  tokens.unionY = await server.login('union-y');
  tokens.localA = await server.login('taichung');
  tokens.localAAdmin = await server.login('taichung-admin');
  tokens.localB = await server.login('kaohsiung');
  tokens.ministry = await server.login('reviewer');
  tokens.admin = await server.login('admin');
});
afterAll(() => server.close());

const reviewers = () => ({ local: tokens.localA, ministry: tokens.ministry });
const newFiling = (quarter = 1, kind: 'cashbook' | 'application' = 'cashbook') =>
  insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, kind, quarter: kind === 'application' ? 0 : quarter });
const filingRow = (id: number) => server.db('filings').where('id', id).first();
const eventCount = async (id: number) => Number((await server.db('review_events').where('filing_id', id).count<{ count: string }[]>('* as count'))[0]?.count);
const notificationCount = async (id: number) => Number((await server.db('notifications').where('filing_id', id).count<{ count: string }[]>('* as count'))[0]?.count);
const reviewUrl = (id: number) => `${server.url}/api/filings/${id}/review`;

describe('a real upload reviewed to the end', () => {
  it('goes submitted → local_review → ministry_review → approved with the full history and a notice at each step', async () => {
    const up = await upload(server.url, tokens.unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookBytes(1) }]);
    expect(up.status).toBe(201);
    const id = up.body.id as number;
    expect(up.body).toMatchObject({ status: 'submitted', lockVersion: 0 });

    const accepted = await call(reviewUrl(id), tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.filing).toMatchObject({ id, status: 'local_review', lockVersion: 1 });
    const forwarded = await call(reviewUrl(id), tokens.localA, 'POST', { decision: 'approve', opinion: '  資料齊全，轉陳。 ', lockVersion: 1 });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.filing).toMatchObject({ status: 'ministry_review', lockVersion: 2 });
    const approved = await call(reviewUrl(id), tokens.ministry, 'POST', { decision: 'approve', opinion: '', lockVersion: 2 });
    expect(approved.status).toBe(200);
    expect(approved.body.filing).toMatchObject({ status: 'approved', lockVersion: 3 });
    expect(approved.body.review).toMatchObject({ status: 'approved', statusLabel: '核准', lockVersion: 3, allowedDecisions: [] });

    const history = await call(`${server.url}/api/filings/${id}/history`, tokens.unionX);
    expect(history.status).toBe(200);
    expect(history.body.history).toEqual([
      expect.objectContaining({
        id: null,
        decision: 'submit',
        from: null,
        to: 'submitted',
        actor: expect.objectContaining({ username: 'union-x', organization: expect.objectContaining({ name: '臺中市港區裝卸職業工會' }) }),
        role: 'union',
      }),
      expect.objectContaining({ decision: 'accept', decisionLabel: '受理', from: 'submitted', to: 'local_review', role: 'local_gov', opinion: '' }),
      expect.objectContaining({
        decision: 'approve',
        from: 'local_review',
        fromLabel: '地方審核中',
        to: 'ministry_review',
        toLabel: '部審核中',
        opinion: '資料齊全，轉陳。',
        roleLabel: '地方主管機關',
        actor: { id: server.seed.users.localA.id, username: 'taichung', displayName: null, organization: { id: server.seed.localA.id, name: '臺中市政府勞工局', kind: 'local_gov' } },
      }),
      expect.objectContaining({ decision: 'approve', from: 'ministry_review', to: 'approved', role: 'ministry', actor: expect.objectContaining({ username: 'reviewer' }) }),
    ]);
    const times = (history.body.history as { at: string }[]).map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const notes = await call(`${server.url}/api/notifications`, tokens.unionX);
    const mine = (notes.body.notifications as { filingId: number; kind: string; message: string }[]).filter((n) => n.filingId === id);
    expect(mine.map((n) => n.kind)).toEqual(['review', 'review', 'review']);
    expect(mine.map((n) => n.message)).toEqual([
      '115 年第 1 季現金收支登記簿（第 1 版）已經勞動部核准。',
      '115 年第 1 季現金收支登記簿（第 1 版）已經臺中市政府勞工局核准，轉陳勞動部審核（意見：資料齊全，轉陳。）。',
      '115 年第 1 季現金收支登記簿（第 1 版）已由臺中市政府勞工局受理，進入地方審核。',
    ]);
  });
});

describe('every allowed transition', () => {
  const allowed = (['local_gov', 'ministry'] as const).flatMap((role) =>
    Object.entries(TRANSITIONS[role]).flatMap(([from, byDecision]) =>
      Object.entries(byDecision).map(([decision, to]) => [role, from as ReviewedStatus, decision as Decision, to] as const),
    ),
  );

  it('covers the eight transitions of SPEC §6', () => {
    expect(allowed).toHaveLength(8);
  });

  it.each(allowed)('%s: %s —%s→ %s', async (role, from, decision, to) => {
    const filing = await newFiling(2);
    await driveTo(server.url, reviewers(), filing.id, from);
    const before = await filingRow(filing.id);
    const res = await decide(server.url, role === 'ministry' ? tokens.ministry : tokens.localA, filing.id, decision, '請補正第 12 列的憑證號碼');
    expect(res.status).toBe(200);
    expect(res.body.filing).toMatchObject({ status: to, lockVersion: before.lock_version + 1 });
    const history = (await call(`${server.url}/api/filings/${filing.id}/history`, tokens.unionX)).body.history;
    expect(history).toHaveLength(PATHS[from].length + 2);
    expect(history[history.length - 1]).toMatchObject({ decision, from, to, role, opinion: '請補正第 12 列的憑證號碼' });
    expect(await eventCount(filing.id)).toBe(PATHS[from].length + 1);
  });
});

describe('every refused decision', () => {
  const byRole: Record<Role, 'localA' | 'ministry' | 'unionX'> = { local_gov: 'localA', ministry: 'ministry', union: 'unionX' };
  const filings = new Map<FilingStatus, number>();

  beforeAll(async () => {
    for (const status of STATUSES) {
      // superseded and withdrawn are reached by an upload or the union, not by a reviewer: inserted as they are
      const f = isReviewedStatus(status)
        ? await newFiling(3)
        : await insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, quarter: 3, status });
      if (isReviewedStatus(status)) await driveTo(server.url, reviewers(), f.id, status);
      filings.set(status, f.id);
    }
  });

  const refused = STATUSES.flatMap((status) =>
    (['union', 'local_gov', 'ministry'] as Role[]).flatMap((role) =>
      DECISIONS.filter((d) => TRANSITIONS[role][status]?.[d] === undefined).map((decision) => [role, status, decision] as const),
    ),
  );

  it.each(refused)('%s on %s: %s is refused and changes nothing', async (role, status, decision) => {
    const id = filings.get(status) ?? 0;
    const before = await filingRow(id);
    const events = await eventCount(id);
    const res = await decide(server.url, tokens[byRole[role]], id, decision, '意見');
    const roleNeverDecides = role === 'union' || (role === 'ministry' && (decision === 'accept' || decision === 'reject'));
    expect(res.status).toBe(roleNeverDecides ? 403 : 409);
    if (roleNeverDecides) {
      expect(res.body.error.code).toBe('review_forbidden');
    } else {
      expect(res.body.error).toMatchObject({ code: 'review_state' });
      expect(res.body.error.message).toContain(`「${STATUS_LABELS[status]}」`);
    }
    expect(await filingRow(id)).toMatchObject({ status, lock_version: before.lock_version });
    expect(await eventCount(id)).toBe(events);
  });

  it('answers 404 to a local government outside the jurisdiction and to another union, for reading and deciding', async () => {
    const id = filings.get('submitted') ?? 0;
    for (const token of [tokens.localB, tokens.unionY]) {
      expect((await call(reviewUrl(id), token, 'POST', { decision: 'accept', lockVersion: 0 })).status).toBe(404);
      expect((await call(reviewUrl(id), token)).status).toBe(404);
      expect((await call(`${server.url}/api/filings/${id}/history`, token)).status).toBe(404);
    }
    expect((await call(`${server.url}/api/filings/999999/review`, tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 })).status).toBe(404);
    expect((await call(`${server.url}/api/filings/abc/history`, tokens.localA)).status).toBe(404);
    expect((await filingRow(id)).status).toBe('submitted');
  });

  it('answers 401 without a session', async () => {
    const id = filings.get('submitted') ?? 0;
    expect((await call(reviewUrl(id), null, 'POST', { decision: 'accept', lockVersion: 0 })).status).toBe(401);
    expect((await call(`${server.url}/api/filings/${id}/history`, null)).status).toBe(401);
  });
});

describe('request validation', () => {
  it('answers 400 with a zh-TW message naming the problem', async () => {
    const f = await newFiling(4);
    await driveTo(server.url, reviewers(), f.id, 'local_review');
    const post = (body: unknown) => call(reviewUrl(f.id), tokens.localA, 'POST', body);
    const cases: [unknown, string][] = [
      [{ decision: 'return', lockVersion: 1 }, '「退回」須填寫審核意見'],
      [{ decision: 'reject', opinion: '   \n ', lockVersion: 1 }, '「否決」須填寫審核意見'],
      [{ decision: 'return', opinion: '退'.repeat(1001), lockVersion: 1 }, '審核意見不可超過 1000 字'],
      [{ decision: 'return', opinion: 'a\u0000b', lockVersion: 1 }, '控制字元'],
      [{ decision: 'approve!', lockVersion: 1 }, '審核結果（decision）須為'],
      [{ decision: 'approve' }, 'lockVersion'],
      [{ decision: 'approve', lockVersion: '1' }, 'lockVersion'],
      [{ decision: 'approve', lockVersion: 1.5 }, 'lockVersion 須為整數'],
      [{ decision: 'approve', lockVersion: 1, status: 'approved' }, '不支援的欄位：status'],
      [[1, 2], '請求內容須為 JSON 物件'],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({ body, status: 400, code: 'bad_request' });
      expect(res.body.error.message).toContain(message);
    }
    expect(await eventCount(f.id)).toBe(1);
    // 1000 characters, counted as characters (not UTF-16 units): accepted
    const long = await post({ decision: 'return', opinion: '𠀀'.repeat(1000), lockVersion: 1 });
    expect(long.status).toBe(200);
  });
});

describe('optimistic locking', () => {
  it('refuses a stale lockVersion with 409 and changes nothing', async () => {
    const f = await newFiling(1, 'application');
    const first = await call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 });
    expect(first.status).toBe(200);
    const stale = await call(reviewUrl(f.id), tokens.localAAdmin, 'POST', { decision: 'approve', lockVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({ code: 'stale', message: '此申報已被他人更新，請重新整理後再審核' });
    const ahead = await call(reviewUrl(f.id), tokens.localAAdmin, 'POST', { decision: 'approve', lockVersion: 7 });
    expect(ahead.status).toBe(409);
    expect(await filingRow(f.id)).toMatchObject({ status: 'local_review', lock_version: 1 });
    expect(await eventCount(f.id)).toBe(1);
  });

  it('lets exactly one of two reviewers deciding at once with the same lockVersion win', async () => {
    for (let round = 0; round < 5; round += 1) {
      const f = await newFiling(4);
      const [a, b] = await Promise.all([
        call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 }),
        call(reviewUrl(f.id), tokens.localAAdmin, 'POST', { decision: 'accept', lockVersion: 0 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect((a.status === 409 ? a : b).body.error.message).toBe('此申報已被他人更新，請重新整理後再審核');
      expect(await filingRow(f.id)).toMatchObject({ status: 'local_review', lock_version: 1 });
      expect(await eventCount(f.id)).toBe(1);
      expect(await notificationCount(f.id)).toBe(1);
    }
  });

  it('lets one of two conflicting decisions win: the return or the forward, never both', async () => {
    const f = await newFiling(4);
    await driveTo(server.url, reviewers(), f.id, 'local_review');
    const [a, b] = await Promise.all([
      call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'approve', lockVersion: 1 }),
      call(reviewUrl(f.id), tokens.localAAdmin, 'POST', { decision: 'return', opinion: '缺附件', lockVersion: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const row = await filingRow(f.id);
    expect(row.status).toBe(a.status === 200 ? 'ministry_review' : 'returned');
    expect(await eventCount(f.id)).toBe(2);
  });
});

describe('the history is append-only', () => {
  it('refuses UPDATE and DELETE on review_events in the database itself', async () => {
    const f = await newFiling(2);
    await driveTo(server.url, reviewers(), f.id, 'returned');
    await expect(server.db('review_events').where('filing_id', f.id).update({ opinion: '改寫的意見' })).rejects.toThrow(/append-only/);
    await expect(server.db('review_events').where('filing_id', f.id).del()).rejects.toThrow(/append-only/);
    const opinions = (await server.db('review_events').where('filing_id', f.id).orderBy('id')).map((e: { opinion: string }) => e.opinion);
    expect(opinions).toEqual(['accept 意見', 'return 意見']);
  });
});

describe('one transaction', () => {
  it('leaves status, history and notifications untouched when the notification cannot be written', async () => {
    const f = await newFiling(3);
    await server.db.raw(`CREATE FUNCTION refuse_notifications() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no notifications today'; END; $$ LANGUAGE plpgsql`);
    await server.db.raw('CREATE TRIGGER refuse_notifications BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse_notifications()');
    try {
      const res = await call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 });
      expect(res.status).toBe(500);
    } finally {
      await server.db.raw('DROP TRIGGER refuse_notifications ON notifications');
      await server.db.raw('DROP FUNCTION refuse_notifications()');
    }
    expect(await filingRow(f.id)).toMatchObject({ status: 'submitted', lock_version: 0 });
    expect(await eventCount(f.id)).toBe(0);
    expect((await call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 })).status).toBe(200);
  });
});

describe('GET /api/filings/:id/review', () => {
  it('tells each caller what they may decide, and the union the latest opinion of a returned filing', async () => {
    const f = await newFiling(1);
    const asLocal = await call(reviewUrl(f.id), tokens.localA);
    expect(asLocal.body).toMatchObject({
      status: 'submitted',
      statusLabel: '已提交',
      lockVersion: 0,
      superseded: false,
      allowedDecisions: [{ decision: 'accept', label: '受理', to: 'local_review', toLabel: '地方審核中', opinionRequired: false }],
      latestOpinion: null,
    });
    expect((await call(reviewUrl(f.id), tokens.ministry)).body.allowedDecisions).toEqual([]);
    await driveTo(server.url, reviewers(), f.id, 'ministry_returned');
    expect((await call(reviewUrl(f.id), tokens.localA)).body.allowedDecisions.map((d: { decision: string }) => d.decision)).toEqual(['approve', 'return']);
    await decide(server.url, tokens.localA, f.id, 'return', '請更正 3 月份利息收入');
    const asUnion = await call(reviewUrl(f.id), tokens.unionX);
    expect(asUnion.status).toBe(200);
    expect(asUnion.body).toMatchObject({
      status: 'returned',
      statusLabel: '退回申請人',
      allowedDecisions: [],
      latestOpinion: { decision: 'return', decisionLabel: '退回', opinion: '請更正 3 月份利息收入', actor: { username: 'taichung' } },
    });
    expect(asUnion.body.history).toHaveLength(5);
  });

  it('refuses to move an outdated version forward once a newer one is filed, but lets it be returned', async () => {
    const v1 = await newFiling(2, 'application');
    await driveTo(server.url, reviewers(), v1.id, 'local_review');
    const v2 = await newFiling(2, 'application');
    expect(v2.version).toBe(v1.version + 1);
    const summary = await call(reviewUrl(v1.id), tokens.localA);
    expect(summary.body).toMatchObject({ superseded: true, latestVersion: v2.version });
    expect(summary.body.allowedDecisions.map((d: { decision: string }) => d.decision)).toEqual(['return', 'reject']);
    const forward = await decide(server.url, tokens.localA, v1.id, 'approve');
    expect(forward.status).toBe(409);
    expect(forward.body.error).toMatchObject({ code: 'superseded' });
    expect(forward.body.error.message).toContain(`第 ${v2.version} 版`);
    expect((await decide(server.url, tokens.localA, v1.id, 'return', '已有新版本')).status).toBe(200);
    expect((await decide(server.url, tokens.localA, v2.id, 'accept')).status).toBe(200);
  });
});

describe('notifications of decisions', () => {
  it('tells the union of every decision, the local government of the ministry\'s, the ministry of forwarded filings', async () => {
    const f = await insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, kind: 'application', year: 114 });
    await driveTo(server.url, reviewers(), f.id, 'ministry_review');
    await decide(server.url, tokens.ministry, f.id, 'return', '決算表利息欄位有誤');
    const rows = await server.db('notifications').where('filing_id', f.id).orderBy('id');
    const to = (orgId: number) => rows.filter((r: { organization_id: number }) => r.organization_id === orgId).map((r: { message: string }) => r.message);
    expect(to(server.seed.unionX.id)).toEqual([
      '114 年度福利專款申請書（第 1 版）已由臺中市政府勞工局受理，進入地方審核（意見：accept 意見）。',
      '114 年度福利專款申請書（第 1 版）已經臺中市政府勞工局核准，轉陳勞動部審核（意見：approve 意見）。',
      '114 年度福利專款申請書（第 1 版）已被勞動部退回臺中市政府勞工局：決算表利息欄位有誤。待臺中市政府勞工局處理。',
    ]);
    expect(to(server.seed.localA.id)).toEqual(['臺中市港區裝卸職業工會的114 年度福利專款申請書（第 1 版）已被勞動部退回：決算表利息欄位有誤。請再次核轉或退回申請人。']);
    expect(to(server.seed.ministry.id)).toEqual(['臺中市政府勞工局已核轉臺中市港區裝卸職業工會的114 年度福利專款申請書（第 1 版），請審核（意見：approve 意見）。']);
    expect(to(server.seed.unionY.id)).toEqual([]);
    expect(to(server.seed.localB.id)).toEqual([]);
    await decide(server.url, tokens.localA, f.id, 'return', '請依勞動部意見修正');
    const latest = await call(`${server.url}/api/notifications?limit=1`, tokens.unionX);
    expect(latest.body.notifications[0]).toMatchObject({
      kind: 'review',
      filingId: f.id,
      title: '申報已被退回',
      message: '114 年度福利專款申請書（第 1 版）已被臺中市政府勞工局退回：請依勞動部意見修正。請依意見修正後上傳新版本。',
      read: false,
    });
  });
});

describe('cookie sessions', () => {
  it('refuses a cookie-authenticated decision without the X-CSRF-Token header and accepts it with', async () => {
    const f = await newFiling(2);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'taichung', password: 'Portfund2026pw' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    expect(cookie).toMatch(/^pf_session=/);
    const post = (headers: Record<string, string>) =>
      fetch(reviewUrl(f.id), { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ decision: 'accept', lockVersion: 0 }) });
    const without = await post({});
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf');
    expect((await post({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect(await filingRow(f.id)).toMatchObject({ status: 'submitted', lock_version: 0 });
    const withToken = await post({ 'x-csrf-token': csrfToken });
    expect(withToken.status).toBe(200);
    expect(await filingRow(f.id)).toMatchObject({ status: 'local_review', lock_version: 1 });
    // reading needs no token
    expect((await fetch(`${server.url}/api/filings/${f.id}/history`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('approving with open errors', () => {
  it('needs acknowledgeErrors for 核准 (local and ministry), refuses without it naming the count, records it in the history', async () => {
    const f = await newFiling(2, 'application');
    await driveTo(server.url, reviewers(), f.id, 'local_review');
    // the fixture's stored error count, as the checks would have left it
    await server.db('filings').where('id', f.id).update({ errors: 3 });
    const summary = await call(reviewUrl(f.id), tokens.localA);
    expect(summary.body).toMatchObject({ errors: 3, mayWithdraw: false });
    const refused = await decide(server.url, tokens.localA, f.id, 'approve', '');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('errors_unacknowledged');
    expect(refused.body.error.message).toContain('仍有 3 項錯誤');
    const notTrue = await call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'approve', lockVersion: 1, acknowledgeErrors: false });
    expect(notTrue.status).toBe(409);
    expect(await filingRow(f.id)).toMatchObject({ status: 'local_review', lock_version: 1 });
    const forwarded = await call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'approve', lockVersion: 1, acknowledgeErrors: true, opinion: '錯誤為格式問題' });
    expect(forwarded.status).toBe(200);
    const byMinistry = await call(reviewUrl(f.id), tokens.ministry, 'POST', { decision: 'approve', lockVersion: 2 });
    expect(byMinistry.body.error.code).toBe('errors_unacknowledged');
    expect((await call(reviewUrl(f.id), tokens.ministry, 'POST', { decision: 'approve', lockVersion: 2, acknowledgeErrors: true })).status).toBe(200);
    const history = (await call(`${server.url}/api/filings/${f.id}/history`, tokens.unionX)).body.history;
    expect(history.map((h: { decision: string; acknowledgedErrors: number | null }) => [h.decision, h.acknowledgedErrors])).toEqual([
      ['submit', null],
      ['accept', null],
      ['approve', 3],
      ['approve', 3],
    ]);
    // returning needs no acknowledgement, and a filing without errors is approved without one
    const clean = await newFiling(2, 'application');
    await driveTo(server.url, reviewers(), clean.id, 'ministry_review');
    expect((await call(`${server.url}/api/filings/${clean.id}/history`, tokens.unionX)).body.history[2].acknowledgedErrors).toBeNull();
  });

  it('refuses a non-boolean acknowledgement with 400', async () => {
    const f = await newFiling(2, 'application');
    const res = await call(reviewUrl(f.id), tokens.localA, 'POST', { decision: 'accept', lockVersion: 0, acknowledgeErrors: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('acknowledgeErrors');
  });
});

describe('withdrawing a version', () => {
  it('lets the union take back a version nobody took up, tells the local government, and nothing else', async () => {
    const f = await newFiling(1, 'application');
    const asUnion = await call(reviewUrl(f.id), tokens.unionX);
    expect(asUnion.body).toMatchObject({ mayWithdraw: true, allowedDecisions: [] });
    const url = `${server.url}/api/filings/${f.id}/withdraw`;
    expect((await call(url, tokens.localA, 'POST', { lockVersion: 0 })).status).toBe(403);
    expect((await call(url, tokens.unionY, 'POST', { lockVersion: 0 })).status).toBe(404);
    expect((await call(url, tokens.unionX, 'POST', {})).status).toBe(400);
    const done = await call(url, tokens.unionX, 'POST', { lockVersion: 0 });
    expect(done.status).toBe(200);
    expect(done.body.filing).toMatchObject({ status: 'withdrawn', lockVersion: 1 });
    expect(done.body.review).toMatchObject({ statusLabel: '已撤回', mayWithdraw: false });
    expect(done.body.review.history[1]).toMatchObject({ decision: 'withdraw', decisionLabel: '撤回', from: 'submitted', to: 'withdrawn', role: 'union' });
    const note = await server.db('notifications').where({ filing_id: f.id, organization_id: server.seed.localA.id }).first();
    expect(note).toMatchObject({ kind: 'submission', title: '臺中市港區裝卸職業工會撤回申報' });
    // no reviewer can decide on it any more, and it does not wait for anyone
    expect((await call(reviewUrl(f.id), tokens.localA)).body.allowedDecisions).toEqual([]);
    const work = await call(`${server.url}/api/worklist`, tokens.localA);
    expect(work.body.items.map((i: { id: number }) => i.id)).not.toContain(f.id);
    expect((await call(url, tokens.unionX, 'POST', { lockVersion: 1 })).body.error.code).toBe('withdraw_state');
  });

  it('refuses once a reviewer took it up, and a stale lockVersion', async () => {
    const f = await newFiling(1, 'application');
    const url = `${server.url}/api/filings/${f.id}/withdraw`;
    await driveTo(server.url, reviewers(), f.id, 'local_review');
    expect((await call(url, tokens.unionX, 'POST', { lockVersion: 0 })).body.error.code).toBe('stale');
    const taken = await call(url, tokens.unionX, 'POST', { lockVersion: 1 });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'withdraw_state' });
    expect(taken.body.error.message).toContain('「地方審核中」');
    expect(await filingRow(f.id)).toMatchObject({ status: 'local_review', lock_version: 1 });
  });
});

describe('待辦 worklist', () => {
  it('lists what waits for each reviewer, oldest first, overdue marked; unions have none', async () => {
    const old = await insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, kind: 'application', year: 113, uploadedAt: new Date(Date.now() - 30 * 86_400_000) });
    const fresh = await insertFiling(server.db, { union: server.seed.unionX, uploader: server.seed.users.unionX, kind: 'application', year: 112 });
    const atMinistry = await newFiling(3, 'application');
    await driveTo(server.url, reviewers(), atMinistry.id, 'ministry_review');
    const local = await call(`${server.url}/api/worklist`, tokens.localA);
    expect(local.status).toBe(200);
    const ids = local.body.items.map((i: { id: number }) => i.id);
    expect(ids[0]).toBe(old.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(atMinistry.id);
    expect(local.body.items[0]).toMatchObject({ id: old.id, overdue: true, waitingDays: 30 });
    expect(local.body.items.find((i: { id: number }) => i.id === fresh.id)).toMatchObject({ overdue: false, waitingDays: 0 });
    expect(local.body.overdue).toBeGreaterThanOrEqual(1);
    const statuses = new Set(local.body.items.map((i: { status: string }) => i.status));
    expect([...statuses].every((s) => ['submitted', 'local_review', 'ministry_returned'].includes(s as string))).toBe(true);
    const sinces = local.body.items.map((i: { since: string }) => Date.parse(i.since));
    expect([...sinces].sort((a, b) => a - b)).toEqual(sinces);
    const ministry = await call(`${server.url}/api/worklist`, tokens.ministry);
    expect(ministry.body.items.map((i: { id: number }) => i.id)).toContain(atMinistry.id);
    expect(ministry.body.items.every((i: { status: string }) => i.status === 'ministry_review')).toBe(true);
    expect((await call(`${server.url}/api/worklist`, tokens.localB)).body.items.map((i: { id: number }) => i.id)).not.toContain(old.id);
    expect((await call(`${server.url}/api/worklist`, tokens.unionX)).status).toBe(403);
  });
});

// last: real uploads close every open version of their period, the fixtures' too
describe('a newer version and the local government', () => {
  it('closes the open older version as 已被取代, out of the worklist and the default list, and notifies the local government', async () => {
    const unreadBefore = (await call(`${server.url}/api/notifications/unread-count`, tokens.localA)).body.unread as number;
    const v1 = await upload(server.url, tokens.unionX, [{ name: cashbookName(115, 4, UNION_X_UBN), bytes: await cashbookVariantBytes(4, 'SUP-1') }]);
    expect(v1.status).toBe(201);
    expect((await call(`${server.url}/api/notifications/unread-count`, tokens.localA)).body.unread).toBe(unreadBefore + 1);
    const note = (await call(`${server.url}/api/notifications?limit=1`, tokens.localA)).body.notifications[0];
    expect(note).toMatchObject({ kind: 'submission', filingId: v1.body.id, title: '臺中市港區裝卸職業工會提交申報', read: false });
    expect(note.message).toContain(`115 年第 4 季現金收支登記簿（第 ${v1.body.version} 版）`);
    expect(await decide(server.url, tokens.localA, v1.body.id, 'accept')).toMatchObject({ status: 200 });

    const v2 = await upload(server.url, tokens.unionX, [{ name: cashbookName(115, 4, UNION_X_UBN), bytes: await cashbookVariantBytes(4, 'SUP-2') }]);
    expect(v2.status).toBe(201);
    expect(await filingRow(v1.body.id)).toMatchObject({ status: 'superseded' });
    const review = await call(reviewUrl(v1.body.id), tokens.localA);
    expect(review.body).toMatchObject({ status: 'superseded', statusLabel: '已被取代', superseded: true, latestFilingId: v2.body.id, allowedDecisions: [] });
    expect(review.body.history[review.body.history.length - 1]).toMatchObject({
      decision: 'supersede',
      decisionLabel: '由新版本取代',
      from: 'local_review',
      to: 'superseded',
      opinion: `由第 ${v2.body.version} 版取代`,
    });
    const second = (await call(`${server.url}/api/notifications?limit=1`, tokens.localA)).body.notifications[0];
    expect(second.message).toContain(`第 ${v1.body.version} 版已被取代`);

    const work = (await call(`${server.url}/api/worklist`, tokens.localA)).body.items.map((i: { id: number }) => i.id);
    expect(work).toContain(v2.body.id);
    expect(work).not.toContain(v1.body.id);
    const listed = (q: string) => call(`${server.url}/api/filings?year=115&quarter=4&kind=cashbook${q}`, tokens.localA);
    expect((await listed('')).body.filings.map((f: { id: number }) => f.id)).not.toContain(v1.body.id);
    expect((await listed('&superseded=1')).body.filings.map((f: { id: number }) => f.id)).toContain(v1.body.id);
    expect((await listed('&status=superseded')).body.filings.map((f: { id: number }) => f.id)).toContain(v1.body.id);
    expect((await decide(server.url, tokens.localA, v1.body.id, 'return', '舊版')).body.error.code).toBe('review_state');

    // a local government's own upload for its union needs no notice to itself; marking read brings the count down
    await call(`${server.url}/api/notifications/read-all`, tokens.localA, 'POST');
    expect((await call(`${server.url}/api/notifications/unread-count`, tokens.localA)).body).toEqual({ unread: 0 });
  });
});

describe('OpenAPI', () => {
  it('documents the review, notification and reminder endpoints', async () => {
    const doc = await call(`${server.url}/api/openapi.json`, null);
    for (const path of ['/api/filings/{id}/review', '/api/filings/{id}/withdraw', '/api/worklist', '/api/notifications/unread-count', '/api/filings/{id}/history', '/api/notifications', '/api/notifications/{id}/read', '/api/reminders/overdue', '/api/reminders/run']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.components.schemas.ReviewBody.properties.decision.enum).toEqual(['accept', 'approve', 'return', 'reject']);
  });
});
