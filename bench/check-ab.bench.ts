// `BENCH_BASE=<git ref> npm run bench -- check-ab`: `portfund check` of this tree against the same command built from
// another commit, on the very same cash books, the two runs of each round side by side (their order alternating) — the
// only comparison that holds on a machine whose CPU times drift ±15 % from one run to the next. The base is checked out
// into a temporary git worktree (this checkout's installed packages linked in, its own workspaces) and bundled with its own build.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type BenchContext, type Benchmark, mb } from './lib/benchmark';
import { runChild } from './lib/child';
import { type Fixture, makeCashbook } from './lib/fixtures';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';
import { median } from './lib/timing';

const SIZES = [20, 5000, 20000] as const;
/** A local government's folder in one call: the same 1,000-entry book checked this many times by one process. */
const REPEATS = 12;
const WORKSPACES = ['shared-rules', 'api-contract', 'templates', 'ingest-server', 'addin'];

type Side = 'base' | 'head';

interface Sample {
  readonly cpuMs: number[];
  readonly maxRssKb: number[];
}

const git = (cwd: string, args: readonly string[]): string => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
};

/**
 * The packages of this checkout's node_modules linked into `dir`, except our workspaces: node_modules/@portfund links to
 * this checkout's own packages, so a link to the whole folder would build the base's CLI from this tree's shared-rules.
 */
const linkPackages = async (repoDir: string, dir: string): Promise<void> => {
  const from = join(repoDir, 'node_modules');
  await mkdir(join(dir, 'node_modules', '@portfund'), { recursive: true });
  for (const entry of await readdir(from)) if (entry !== '@portfund') await symlink(join(from, entry), join(dir, 'node_modules', entry));
  for (const w of WORKSPACES) await symlink(join('..', '..', w), join(dir, 'node_modules', '@portfund', w));
};

/** The base commit checked out next to this tree, sharing its installed packages, with its CLI bundled. */
const checkoutBase = async (ctx: BenchContext, ref: string): Promise<string> => {
  const dir = join(ctx.tmpDir, 'base');
  git(ctx.repoDir, ['worktree', 'add', '--detach', dir, ref]);
  await linkPackages(ctx.repoDir, dir);
  for (const w of WORKSPACES) {
    const own = join(ctx.repoDir, w, 'node_modules');
    if (existsSync(own) && existsSync(join(dir, w))) await symlink(own, join(dir, w, 'node_modules'));
  }
  const build = spawnSync(process.execPath, ['ingest-server/build.mjs'], { cwd: dir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building ${ref}: ${build.stderr.slice(0, 500)}`);
  return dir;
};

const bundleOf = (tree: string): string => join(tree, 'ingest-server', 'dist', 'portfund.cjs');

const run = async (ctx: BenchContext): Promise<void> => {
  const ref = process.env.BENCH_BASE;
  if (ref === undefined || ref === '') {
    process.stdout.write('set BENCH_BASE to the commit to compare with, e.g. BENCH_BASE=HEAD~3 npm run bench -- check-ab\n');
    return;
  }
  const baseCommit = git(ctx.repoDir, ['rev-parse', '--short', ref]);
  const headCommit = git(ctx.repoDir, ['rev-parse', '--short', 'HEAD']);
  ctx.log(`building ${ref} (${baseCommit}) in a worktree and this tree…`);
  const baseTree = await checkoutBase(ctx, ref);
  try {
    const build = spawnSync(process.execPath, ['ingest-server/build.mjs'], { cwd: ctx.repoDir, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building this tree: ${build.stderr.slice(0, 500)}`);
    const trees: Record<Side, string> = { base: baseTree, head: ctx.repoDir };
    const fixtures: Fixture[] = [];
    for (const n of SIZES) {
      ctx.log(`generating a cash book with ${n} entries…`);
      fixtures.push(await makeCashbook(ctx.tmpDir, n));
    }
    const repeated = await makeCashbook(ctx.tmpDir, 1000);
    const cases: { readonly label: string; readonly args: (tree: string) => string[] }[] = [
      { label: 'portfund help', args: (tree) => [join(tree, 'ingest-server', 'bin', 'portfund.js'), 'help'] },
      ...fixtures.map((f) => ({ label: `${f.rows.toLocaleString('en-US')} entries`, args: (tree: string) => [bundleOf(tree), 'check', f.path, '--json'] })),
      {
        label: `${REPEATS} × 1,000 entries, one call`,
        args: (tree: string) => [bundleOf(tree), 'check', ...Array.from({ length: REPEATS }, () => repeated.path), '--json'],
      },
    ];
    const samples = new Map<string, Record<Side, Sample>>(cases.map((c) => [c.label, { base: { cpuMs: [], maxRssKb: [] }, head: { cpuMs: [], maxRssKb: [] } }]));
    for (let round = 0; round <= ctx.runs; round += 1) {
      ctx.log(`round ${round === 0 ? 'warm-up' : `${round} of ${ctx.runs}`}…`);
      // alternate which side goes first, so neither always runs on a cache the other warmed
      const order: Side[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
      for (const c of cases) {
        for (const side of order) {
          const r = await runChild([process.execPath, ...c.args(trees[side])], { cwd: trees[side], measureRss: true });
          if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`${side} ${c.label}: exit ${r.exitCode}: ${r.stderr.slice(0, 300)}`);
          if (round === 0 || r.cpuMs === null) continue;
          const s = samples.get(c.label)?.[side];
          s?.cpuMs.push(r.cpuMs);
          if (r.maxRssKb !== null) s?.maxRssKb.push(r.maxRssKb);
        }
      }
    }
    const rows = cases.map((c) => {
      const s = samples.get(c.label);
      const base = median(s?.base.cpuMs ?? []);
      const head = median(s?.head.cpuMs ?? []);
      const peak = (side: Side): number | null => {
        const rss = s?.[side].maxRssKb ?? [];
        return rss.length === 0 ? null : Math.max(...rss);
      };
      return [c.label, base.toFixed(0), head.toFixed(0), `${(((head - base) / base) * 100).toFixed(1)} %`, mb(peak('base')), mb(peak('head'))];
    });
    printTable(
      `CPU ms (user + system, median of ${ctx.runs} interleaved rounds) and peak RSS MB: ${ref} (${baseCommit}) against this tree (${headCommit})`,
      ['case', 'base CPU', 'this CPU', 'change', 'base RSS', 'this RSS'],
      rows,
    );
    await writeResults('check-ab', { base: baseCommit, head: headCommit, runs: ctx.runs, samples: Object.fromEntries(samples) });
  } finally {
    git(ctx.repoDir, ['worktree', 'remove', '--force', baseTree]);
  }
};

export const benchmark: Benchmark = {
  name: 'check-ab',
  description: '`portfund check` of this tree against another commit (BENCH_BASE), interleaved on the same cash books',
  run,
};
