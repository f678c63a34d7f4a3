// Ingest over HTTP (issue "Ingest server"): N quarterly cash books of 10 unions uploaded to a listening server on a real
// PostgreSQL — gate, full check, extraction, reconciliation and storage per file in one transaction — one at a time and
// 4 at a time. Reports throughput (files/s) and latency percentiles. Database: BENCH_DATABASE_URL / TEST_DATABASE_URL,
// else the machine's PostgreSQL at 127.0.0.1:5432/test, else embedded PGlite (said in the output).
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';
import { ms, stats, type Stats } from './lib/timing';
import { checkUbn } from '@portfund/shared-rules';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { writeTemplate, type FillValues } from '@portfund/templates';
import knex from 'knex';

const UNIONS = 10;
const QUARTERS = [1, 2, 3, 4] as const;
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/test';

/** Valid UBNs near a base number (the checksum decides which). */
const validUbns = (count: number): string[] => {
  const out: string[] = [];
  for (let n = 20000000; out.length < count; n += 1) if (checkUbn(String(n)).ok) out.push(String(n));
  return out;
};

/** A union's year of entries (the example's 20, repeated 10× with later days) so a December book holds 200 entries. */
const yearOfEntries = (): EntryRow[] =>
  Array.from({ length: 200 }, (_, i) => {
    const e = [...(CASHBOOK_ENTRIES[i % CASHBOOK_ENTRIES.length] as EntryRow)] as EntryRow;
    e[3] = String(i + 1);
    return e;
  }).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

const cashbook = (ubn: string, name: string, quarter: number, note: string): Promise<Buffer> => {
  const entries = yearOfEntries()
    .filter((e) => e[0] <= quarter * 3)
    .map((e, i) => [...e.slice(0, 7), i === 0 ? note : e[7], ...e.slice(8)]);
  return writeTemplate('cashbook', {
    fill: { ...CASHBOOK_EXAMPLE, cb_union_name: name, cb_ubn: ubn, cb_period: quarter * 3, cb_entries: entries } as FillValues,
  });
};

const databaseUrl = async (): Promise<string | undefined> => {
  const configured = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (configured !== undefined) return configured;
  const probe = knex({ client: 'pg', connection: LOCAL_PG, pool: { min: 0, max: 1 } });
  try {
    await probe.raw('select 1');
    return LOCAL_PG;
  } catch {
    return undefined;
  } finally {
    await probe.destroy();
  }
};

interface Round {
  readonly concurrency: number;
  readonly files: number;
  readonly seconds: number;
  readonly latency: Stats;
  readonly p95: number;
  readonly statuses: Record<number, number>;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export const benchmark: Benchmark = {
  name: 'ingest',
  description: 'cash books uploaded over HTTP to the ingest server on PostgreSQL: throughput and latency',
  async run(ctx: BenchContext): Promise<void> {
    const url = await databaseUrl();
    if (url !== undefined) process.env.TEST_DATABASE_URL = url;
    // the test harness: Express listening on a free port, migrations in a schema of its own, dropped afterwards
    const { startTestServer } = await import('../ingest-server/src/testing/test-server');
    const { upload } = await import('../ingest-server/src/testing/http');
    const server = await startTestServer();
    try {
      const ubns = validUbns(UNIONS);
      for (const [i, ubn] of ubns.entries()) {
        await server.db('organizations').insert({ kind: 'union', name: `基隆港區第${i + 1}職業工會`, ubn, parent_id: server.seed.localA.id });
      }
      const token = await server.login('taichung');
      const rounds: Round[] = [];
      for (const [round, concurrency] of [1, 4].entries()) {
        ctx.log(`generating ${UNIONS * QUARTERS.length} cash books (round ${round + 1})…`);
        const files: { name: string; bytes: Buffer }[] = [];
        for (const [i, ubn] of ubns.entries()) {
          for (const q of QUARTERS) {
            files.push({ name: `115${String(q * 3).padStart(2, '0')}_${ubn}_accounting.xlsx`, bytes: await cashbook(ubn, `基隆港區第${i + 1}職業工會`, q, `第${round + 1}輪`) });
          }
        }
        ctx.log(`uploading ${files.length} files, ${concurrency} at a time…`);
        const latencies: number[] = [];
        const statuses: Record<number, number> = {};
        let next = 0;
        const started = performance.now();
        const worker = async (): Promise<void> => {
          for (let i = next++; i < files.length; i = next++) {
            const file = files[i];
            if (file === undefined) return;
            const t = performance.now();
            const res = await upload(server.url, token, [file]);
            latencies.push(performance.now() - t);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          }
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
        const seconds = (performance.now() - started) / 1000;
        const sorted = [...latencies].sort((a, b) => a - b);
        rounds.push({ concurrency, files: files.length, seconds, latency: stats(latencies), p95: percentile(sorted, 95), statuses });
      }
      const database = url === undefined ? 'PGlite (embedded; no PostgreSQL reachable)' : `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}`;
      printTable(
        `cash books (≤ 200 entries, 3,000-row template) uploaded over HTTP — ${database}`,
        ['concurrency', 'files', 'wall s', 'files/s', 'latency median ms', 'p95 ms', 'max ms', 'HTTP statuses'],
        rounds.map((r) => [
          r.concurrency,
          r.files,
          r.seconds.toFixed(1),
          (r.files / r.seconds).toFixed(2),
          ms(r.latency.median),
          ms(r.p95),
          ms(r.latency.max),
          Object.entries(r.statuses)
            .map(([s, n]) => `${s}×${n}`)
            .join(' '),
        ]),
      );
      const path = await writeResults('ingest', { database, rounds, loadAtStart: ctx.loadAtStart });
      console.log(`results: ${path}`);
    } finally {
      await server.close();
    }
  },
};
