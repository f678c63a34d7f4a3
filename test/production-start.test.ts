// `npm start` runs the built server with production dependencies only (issue 19, part 1). The built tree of this run
// (test/support/global-setup.ts builds it) is started as `npm start` starts it, with every dev-only package of the lock
// file made unloadable (test/helpers/production.ts: what `npm ci --omit=dev` leaves out), and must start without
// building, serve the console, the add-in, Office.js and templates, take an upload through its check worker, and run the
// CLI — asking for no dev dependency on the way. The same probe on a real `npm ci --omit=dev --offline` copy of the tree
// takes ~40 s of CPU, too slow for the suite: `npm run test:production-install` (README, "Running in production"; CI runs it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltServer, PRODUCTION_PROBE, probeBuiltServer, ROOT, runBuiltCli, startBuiltServer, writeDevGuard } from './helpers/production';
import { makeTempDir, removeDir } from './helpers/temp-dir';

let dir: string;
let guard: { script: string; log: string };
let server: BuiltServer;
let cashbook: Buffer;

beforeAll(async () => {
  dir = await makeTempDir('production');
  guard = writeDevGuard(dir);
  server = await startBuiltServer({ cwd: ROOT, dataDir: join(dir, 'pglite'), nodeArgs: ['-r', guard.script], timeoutMs: 110_000 });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await removeDir(dir);
});

describe('the built server with production dependencies only', () => {
  it('makes a dev dependency unloadable (the guard itself works)', () => {
    const run = spawnSync(process.execPath, ['-r', guard.script, '-e', "require('tsx')"], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('a dev dependency: node_modules/tsx');
    writeFileSync(guard.log, '');
  });

  it('starts from dist/server.cjs without building, and serves what an operator first touches', async () => {
    expect(server.output()).not.toContain('建置');
    expect(server.output()).toContain('portfund 已啟動');
    const probe = await probeBuiltServer(server.url);
    expect(probe.observed).toEqual(PRODUCTION_PROBE);
    cashbook = probe.cashbook;
    expect(readFileSync(guard.log, 'utf8')).toBe('');
  }, 120_000);

  it('runs the CLI from its bundle', () => {
    const file = join(dir, '11503_04595257_accounting.xlsx');
    writeFileSync(file, cashbook);
    const run = runBuiltCli(ROOT, file, ['-r', guard.script]);
    expect(run.stderr).toBe('');
    expect(run.json).toMatchObject({ files: [{ file: '11503_04595257_accounting.xlsx', kind: 'cashbook' }] });
    expect([0, 1]).toContain(run.status);
    expect(readFileSync(guard.log, 'utf8')).toBe('');
  });
});
