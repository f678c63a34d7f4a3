// @portfund-postgresql-only — issue 19's acceptance test (run by `npm run test:db` against TEST_DATABASE_URL; jest.config.js
// leaves it out without one: two processes cannot share an embedded PGlite).
// Two server processes on one PostgreSQL database behind Debian's nginx (its own process and temporary configuration) on
// loopback: uploads through the proxy reach both instances; concurrent uploads of one period get gapless versions; the
// reminder job (its period shortened to 2 s) runs once per period across both; one instance killed (SIGKILL) in the
// middle of uploads loses nothing committed and leaves nothing half-written, and the other keeps serving.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Knex } from 'knex';
import { createDb, migrate } from '../ingest-server/src/db/connection';
import { multipartBody, upload } from '../ingest-server/src/testing/http';
import { PASSWORD, seed, UNION_X_UBN } from '../ingest-server/src/testing/test-server';
import { cashbookName, cashbookVariantBytes } from '../ingest-server/src/testing/workbooks';

const ROOT = join(__dirname, '..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const REMINDER_SECONDS = 2;
/** Uploads at once: of one period (gapless versions), and in flight when an instance is killed. */
const CONCURRENT = 6;
const IN_FLIGHT = 4;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (what: string, done: () => Promise<boolean> | boolean, seconds = 60): Promise<void> => {
  const end = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await sleep(100);
  }
};

interface Instance {
  readonly name: string;
  readonly port: number;
  readonly process: ChildProcess;
  readonly log: () => string;
}

let dir: string;
let adminDb: Knex;
let db: Knex;
let databaseName: string;
let databaseUrl: string;
let instances: Instance[] = [];
let nginx: ChildProcess | undefined;
let proxyUrl: string;
let token: string;

const startInstance = async (name: string): Promise<Instance> => {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'ingest-server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PORTFUND_REMINDER_SECONDS: String(REMINDER_SECONDS),
      PORTFUND_CHECK_WORKERS: '1',
      PORTFUND_TRUST_PROXY: 'loopback',
      PORTFUND_UPLOAD_TMP_DIR: join(dir, `uploads-${name}`),
      PORTFUND_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await until(`${name} to start:\n${output}`, () => output.includes('portfund 已啟動') || child.exitCode !== null, 90);
  if (child.exitCode !== null) throw new Error(`${name} exited:\n${output}`);
  return { name, port, process: child, log: () => output };
};

const startNginx = async (ports: readonly number[]): Promise<string> => {
  if (NGINX === undefined) throw new Error('nginx is not installed (.ci/run installs nginx-light)');
  const port = await freePort();
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, 'nginx', d), { recursive: true });
  const conf = join(dir, 'nginx', 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx/nginx.pid;
error_log ${dir}/nginx/error.log warn;
events { worker_connections 512; }
http {
  log_format upstream '$upstream_addr $status $request_method $request_uri';
  access_log ${dir}/nginx/access.log upstream;
  client_body_temp_path ${dir}/nginx/body;
  proxy_temp_path ${dir}/nginx/proxy;
  fastcgi_temp_path ${dir}/nginx/fastcgi;
  uwsgi_temp_path ${dir}/nginx/uwsgi;
  scgi_temp_path ${dir}/nginx/scgi;
  client_max_body_size 25m;
  upstream portfund {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portfund;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  nginx = spawn(NGINX, ['-c', conf, '-p', join(dir, 'nginx')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await until(`nginx to listen ${errors}`, async () => (await fetch(`${url}/api/openapi.json`).catch(() => null))?.status === 200, 20);
  return url;
};

/** Which instance (port) nginx sent each upload to, from its access log. */
const uploadsByUpstream = (): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const line of readFileSync(join(dir, 'nginx', 'access.log'), 'utf8').split('\n')) {
    const [upstream, , method, uri] = line.split(' ');
    if (method !== 'POST' || uri !== '/api/filings' || upstream === undefined) continue;
    counts.set(upstream, (counts.get(upstream) ?? 0) + 1);
  }
  return counts;
};

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  const base = process.env.TEST_DATABASE_URL;
  if (base === undefined) throw new Error('TEST_DATABASE_URL is required (jest.config.js selects this file only with it)');
  dir = mkdtempSync(join(tmpdir(), 'portfund-two-instances-'));
  // a database of its own: two processes run their own migrations and pg-boss schema in it, as in production
  databaseName = `portfund_two_${process.pid}_${randomBytes(3).toString('hex')}`;
  adminDb = createDb({ databaseUrl: base });
  await adminDb.raw('CREATE DATABASE ??', [databaseName]);
  const url = new URL(base);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  db = createDb({ databaseUrl });
  await migrate(db);
  await seed(db);
  instances = await Promise.all(['a', 'b'].map(startInstance));
  proxyUrl = await startNginx(instances.map((i) => i.port));
  const login = await fetch(`${proxyUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'union-x', password: PASSWORD }) });
  expect(login.status).toBe(200);
  token = ((await login.json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  nginx?.kill('SIGTERM');
  for (const i of instances) if (i.process.exitCode === null) i.process.kill('SIGKILL');
  await db?.destroy();
  if (databaseName !== undefined) await adminDb?.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName]);
  await adminDb?.destroy();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

interface FilingRow {
  readonly id: number;
  readonly version: number;
  readonly sha256: string;
}
const filingsOf = (quarter: number): Promise<FilingRow[]> =>
  db('filings').where({ ubn: UNION_X_UBN, kind: 'cashbook', year: 115, quarter }).orderBy('version').select<FilingRow[]>('id', 'version', 'sha256');

it('sends uploads through nginx to both instances and gives concurrent uploads of one period gapless versions', async () => {
  const versions = Array.from({ length: CONCURRENT }, (_, i) => i + 1);
  const files = await Promise.all(versions.map((v) => cashbookVariantBytes(2, `P-${v}`)));
  const replies = await Promise.all(files.map((bytes) => upload(proxyUrl, token, [{ name: cashbookName(115, 2, UNION_X_UBN), bytes }])));
  expect(replies.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(201));
  expect(replies.map((r) => r.body.version as number).sort((a, b) => a - b)).toEqual(versions);
  const rows = await filingsOf(2);
  expect(rows.map((r) => r.version)).toEqual(versions);
  expect(new Set(rows.map((r) => r.sha256))).toEqual(new Set(files.map(sha256)));
  // both instances took uploads
  const byUpstream = uploadsByUpstream();
  for (const i of instances) expect(byUpstream.get(`127.0.0.1:${i.port}`) ?? 0).toBeGreaterThan(0);
}, 180_000);

it('runs the reminder job once per period across both instances', async () => {
  // both instances have been offering it every half second since they started: wait for a few more periods
  const periods = async () => new Set((await db('job_runs').where('name', 'reminders').select<{ period_start: Date }[]>('period_start')).map((r) => r.period_start.getTime()));
  const before = (await periods()).size;
  await until('three more reminder periods', async () => (await periods()).size >= before + 3, 60);
  const runs = await db('job_runs').where('name', 'reminders').select<{ period_start: Date; instance: string; outcome: string | null }[]>('period_start', 'instance', 'outcome');
  const perPeriod = new Map<number, number>();
  for (const r of runs) perPeriod.set(r.period_start.getTime(), (perPeriod.get(r.period_start.getTime()) ?? 0) + 1);
  expect([...perPeriod.values()].every((n) => n === 1)).toBe(true);
  expect([...perPeriod.keys()].every((t) => t % (REMINDER_SECONDS * 1000) === 0)).toBe(true);
  // the instances are two processes: the runs name their process, and every run belongs to one of them
  const pids = new Set(instances.map((i) => i.process.pid));
  expect(runs.every((r) => pids.has(Number(r.instance.split(':').pop())))).toBe(true);
}, 120_000);

it('loses nothing committed and leaves nothing half-written when an instance is killed mid-upload; the other keeps serving', async () => {
  const [a, b] = instances;
  if (a === undefined || b === undefined) throw new Error('two instances');
  const name = cashbookName(115, 3, UNION_X_UBN);
  const files = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => cashbookVariantBytes(3, `K-${i + 1}`)));
  const slow = await cashbookVariantBytes(3, 'K-SLOW');

  // one upload straight to instance a, half its body sent when a is killed
  const { body, contentType } = multipartBody([{ filename: name, bytes: slow }]);
  const halfSent = new Promise<void>((resolve) => {
    const req = request(`http://127.0.0.1:${a.port}/api/filings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': String(body.length) },
    });
    req.on('error', () => undefined);
    req.write(body.subarray(0, Math.floor(body.length / 2)), () => resolve());
  });
  await halfSent;
  // more through the proxy, on both instances; a dies while they are being received, checked or filed
  const inFlight = files.map((bytes) => upload(proxyUrl, token, [{ name, bytes }]).catch(() => ({ status: 0, body: null })));
  await sleep(400);
  a.process.kill('SIGKILL');
  await until('a to die', () => a.process.exitCode !== null || a.process.signalCode !== null, 10);
  const replies = await Promise.all(inFlight);

  // nothing half-written: versions 1…n without a gap, each with its file (the same bytes) and its findings' filing
  const afterKill = await filingsOf(3);
  expect(afterKill.map((r) => r.version)).toEqual(afterKill.map((_, i) => i + 1));
  for (const row of afterKill) {
    const file = await db('filing_files').where('filing_id', row.id).first<{ bytes: Buffer } | undefined>('bytes');
    expect(file === undefined ? null : sha256(file.bytes)).toBe(row.sha256);
  }
  // nothing committed lost: every upload answered 201 is there
  const committed = new Set(afterKill.map((r) => r.sha256));
  files.forEach((bytes, i) => {
    if (replies[i]?.status === 201) expect(committed.has(sha256(bytes))).toBe(true);
  });
  // the half-sent upload left nothing
  expect(committed.has(sha256(slow))).toBe(false);

  // the other instance keeps serving through the proxy: reads, and the uploads that failed, sent again
  for (let i = 0; i < 5; i += 1) expect((await fetch(`${proxyUrl}/api/filings`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  const again = await Promise.all(files.map((bytes) => upload(proxyUrl, token, [{ name, bytes }])));
  // 201 newly filed, or 200: the same bytes were already committed before the kill (answered or not)
  expect(again.every((r) => r.status === 201 || r.status === 200)).toBe(true);
  const final = await filingsOf(3);
  expect(final.map((r) => r.version)).toEqual(Array.from({ length: IN_FLIGHT }, (_, i) => i + 1));
  expect(new Set(final.map((r) => r.sha256))).toEqual(new Set(files.map(sha256)));
  expect(b.process.exitCode).toBeNull();
}, 180_000);
