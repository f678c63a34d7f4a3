// Before any test file, in jest's parent process:
// - the run's shared folder (see run-dir.ts); jest's workers inherit the variable;
// - the bundles the tests drive (the `portfund` CLI, the web console, the task pane) built once from the current sources,
//   so no test builds while another reads them, and no two files build the same thing (~2 s in all, esbuild).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_DIR_VARIABLE } from './run-dir';

const ROOT = join(__dirname, '..', '..');
const BUILDS = ['ingest-server/build.mjs', 'addin/build.mjs'];

export default (): void => {
  process.env[RUN_DIR_VARIABLE] = mkdtempSync(join(tmpdir(), 'portfund-test-run-'));
  // the pure tests (npm run test:quick) drive no bundle
  if (process.env.PORTFUND_TESTS === 'quick') return;
  for (const script of BUILDS) {
    const built = spawnSync(process.execPath, [join(ROOT, script)], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`${script} failed:\n${built.stdout}${built.stderr}`);
  }
};
