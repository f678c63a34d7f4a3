// The built server as an operator runs it (`npm start` → ingest-server/bin/start.js → dist/server.cjs), and what it must
// serve: used by test/production-start.test.ts (this tree, dev dependencies made unloadable) and by
// test/production-install.ts (a copy of the built tree after `npm ci --omit=dev`).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { call, upload } from '../../ingest-server/src/testing/http';

export const ROOT = join(__dirname, '..', '..');
export const ADMIN = { username: 'ops-admin', password: 'Harbour-ledger-2031-kite' };
const UBN = '04595257';

/** The lock file's dev-only packages ("node_modules/a", "node_modules/a/node_modules/@b/c"): what `npm ci --omit=dev` leaves out. */
export const devOnlyPackages = (root = ROOT): Set<string> => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return new Set(Object.entries(lock.packages).flatMap(([key, entry]) => (key.startsWith('node_modules/') && entry.dev === true ? [key] : [])));
};

/**
 * Writes a preload script (node -r) that makes every dev-only package of `root` unloadable, as if `npm ci --omit=dev` had
 * left it out, and writes each one asked for to `log`. Worker threads inherit the preload (their execArgv).
 */
export const writeDevGuard = (dir: string, root = ROOT): { script: string; log: string } => {
  const script = join(dir, 'dev-guard.cjs');
  const log = join(dir, 'dev-guard.log');
  writeFileSync(log, '');
  writeFileSync(
    script,
    `const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const { relative, sep } = require('node:path');
const ROOT = ${JSON.stringify(root)};
const DEV = new Set(${JSON.stringify([...devOnlyPackages(root)])});
// "node_modules/a/node_modules/@b/c/lib/x.js" → "node_modules/a/node_modules/@b/c"
const packageKey = (file) => {
  const parts = relative(ROOT, file).split(sep);
  let key = null;
  for (let i = 0; parts[i] === 'node_modules' && i + 1 < parts.length; ) {
    const size = parts[i + 1].startsWith('@') ? 2 : 1;
    key = [key, 'node_modules', ...parts.slice(i + 1, i + 1 + size)].filter((p) => p !== null).join('/');
    i += 1 + size;
  }
  return key;
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  const key = packageKey(file);
  if (key !== null && DEV.has(key)) {
    appendFileSync(${JSON.stringify(log)}, key + '\\n');
    const error = new Error("Cannot find module '" + request + "' (a dev dependency: " + key + ')');
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return file;
};
`,
  );
  return { script, log };
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export interface BuiltServer {
  readonly url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Runs `node [nodeArgs] ingest-server/bin/start.js` (or `npm start`) in `cwd` on a free port and waits for /api/health. */
export const startBuiltServer = async (options: { cwd: string; dataDir: string; nodeArgs?: readonly string[]; npm?: boolean; timeoutMs?: number }): Promise<BuiltServer> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PORTFUND_DATA_DIR: options.dataDir, PORTFUND_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}` };
  delete env.DATABASE_URL;
  // npm start in a process group of its own: stopping it stops the node it started (npm does not pass SIGTERM on)
  const child: ChildProcess =
    options.npm === true
      ? spawn('npm', ['start'], { cwd: options.cwd, env, detached: true })
      : spawn(process.execPath, [...(options.nodeArgs ?? []), join('ingest-server', 'bin', 'start.js')], { cwd: options.cwd, env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (options.npm === true && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    }
    await exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}):\n${output}`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.status === 200) return { url, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the built server did not answer /api/health:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const fetchBytes = async (url: string, token?: string): Promise<{ status: number; type: string; bytes: Buffer }> => {
  const res = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
};
const isZip = (bytes: Buffer): boolean => bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));

/**
 * What an operator's first session touches, as observations: the console and add-in bundles and Office.js (static files
 * found at run time), a template (exceljs), sign-in of the bootstrap administrator, a local government, a union and a
 * user created through the admin API, the template uploaded as a cash book (the check worker thread, its own bundle), its clean copy
 * (the worker again). Compare `observed` with PRODUCTION_PROBE; `cashbook` is the template served (11503_04595257_accounting.xlsx).
 */
export const probeBuiltServer = async (url: string): Promise<{ observed: Record<string, unknown>; cashbook: Buffer }> => {
  const health = await call(`${url}/api/health`, null);
  const index = await fetchBytes(`${url}/`);
  const consoleJs = await fetchBytes(`${url}/console.js`);
  const addin = await fetchBytes(`${url}/addin/`);
  const manifest = await fetchBytes(`${url}/addin/manifest.xml`);
  const officeJs = await fetchBytes(`${url}/office-js/office.js`);
  const template = await fetchBytes(`${url}/templates/cashbook.xlsx?year=115&ubn=${UBN}&quarter=1`);
  const admin = await call<{ token: string }>(`${url}/api/auth/login`, null, 'POST', ADMIN);
  const local = await call<{ id: number }>(`${url}/api/organizations`, admin.body.token, 'POST', { kind: 'local_gov', name: '臺中市政府勞工局' });
  const union = await call<{ id: number }>(`${url}/api/organizations`, admin.body.token, 'POST', { kind: 'union', name: '臺中市港區裝卸職業工會', ubn: UBN, parentId: local.body.id });
  const user = await call(`${url}/api/users`, admin.body.token, 'POST', { username: 'taichung', password: 'Quay-crane-4471-lantern', organizationId: local.body.id });
  const reviewer = await call<{ token: string }>(`${url}/api/auth/login`, null, 'POST', { username: 'taichung', password: 'Quay-crane-4471-lantern' });
  // the blank template just served, as the union's first-quarter book (a workbook generated here would cost seconds)
  const filed = await upload<{ id: number; kind: string; version: number; summary: { errors: number } }>(url, reviewer.body.token, [
    { name: `11503_${UBN}_accounting.xlsx`, bytes: template.bytes },
  ]);
  const copy = await fetchBytes(`${url}/api/filings/${filed.body.id}/file`, reviewer.body.token);
  const observed = {
    health: [health.status, health.body],
    console: [index.status, index.bytes.toString('utf8').includes('console.js')],
    consoleJs: [consoleJs.status, consoleJs.type.startsWith('text/javascript') || consoleJs.type.startsWith('application/javascript'), consoleJs.bytes.length > 100_000],
    addin: [addin.status, addin.bytes.toString('utf8').includes('taskpane.js')],
    manifest: [manifest.status, manifest.bytes.toString('utf8').includes('<OfficeApp')],
    officeJs: officeJs.status,
    template: [template.status, isZip(template.bytes)],
    signIn: [admin.status, typeof admin.body.token],
    created: [local.status, union.status, user.status],
    upload: [filed.status, filed.body.kind, filed.body.version, typeof filed.body.summary?.errors],
    cleanCopy: [copy.status, isZip(copy.bytes)],
  };
  return { observed, cashbook: template.bytes };
};

export const PRODUCTION_PROBE: Record<string, unknown> = {
  health: [200, { ok: true }],
  console: [200, true],
  consoleJs: [200, true, true],
  addin: [200, true],
  manifest: [200, true],
  officeJs: 200,
  template: [200, true],
  signIn: [200, 'string'],
  created: [201, 201, 201],
  upload: [201, 'cashbook', 1, 'number'],
  cleanCopy: [200, true],
};

/** `portfund check --json` on a file with the built CLI (bin/portfund.js): its exit status and parsed output. */
export const runBuiltCli = (cwd: string, file: string, nodeArgs: readonly string[] = []): { status: number | null; json: unknown; stderr: string } => {
  const run = spawnSync(process.execPath, [...nodeArgs, join('ingest-server', 'bin', 'portfund.js'), 'check', '--json', file], { cwd, encoding: 'utf8' });
  let json: unknown = null;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    // not JSON: the test shows stderr
  }
  return { status: run.status, json, stderr: run.stderr };
};
