// Issue 19, part 1: what `npm start` costs before it answers. Before: `npm run build && tsx ingest-server/src/main.ts`
// (every bundle rebuilt, then the TypeScript compiled at load); now: `node ingest-server/bin/start.js` (the build stamps
// checked, dist/server.cjs loaded). CPU seconds of the server process from spawn to its first /api/health 200 (read from
// /proc, threads included), on a PGlite data directory migrated by an untimed first start; and of `npm run build`
// (children included, /usr/bin/time). `npm run bench -- start`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system, all threads) a live process has used so far. */
const processCpu = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Starts the server with `args`, waits for /api/health, stops it: CPU seconds and wall seconds until it answered. */
const timeStart = async (ctx: BenchContext, args: readonly string[]): Promise<{ cpu: number; wall: number }> => {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ctx.repoDir, env: { ...process.env, PORT: String(port), PORTFUND_DATA_DIR: join(ctx.tmpDir, 'pglite') }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}`);
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (res?.status === 200) return { cpu: processCpu(child.pid ?? 0), wall: (performance.now() - started) / 1000 };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
};

const timeBuild = (ctx: BenchContext): { cpu: number; wall: number } => {
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %e', 'npm', 'run', 'build'], { cwd: ctx.repoDir, encoding: 'utf8' });
  const [user, system, wall] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (run.status !== 0 || user === undefined || system === undefined || wall === undefined) throw new Error(`npm run build failed:\n${run.stderr}`);
  return { cpu: user + system, wall };
};

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const benchmark: Benchmark = {
  name: 'start',
  description: 'npm start until /api/health answers: the built server vs the old build + tsx',
  async run(ctx) {
    const built = [join('ingest-server', 'bin', 'start.js')];
    const sources = ['--import', 'tsx', join('ingest-server', 'src', 'main.ts')];
    ctx.log('untimed first start (initdb and migrations)');
    await timeStart(ctx, built);
    const rows: { what: string; cpu: number[]; wall: number[] }[] = [
      { what: 'built: node ingest-server/bin/start.js', cpu: [], wall: [] },
      { what: 'sources: tsx ingest-server/src/main.ts', cpu: [], wall: [] },
      { what: 'npm run build (the old npm start ran it each time)', cpu: [], wall: [] },
    ];
    for (let run = 0; run < ctx.runs; run += 1) {
      ctx.log(`run ${run + 1} of ${ctx.runs}`);
      for (const [row, measure] of [
        [rows[0], () => timeStart(ctx, built)],
        [rows[1], () => timeStart(ctx, sources)],
        [rows[2], async () => timeBuild(ctx)],
      ] as const) {
        const { cpu, wall } = await measure();
        row?.cpu.push(cpu);
        row?.wall.push(wall);
      }
    }
    const table = rows.map((r) => ({ what: r.what, cpuSeconds: median(r.cpu), wallSeconds: median(r.wall) }));
    const old = (table[1]?.cpuSeconds ?? 0) + (table[2]?.cpuSeconds ?? 0);
    printTable(
      'to the first /api/health 200 (median)',
      ['', 'CPU s', 'wall s'],
      [...table.map((r) => [r.what, r.cpuSeconds.toFixed(2), r.wallSeconds.toFixed(2)]), ['old npm start (build + sources)', old.toFixed(2), '']],
    );
    await writeResults('start', { runs: ctx.runs, loadAtStart: ctx.loadAtStart, table, oldNpmStartCpuSeconds: old });
  },
};
