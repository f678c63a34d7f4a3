// Issue 19 (parts 3 and 4), over real HTTP on one test server whose JSON log is captured: the request id on every line of
// its request and in X-Request-Id; no password, token, cookie or file content in any line; /api/health/live and /ready
// (the database, migrations, check workers); /metrics behind its token; and back-pressure on a full check queue.
import { type AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { cachedTemplate } from '../../../test/support/cached-template';
import { loadConfig } from '../config';
import { createDb } from '../db/connection';
import { createApp } from '../http/app';
import { call, upload } from '../testing/http';
import { PASSWORD, startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, cashbookName, cashbookVariantBytes } from '../testing/workbooks';
import { CheckUnavailable, checkUploadInWorker, configureCheckPool } from '../workbook/check/check-pool';
import { createLogger } from './logger';
import { recordJobOutcome } from './metrics';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: TestServer;
const lines: string[] = [];
const logged = (): Record<string, unknown>[] => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  // the production logger at its most talkative, writing into this array
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  server = await startTestServer({ logger, config: { metricsToken: METRICS_TOKEN } });
});
afterAll(() => server.close());

const scrape = async (): Promise<string> => {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one sample of the scrape (0 when absent). */
const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
};

const uploadWithId = async (token: string, requestId: string, file: { name: string; bytes: Buffer }): Promise<Response> => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${server.url}/api/filings`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId }, body: form });
};

describe('request ids and JSON logs', () => {
  it('keeps a valid X-Request-Id, answers it, and puts it on every line logged for the request', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-7f3a.login:1' },
      body: JSON.stringify({ username: 'union-x', password: 'not-the-password-1' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('proxy-7f3a.login:1');
    const mine = logged().filter((l) => l.requestId === 'proxy-7f3a.login:1');
    // the service's warning and pino-http's request line, both with the id
    expect(mine.map((l) => l.msg)).toEqual(['登入失敗', expect.stringMatching(/^POST \/api\/auth\/login 401 \d+ ms$/)]);
    expect(mine[1]).toMatchObject({ level: 'info', req: { method: 'POST', url: '/api/auth/login' }, res: { statusCode: 401 } });
    // no line about this login without the id
    expect(logged().filter((l) => l.msg === '登入失敗' && l.requestId !== 'proxy-7f3a.login:1')).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['too long', 'a'.repeat(129)],
    ['with other characters', 'id with spaces'],
    ['with a quote', 'id"};{'],
  ])('makes its own id when the incoming one is %s', async (_what, incoming) => {
    const res = await fetch(`${server.url}/api/auth/me`, { headers: incoming === undefined ? {} : { 'x-request-id': incoming } });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(UUID);
    expect(logged().some((l) => l.requestId === id && (l.res as { statusCode?: number } | undefined)?.statusCode === 401)).toBe(true);
  });

  it('never writes a password, token, cookie or file content in a log line', async () => {
    const before = lines.length;
    const newPassword = 'Quay-ledger-2031-Winch';
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'secret-scan' },
      body: JSON.stringify({ username: 'union-x', password: PASSWORD }),
    });
    const session = (await login.json()) as { token: string; csrfToken: string };
    const setCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]?.split('=')[1] ?? '');
    expect(setCookie.every((v) => v.length >= 16)).toBe(true);
    // an upload: the workbook's own text must not reach the log, nor its bytes
    const marker = 'MARKER-VOUCHER-5150';
    const bytes = await cashbookVariantBytes(1, marker);
    expect((await uploadWithId(session.token, 'secret-scan', { name: cashbookName(115, 1, UNION_X_UBN), bytes })).status).toBe(201);
    // a request sent with the session cookie, and one that fails validation with the password in its body
    await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `portfund_session=${session.token}` } });
    await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'x' }),
    });
    // the password reset: changed with the current one, then a reset link's token (unknown here: refused)
    const changed = await call(`${server.url}/api/auth/password`, session.token, 'POST', { currentPassword: PASSWORD, newPassword });
    expect(changed.status).toBe(200);
    const resetToken = 'reset-token-3b9f0c1d2e4a5b6c7d8e9f00';
    expect((await call(`${server.url}/api/auth/reset`, null, 'POST', { token: resetToken, newPassword })).status).toBe(400);
    const again = await server.login('union-x', newPassword);
    await call(`${server.url}/api/auth/password`, again, 'POST', { currentPassword: newPassword, newPassword: PASSWORD });

    const written = lines.slice(before).join('\n');
    expect(lines.length - before).toBeGreaterThanOrEqual(7);
    for (const secret of [PASSWORD, newPassword, session.token, session.csrfToken, again, resetToken, ...setCookie, marker, 'Bearer ', 'portfund_session']) {
      expect({ secret, found: written.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(written).not.toContain('PK\u0003\u0004');
    expect(written).not.toContain(bytes.subarray(0, 48).toString('base64').slice(0, 40));
    expect(written).not.toContain(bytes.subarray(0, 48).toString('hex').slice(0, 40));
    // yet the upload was logged, as a request line with its id
    expect(logged().some((l) => l.requestId === 'secret-scan' && /^POST \/api\/filings 201 \d+ ms$/.test(String(l.msg)))).toBe(true);
  });
});

describe('/api/health, /api/health/live and /api/health/ready', () => {
  it('answer: alive, and ready with the database, the migrations and a check worker', async () => {
    expect((await call(`${server.url}/api/health`, null)).body).toEqual({ ok: true });
    expect((await call(`${server.url}/api/health/live`, null)).body).toEqual({ ok: true });
    const ready = await call(`${server.url}/api/health/ready`, null);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, database: 'ok', migrations: 'current', checkWorkers: 'ok', shuttingDown: false, checkQueue: { waiting: 0, max: 20 } });
  });

  it('is not ready while a migration is missing from the database', async () => {
    const last = await server.db('knex_migrations').orderBy('id', 'desc').first<{ id: number; name: string; batch: number; migration_time: Date }>();
    await server.db('knex_migrations').where('id', last.id).delete();
    try {
      const ready = await call(`${server.url}/api/health/ready`, null);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ready: false, database: 'ok', migrations: 'pending' });
    } finally {
      await server.db('knex_migrations').insert(last);
    }
    expect((await call(`${server.url}/api/health/ready`, null)).status).toBe(200);
  });

  it('is not ready when the database cannot be reached, while live and /api/health still answer', async () => {
    // the same app on a PostgreSQL address where nothing listens
    const db = createDb({ databaseUrl: 'postgres://portfund@127.0.0.1:9/none' });
    const app = createApp({ db, config: { ...loadConfig({}), logLevel: 'silent' }, log: () => undefined, logger: createLogger('silent') });
    const lost = createServer(app);
    await new Promise<void>((resolve) => lost.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(lost.address() as AddressInfo).port}`;
    try {
      const ready = await call(`${url}/api/health/ready`, null);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ready: false, database: 'unreachable', migrations: 'unknown' });
      expect((await call(`${url}/api/health/live`, null)).status).toBe(200);
      expect((await call(`${url}/api/health`, null)).body).toEqual({ ok: true });
    } finally {
      lost.closeAllConnections();
      await new Promise<void>((resolve) => lost.close(() => resolve()));
      await db.destroy();
    }
  });
});

// PostgreSQL only (CI's test:db pass): the embedded PGlite runs inside this process and has no connection to lose
const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl !== undefined) describe('a database connection lost mid-run', () => {
  it('recovers without a restart when the server\'s connections are terminated', async () => {
    const token = await server.login('union-x');
    // several pooled connections open at once
    expect((await Promise.all([1, 2, 3, 4].map(() => call(`${server.url}/api/filings`, token)))).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const schema = ((await server.db.raw('select current_schema() as name')) as { rows: { name: string }[] }).rows[0]?.name ?? '';
    const admin = createDb({ databaseUrl });
    try {
      const mine = () => admin.raw('select pid from pg_stat_activity where application_name = ?', [`portfund/${schema}`]).then((r: { rows: unknown[] }) => r.rows.length);
      expect(await mine()).toBeGreaterThan(0);
      await admin.raw('select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?', [`portfund/${schema}`]);
      for (let i = 0; i < 100 && (await mine()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await mine()).toBe(0);
      // the pool drops the dead connections and opens new ones: the next requests are answered as before
      expect((await call(`${server.url}/api/filings`, token)).status).toBe(200);
      expect((await Promise.all([1, 2, 3].map(() => call(`${server.url}/api/filings`, token)))).map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await call(`${server.url}/api/health/ready`, null)).body).toMatchObject({ ready: true, database: 'ok' });
      expect(await mine()).toBeGreaterThan(0);
    } finally {
      await admin.destroy();
    }
  });
});

describe('/metrics', () => {
  it('answers only with the bearer token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { cookie: `portfund_session=${await server.login('admin')}` } })).status).toBe(401);
  });

  it('counts uploads by outcome, check durations, findings by code, login failures and job outcomes', async () => {
    const before = await scrape();
    const token = await server.login('union-x');
    const bytes = await applicationBytes({ app_contact: '計量測試' });
    const created = await upload(server.url, token, [{ name: applicationName(115, UNION_X_UBN), bytes }]);
    expect(created.status).toBe(201);
    expect((await upload(server.url, token, [{ name: applicationName(115, UNION_X_UBN), bytes }])).status).toBe(200);
    expect((await upload(server.url, token, [{ name: 'notes.xlsx', bytes: Buffer.from('not a workbook') }])).status).toBe(422);
    await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'union-x', password: 'wrong-1' }) });
    recordJobOutcome('reminders', 'completed');
    const after = await scrape();
    const grew = (series: string): number => sample(after, series) - sample(before, series);
    expect(grew('portfund_uploads_total{outcome="created"}')).toBe(1);
    expect(grew('portfund_uploads_total{outcome="duplicate"}')).toBe(1);
    expect(grew('portfund_uploads_total{outcome="rejected"}')).toBe(1);
    expect(grew('portfund_check_duration_seconds_count{job="workbook"}')).toBe(2);
    expect(grew('portfund_login_failures_total{reason="invalid_credentials"}')).toBe(1);
    expect(grew('portfund_job_outcomes_total{job="reminders",outcome="completed"}')).toBe(1);
    // every finding the new version was filed with, by its code
    const findings = (created.body as { findings: { code: string; severity: string }[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    const byCode = new Map<string, number>();
    for (const f of findings) byCode.set(`portfund_findings_total{code="${f.code}",severity="${f.severity}"}`, (byCode.get(`portfund_findings_total{code="${f.code}",severity="${f.severity}"}`) ?? 0) + 1);
    for (const [series, n] of byCode) expect({ series, grew: grew(series) }).toEqual({ series, grew: n });
    expect(sample(after, 'portfund_check_queue_depth')).toBe(0);
    expect(after).toContain('portfund_process_cpu_seconds_total');
  });
});

describe('back-pressure', () => {
  it('answers an upload 503 with Retry-After while the check queue is full, files nothing, and shows the depth', async () => {
    const token = await server.login('union-x');
    // one worker, one job allowed to wait: a 6,000-row cash book keeps the worker busy for seconds
    configureCheckPool({ size: 1, maxQueue: 1 });
    const slow = await cachedTemplate('cashbook', { entryRows: 6000, fill: { ...CASHBOOK_EXAMPLE, cb_entries: CASHBOOK_ENTRIES.map((e) => [...e]) } });
    const running = checkUploadInWorker(slow, '11512_04595257_accounting.xlsx');
    const waiting = checkUploadInWorker(slow, '11512_04595257_accounting.xlsx');
    await expect(checkUploadInWorker(slow, '11512_04595257_accounting.xlsx')).rejects.toBeInstanceOf(CheckUnavailable);
    const filings = async (): Promise<number> => Number((await server.db('filings').count<{ count: string }[]>('* as count'))[0]?.count);
    const before = await filings();
    const file = { name: cashbookName(115, 3, UNION_X_UBN), bytes: await cashbookVariantBytes(3, 'BP-1') };

    const refused = await upload(server.url, token, [file]);
    const ready = await call(`${server.url}/api/health/ready`, null);
    const metrics = await scrape();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body).toEqual({ error: { code: 'busy', message: '伺服器目前有許多檔案等待檢查，此檔案未建立申報，請於 30 秒後再上傳' } });
    expect(ready.body).toMatchObject({ checkQueue: { busy: 1, waiting: 1, max: 1 } });
    expect(sample(metrics, 'portfund_check_queue_depth')).toBe(1);
    expect(sample(metrics, 'portfund_check_queue_max')).toBe(1);
    expect(sample(metrics, 'portfund_uploads_total{outcome="busy"}')).toBeGreaterThanOrEqual(1);
    expect(await filings()).toBe(before);

    // a fresh pool (the slow jobs are dropped, their worker stopped): the same upload goes through
    const dropped = Promise.allSettled([running, waiting]);
    configureCheckPool({});
    expect((await dropped).map((d) => (d.status === 'rejected' ? d.reason : d))).toEqual([new CheckUnavailable('closed'), new CheckUnavailable('closed')]);
    expect((await upload(server.url, token, [file])).status).toBe(201);
    expect(await filings()).toBe(before + 1);
  }, 120_000);
});
