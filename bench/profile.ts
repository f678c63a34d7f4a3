// `npx tsx bench/profile.ts [ENTRIES] [--app MEMBERS]`: CPU profile of one `portfund check` of a generated workbook.
// The CLI is bundled with esbuild (not minified) into bench/out/profile/ so the profile has real function names and
// every sample maps back to its source file; then it runs once with --cpu-prof and the top self times are printed.
// Note the bundle starts faster than the tsx-run CLI (no TypeScript loader), so start-up is under-represented here.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { runChild } from './lib/child';
import { summarizeProfile, type Row } from './lib/cpuprofile';
import { makeApplication, makeCashbook } from './lib/fixtures';
import { OUT_DIR, REPO_DIR } from './lib/results';
import { printTable } from './lib/table';

const rows = (list: readonly Row[]): (string | number)[][] => list.map((r) => [r.key, r.ms.toFixed(0), `${(r.share * 100).toFixed(1)} %`]);

const main = async (): Promise<void> => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { app: { type: 'string' }, top: { type: 'string', default: '25' } } });
  const dir = join(OUT_DIR, 'profile');
  await mkdir(dir, { recursive: true });
  const bundleFile = join(dir, 'portfund.cjs');
  await build({
    entryPoints: [join(REPO_DIR, 'ingest-server/src/cli/portfund.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundleFile,
    logLevel: 'error',
  });
  const tmp = await mkdtemp(join(tmpdir(), 'portfund-profile-'));
  try {
    const fixture = values.app !== undefined ? await makeApplication(tmp, Number(values.app)) : await makeCashbook(tmp, Number(positionals[0] ?? 5000));
    const profDir = join(dir, `${fixture.label}-${Date.now()}`);
    const run = await runChild([process.execPath, '--cpu-prof', `--cpu-prof-dir=${profDir}`, bundleFile, 'check', fixture.path], { cwd: REPO_DIR, measureRss: true });
    const [profile] = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile'));
    if (profile === undefined) throw new Error(`no profile written (exit ${run.exitCode}): ${run.stderr}`);
    const summary = await summarizeProfile(join(profDir, profile), { file: bundleFile, url: 'portfund.cjs' }, Number(values.top));
    process.stdout.write(
      `${fixture.label}: bundled CLI ${run.ms.toFixed(0)} ms wall, ${run.cpuMs ?? '?'} ms CPU, peak RSS ${run.maxRssKb === null ? '?' : Math.round(run.maxRssKb / 1024)} MB, exit ${run.exitCode}; ${summary.totalMs.toFixed(0)} ms sampled\nprofile: ${join(profDir, profile)} (open in Chrome DevTools › Performance)\n`,
    );
    printTable('self time by package', ['package', 'ms', 'share'], rows(summary.byPackage.slice(0, 12)));
    printTable('self time by source file', ['file', 'ms', 'share'], rows(summary.byFile));
    printTable('self time by function', ['function  file', 'ms', 'share'], rows(summary.byFunction));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`profile: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
