// Before any test file, in jest's parent process:
// - the run's shared folder (see run-dir.ts); jest's workers inherit the variable;
// - the bundles the tests drive (the `portfund` CLI, the web console, the task pane) built once from the current sources,
//   so no test builds while another reads them, and no two files build the same thing (~2 s in all, esbuild);
// - on PGlite, the migrated database every test server copies (initdb and the migrations, ~8 s of CPU, then its data
//   directory): made here, before any file starts, it is never made inside a file's beforeAll, where a loaded machine
//   could take it past the hook's 60 s (and the file after it in that worker would see the start it left running).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeMigratedDataDir } from '../../ingest-server/src/testing/pglite-dumps';
import { RUN_DIR_VARIABLE } from './run-dir';

const ROOT = join(__dirname, '..', '..');
const BUILDS = ['ingest-server/build.mjs', 'addin/build.mjs'];

export default async (): Promise<void> => {
  const runDir = mkdtempSync(join(tmpdir(), 'portfund-test-run-'));
  process.env[RUN_DIR_VARIABLE] = runDir;
  // the pure tests (npm run test:quick) drive no bundle
  if (process.env.PORTFUND_TESTS === 'quick') return;
  // the two builds (esbuild, mostly waiting on its own threads) and the database side by side: the global setup and one
  // small file 7.1 → 6.3 s wall
  await Promise.all([...BUILDS.map(build), process.env.TEST_DATABASE_URL === undefined ? makeMigratedDataDir(runDir) : undefined]);
};

const build = (script: string): Promise<unknown> =>
  promisify(execFile)(process.execPath, [join(ROOT, script)], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`${script} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  });
