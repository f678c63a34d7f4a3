// Graceful shutdown (issue 19 part 5) on the real server process (node on ingest-server/dist/server.cjs, as `npm start` runs
// it, built from the current sources by the test run's global setup; on a PGlite folder):
// SIGTERM closes the listener at once, an upload in flight still finishes and is filed, the process exits 0; past
// PORTFUND_SHUTDOWN_MS an upload being checked is answered 503 and one still sending its body is cut off — neither is
// filed, no upload folder is left behind — and the process still exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { cachedTemplate } from '../../../test/support/cached-template';
import { createDb, migrate } from '../db/connection';
import { hashPassword } from '../services/passwords';
import { multipartBody } from '../testing/http';
import { PASSWORD, TEST_PASSWORD_COST, UNION_X_UBN } from '../testing/test-server';
import { cashbookName, cashbookVariantBytes } from '../testing/workbooks';

const ROOT = join(__dirname, '..', '..', '..');
let folder: string;
let dataDir: string;
let uploadDir: string;

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
  readonly log: string[];
}

const startServer = async (shutdownMs: number): Promise<Running> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PORTFUND_DATA_DIR: dataDir, PORTFUND_UPLOAD_TMP_DIR: uploadDir, PORTFUND_SHUTDOWN_MS: String(shutdownMs) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--enable-source-maps', 'ingest-server/dist/server.cjs'], { cwd: ROOT, env: { ...env, PORTFUND_CHECK_WORKERS: '1' } });
  const log: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter((l) => l !== '')));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    const ready = await fetch(`${url}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200) return { child, url, exited, log };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${log.join('\n')}`);
};

const login = async (url: string): Promise<string> => {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'union-x', password: PASSWORD }) });
  return ((await res.json()) as { token: string }).token;
};

/** An upload sent in two steps: the first bytes now, the rest when the test says (or never). */
const slowUpload = (url: string, token: string, file: { name: string; bytes: Buffer }) => {
  const { body, contentType } = multipartBody([{ filename: file.name, bytes: file.bytes }]);
  const req = request(`${url}/api/filings`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length } });
  const answer = new Promise<{ status: number; body: string; connection: string | undefined } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), connection: res.headers.connection }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
  });
  req.write(body.subarray(0, 1000));
  return { answer, finish: () => req.end(body.subarray(1000)) };
};

const filings = async (): Promise<{ file_name: string }[]> => {
  const db = createDb({ dataDir });
  try {
    return await db('filings').select('file_name').orderBy('id');
  } finally {
    await db.destroy();
  }
};

const refused = async (url: string): Promise<boolean> => fetch(`${url}/api/health/live`).then(() => false, () => true);

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'portfund-shutdown-'));
  dataDir = join(folder, 'pglite');
  uploadDir = join(folder, 'uploads');
  // a migrated database with one union and its user, made here so the server starts with nothing to set up
  const db = createDb({ dataDir });
  try {
    await migrate(db);
    const [local] = await db('organizations').insert({ kind: 'local_gov', name: '臺中市政府勞工局' }).returning('id');
    const [union] = await db('organizations').insert({ kind: 'union', name: '臺中市港區裝卸職業工會', ubn: UNION_X_UBN, parent_id: (local as { id: number }).id }).returning('id');
    const hash = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
    await db('users').insert({ username: 'union-x', password_hash: hash, organization_id: (union as { id: number }).id, role: 'union' });
  } finally {
    await db.destroy();
  }
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('on SIGTERM stops accepting, lets the upload in flight finish and be filed, then exits 0', async () => {
  const server = await startServer(20_000);
  try {
    const token = await login(server.url);
    const name = cashbookName(115, 1, UNION_X_UBN);
    const upload = slowUpload(server.url, token, { name, bytes: await cashbookVariantBytes(1, 'SHUTDOWN-1') });
    // the request has begun (headers and the first bytes are in) when the signal comes
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    let closed = false;
    for (let i = 0; i < 50 && !closed; i += 1) closed = await refused(server.url);
    expect(closed).toBe(true);
    upload.finish();
    const answer = await upload.answer;
    expect(answer).toMatchObject({ status: 201, connection: 'close' });
    expect(await server.exited).toBe(0);
  } finally {
    server.child.kill('SIGKILL');
  }
  expect(await filings()).toEqual([{ file_name: cashbookName(115, 1, UNION_X_UBN) }]);
  expect(readdirSync(uploadDir)).toEqual([]);
}, 180_000);

it('past PORTFUND_SHUTDOWN_MS answers the upload being checked 503, cuts off the one still sending, files neither and exits 0', async () => {
  const before = await filings();
  const server = await startServer(300);
  try {
    const token = await login(server.url);
    // a 6,000-row cash book: seconds of checking in the one worker
    const slow = await cachedTemplate('cashbook', { entryRows: 6000, fill: { ...CASHBOOK_EXAMPLE, cb_entries: CASHBOOK_ENTRIES.map((e) => [...e]) } });
    const checking = slowUpload(server.url, token, { name: cashbookName(115, 4, UNION_X_UBN), bytes: slow });
    checking.finish();
    const sending = slowUpload(server.url, token, { name: cashbookName(115, 2, UNION_X_UBN), bytes: await cashbookVariantBytes(2, 'SHUTDOWN-2') });
    let busy = 0;
    for (let i = 0; i < 300 && busy === 0; i += 1) {
      const ready = (await (await fetch(`${server.url}/api/health/ready`)).json()) as { checkQueue: { busy: number } };
      busy = ready.checkQueue.busy;
      if (busy === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(busy).toBe(1);
    server.child.kill('SIGTERM');
    const checked = await checking.answer;
    if (!('status' in checked)) throw new Error(`no answer (${checked.error}); the server's log:\n${server.log.join('\n')}`);
    expect(checked.status).toBe(503);
    expect(JSON.parse((checked as { body: string }).body)).toMatchObject({ error: { code: 'shutting_down' } });
    expect(await sending.answer).toHaveProperty('error');
    expect(await server.exited).toBe(0);
  } finally {
    server.child.kill('SIGKILL');
  }
  expect(await filings()).toEqual(before);
  expect(readdirSync(uploadDir)).toEqual([]);
}, 180_000);
