// Issue 14: a dry run of a registry import file of 1,000,000 one-cell rows (every row misses the other columns) stored
// 9,000,000 findings before findings were capped per code. This measures what it stores now — rows in import_findings,
// the run's counts, seconds and peak RSS — in a fresh child process and database: PGlite on disk, or a real PostgreSQL
// when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. `npm run bench -- dry-run-cap` (one run: it takes minutes).
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { runChild } from './lib/child';
import { SERVICE_HOURS_HEADER, withImportDb } from './lib/import-db';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';

const HEADER = SERVICE_HOURS_HEADER;
const ROWS = Number(process.env.BENCH_DRY_RUN_ROWS ?? 1_000_000);

interface ChildResult {
  readonly database: 'pglite' | 'postgresql';
  readonly seconds: number;
  readonly rowsRead: number;
  readonly findings: number;
  readonly findingsStored: number;
  readonly findingRowsInDb: number;
  readonly omitted: Record<string, number>;
  readonly peakRssMB: number;
}

const child = async (file: string, dataDir: string): Promise<void> => {
  const { runImport } = await import('../ingest-server/src/services/registry/run-import');
  await withImportDb(dataDir, async ({ db, database, user }) => {
    const bytes = await readFile(file);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const outcome = await runImport(db, user, { kind: 'service_hours', mode: 'dry_run', fileName: 'huge.csv', bytes, today: '2026-01-01' });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const [{ n }] = (await db('import_findings').count('* as n')) as [{ n: string | number }];
    const result: ChildResult = {
      database,
      seconds,
      rowsRead: outcome.run.rows_read,
      findings: outcome.run.errors + outcome.run.warnings,
      findingsStored: outcome.run.findings_stored,
      findingRowsInDb: Number(n),
      omitted: outcome.run.findings_omitted,
      peakRssMB: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
};

const makeCsv = async (dir: string, rows: number): Promise<{ path: string; bytes: number }> => {
  const path = join(dir, `one-cell-${rows}.csv`);
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\r\n`);
  for (let i = 0; i < rows; i++) if (!out.write(`${i}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { path, bytes: (await stat(path)).size };
};

export const benchmark: Benchmark = {
  name: 'dry-run-cap',
  description: `a dry run of ${ROWS.toLocaleString('en-US')} one-cell rows: findings stored (first 200 per code, then a count), seconds, peak RSS`,
  async run(ctx: BenchContext) {
    const csv = await makeCsv(ctx.tmpDir, ROWS);
    ctx.log(`file: ${(csv.bytes / 1048576).toFixed(1)} MB; importing as a dry run…`);
    const dataDir = join(ctx.tmpDir, 'db');
    await mkdir(dataDir, { recursive: true });
    const run = await runChild([process.execPath, '--import', 'tsx', __filename, '--child', csv.path, dataDir], { cwd: ctx.repoDir });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.exitCode !== 0 || !line.startsWith('{')) throw new Error(`child failed (${run.exitCode}): ${run.stderr.slice(-2000)}`);
    const r = JSON.parse(line) as ChildResult;
    printTable(
      'Dry run of one-cell rows (issue 14: 9,000,000 findings stored before the cap)',
      ['database', 'rows read', 'findings', 'rows stored', 'in import_findings', 'seconds', 'peak RSS MB'],
      [[r.database, r.rowsRead.toLocaleString('en-US'), r.findings.toLocaleString('en-US'), String(r.findingsStored), String(r.findingRowsInDb), r.seconds.toFixed(1), r.peakRssMB.toFixed(0)]],
    );
    const file = await writeResults('dry-run-cap', { rows: ROWS, fileBytes: csv.bytes, result: r });
    ctx.log(`results: ${file}`);
  },
};

if (require.main === module && process.argv[2] === '--child') {
  child(process.argv[3] ?? '', process.argv[4] ?? '').catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
