// `npm run bench [-- NAME…] [--runs N] [--keep]`: runs every bench/*.bench.ts, or only those named.
// Each benchmark prints its tables to stdout and writes bench/out/<name>.json.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Benchmark } from './lib/benchmark';
import { BENCH_DIR, REPO_DIR, machine, machineLoad } from './lib/results';

const USAGE = 'usage: npm run bench [-- NAME… [--runs N] [--keep]]';

const isBenchmark = (value: unknown): value is Benchmark =>
  typeof value === 'object' && value !== null && typeof (value as Benchmark).name === 'string' && typeof (value as Benchmark).run === 'function';

const loadBenchmark = async (file: string): Promise<Benchmark> => {
  const mod = (await import(join(BENCH_DIR, file))) as { benchmark?: unknown; default?: { benchmark?: unknown } };
  const found = mod.benchmark ?? mod.default?.benchmark;
  if (!isBenchmark(found)) throw new Error(`${file} does not export \`benchmark\``);
  return found;
};

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const files = (await readdir(BENCH_DIR)).filter((f) => f.endsWith('.bench.ts')).sort();
  const available = files.map((f) => f.replace(/\.bench\.ts$/, ''));
  if (values.help === true) {
    process.stdout.write(`${USAGE}\nbenchmarks: ${available.join(', ')}\n`);
    return 0;
  }
  const unknown = positionals.filter((p) => !available.includes(p));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const runs = values.runs === undefined ? 5 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs must be a positive integer\n${USAGE}\n`);
    return 2;
  }
  const selected = positionals.length === 0 ? available : available.filter((name) => positionals.includes(name));
  const m = machine();
  process.stdout.write(`portfund benchmarks — ${m.node}, ${m.cpu} × ${m.cores}, ${m.memoryMB} MB, ${runs} timed runs each\n`);
  for (const name of selected) {
    const bench = await loadBenchmark(`${name}.bench.ts`);
    const dir = await mkdtemp(join(tmpdir(), `portfund-bench-${name}-`));
    const load = machineLoad();
    process.stdout.write(`\n## ${bench.name}: ${bench.description}\n`);
    if (load.busy) {
      process.stdout.write(
        `note: load average ${load.load1} on ${m.cores} cores before starting — other work competes for the CPUs, so wall times are stretched; compare CPU times\n`,
      );
    }
    const started = performance.now();
    try {
      await bench.run({ runs, tmpDir: dir, repoDir: REPO_DIR, loadAtStart: load.load1, log: (message) => process.stderr.write(`  [${name}] ${message}\n`) });
    } finally {
      if (values.keep === true) process.stderr.write(`  [${name}] inputs kept in ${dir}\n`);
      else await rm(dir, { recursive: true, force: true });
    }
    process.stderr.write(`  [${name}] done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
