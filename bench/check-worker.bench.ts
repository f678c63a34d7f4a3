// The server's check worker fresh and warm (check-pool.ts keeps its last idle worker running): the first check in a new
// worker — code loaded, definitions built, hot paths compiled while it runs — against the same check in a worker that
// has checked a book before. What a union's upload after a quiet day costs either way. CPU is this process's (the worker
// is a thread of it; the pool waits idle meanwhile).
import { basename, join } from 'node:path';
import { isBundleFresh } from '../ingest-server/bin/bundle-freshness';
import { CheckPool } from '../ingest-server/src/workbook/check/check-pool';
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { makeCashbook, type Fixture } from './lib/fixtures';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';
import { median, ms } from './lib/timing';

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const timed = async (pool: CheckPool, fixture: Fixture): Promise<Sample> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const check = await pool.check(fixture.bytes, basename(fixture.path));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (!check.readable) throw new Error(`${fixture.label}: not readable`);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
};

export const benchmark: Benchmark = {
  name: 'check-worker',
  description: 'a cash book checked by a fresh check worker and by a warm one (the one the pool keeps)',
  async run(ctx: BenchContext): Promise<void> {
    const bundle = isBundleFresh(join(ctx.repoDir, 'ingest-server', 'dist', 'check-worker.cjs'));
    if (!bundle) ctx.log('ingest-server/dist/check-worker.cjs is missing or stale: the worker compiles TypeScript (run npm run build first)');
    const fixtures = [await makeCashbook(ctx.tmpDir, 20), await makeCashbook(ctx.tmpDir, 1000)];
    const rows: (string | number)[][] = [];
    const results: Record<string, { fresh: Sample[]; warm: Sample[] }> = {};
    for (const fixture of fixtures) {
      const fresh: Sample[] = [];
      const warm: Sample[] = [];
      for (let run = 0; run < ctx.runs; run += 1) {
        ctx.log(`${fixture.label}: run ${run + 1} of ${ctx.runs}`);
        const pool = new CheckPool({ size: 1 });
        try {
          fresh.push(await timed(pool, fixture));
          // one more check to finish compiling the hot paths, then the one a warm worker gives
          await timed(pool, fixture);
          warm.push(await timed(pool, fixture));
        } finally {
          await pool.close();
        }
      }
      results[fixture.label] = { fresh, warm };
      const m = (samples: readonly Sample[], key: keyof Sample): number => median(samples.map((s) => s[key]));
      rows.push([fixture.label, ms(m(fresh, 'wallMs')), ms(m(fresh, 'cpuMs')), ms(m(warm, 'wallMs')), ms(m(warm, 'cpuMs')), `${(m(fresh, 'wallMs') / m(warm, 'wallMs')).toFixed(1)}×`]);
    }
    printTable(
      `check in a fresh worker and in a warm one (median of ${ctx.runs}; worker ${bundle ? 'bundle' : 'TypeScript through tsx'})`,
      ['book', 'fresh wall ms', 'fresh CPU ms', 'warm wall ms', 'warm CPU ms', 'fresh ÷ warm'],
      rows,
    );
    await writeResults('check-worker', { bundle, results });
  },
};
