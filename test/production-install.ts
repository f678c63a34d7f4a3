// `npm run test:production-install` (issue 19, part 1; CI runs it — ~40 s of CPU, too slow for jest): the built tree of
// this checkout copied without its node_modules and without its file times (as an artifact store or `cp -r` would),
// `npm ci --omit=dev --offline` from the local npm cache, then `npm start` and `npx portfund check` in the copy — no dev
// dependency installed, so nothing can be built there: the server must start from its build as it is. The same probe as
// test/production-start.test.ts (which runs in the suite on this tree, dev dependencies made unloadable).
// Needs a built tree (npm run build) and an npm cache holding the lock file's packages (any earlier npm ci).
import { deepStrictEqual } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { PRODUCTION_PROBE, probeBuiltServer, ROOT, startBuiltServer } from './helpers/production';

const SKIPPED = new Set(['node_modules', '.git', '.data', 'test-output', 'coverage', join('bench', 'out')]);

const main = async (): Promise<void> => {
  const started = process.cpuUsage();
  const dir = mkdtempSync(join(tmpdir(), 'portfund-production-'));
  const tree = join(dir, 'portfund');
  try {
    // a copy without file times: only the build stamps (content hashes) can tell the build is current
    cpSync(ROOT, tree, { recursive: true, filter: (source) => !SKIPPED.has(relative(ROOT, source).split(sep).join(sep)) });
    console.log(`copied the built tree to ${tree}`);
    const install = spawnSync('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' });
    if (install.status !== 0) throw new Error(`npm ci --omit=dev --offline failed (${install.status})`);
    for (const devOnly of ['tsx', 'esbuild', 'jest', 'typescript']) {
      if (existsSync(join(tree, 'node_modules', devOnly))) throw new Error(`${devOnly} (a dev dependency) was installed`);
    }
    const server = await startBuiltServer({ cwd: tree, dataDir: join(dir, 'pglite'), npm: true, timeoutMs: 120_000 });
    try {
      if (server.output().includes('建置')) throw new Error(`npm start tried to build:\n${server.output()}`);
      const probe = await probeBuiltServer(server.url);
      deepStrictEqual(probe.observed, PRODUCTION_PROBE);
      const file = join(dir, '11503_04595257_accounting.xlsx');
      writeFileSync(file, probe.cashbook);
      const cli = spawnSync('npx', ['--offline', 'portfund', 'check', '--json', file], { cwd: tree, encoding: 'utf8' });
      if (cli.status !== 0 && cli.status !== 1) throw new Error(`npx portfund check failed (${cli.status}):\n${cli.stderr}`);
      deepStrictEqual((JSON.parse(cli.stdout) as { files: { kind: string }[] }).files[0]?.kind, 'cashbook');
    } finally {
      await server.stop();
    }
    const cpu = process.cpuUsage(started);
    console.log(`production install: npm start and npx portfund ran the built tree with production dependencies only (this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

// exit when done: fetch's pool keeps idle sockets open for a while
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
