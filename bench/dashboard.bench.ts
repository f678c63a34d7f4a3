// Issue 17: the 總覽 dashboard for 500 unions × 4 quarters (plus a pending second version of every tenth book, a
// returned one of every twentieth, and two years of applications) seeded directly with SQL, then the ministry's and
// one local government's dashboard timed (the service: its three SQL queries and the roll-up in Node). On PostgreSQL
// with BENCH_DATABASE_URL or TEST_DATABASE_URL (a schema of its own, dropped after), else PGlite on disk.
import { join } from 'node:path';
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { withImportDb } from './lib/import-db';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';

const UNIONS = 500;
const LOCAL_GOVERNMENTS = 10;
const YEAR = 115;
const CATEGORIES = ['分配款', '利息收入', '結餘款'];
const ROWS = ['1', '2', '3-1', '3-2', '4', '5-1', '5-4', '6'];

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const benchmark: Benchmark = {
  name: 'dashboard',
  description: `總覽 for ${UNIONS} unions × 4 quarters (GET /api/reports/dashboard's service) on PostgreSQL or PGlite`,
  async run(ctx: BenchContext) {
    await withImportDb(join(ctx.tmpDir, 'db'), async ({ db, database, user, orgId }) => {
      const { dashboard } = await import('../ingest-server/src/services/reports/dashboard');
      const { unionReport } = await import('../ingest-server/src/services/reports/union-report');
      const { User } = await import('../ingest-server/src/models/user');
      ctx.log(`seeding ${UNIONS} unions on ${database}`);
      const lgs = [orgId];
      for (let i = 1; i < LOCAL_GOVERNMENTS; i++) {
        const [row] = await db('organizations').insert({ kind: 'local_gov', name: `地方主管機關${i}` }).returning('id');
        lgs.push((row as { id: number }).id);
      }
      const [ministryOrg] = await db('organizations').insert({ kind: 'ministry', name: '勞動部' }).returning('id');
      const [ministryRow] = await db('users')
        .insert({ username: 'bench-ministry', password_hash: 'x', organization_id: (ministryOrg as { id: number }).id, role: 'ministry' })
        .returning('*');
      const ministry = User.fromJson(ministryRow as object);
      const unions = (await db('organizations')
        .insert(Array.from({ length: UNIONS }, (_, i) => ({ kind: 'union', name: `工會${i}`, ubn: String(10000000 + i), parent_id: lgs[i % LOCAL_GOVERNMENTS] })))
        .returning(['id', 'ubn'])) as { id: number; ubn: string }[];

      const filings: Record<string, unknown>[] = [];
      for (const u of unions) {
        const base = { union_id: u.id, ubn: u.ubn, size_bytes: 1, template_version: '1.3', uploaded_by: user.id, errors: 0 };
        for (const q of [1, 2, 3, 4]) {
          filings.push({ ...base, kind: 'cashbook', year: YEAR, quarter: q, version: 1, status: u.id % 20 === 0 ? 'returned' : 'approved', sha256: `c${u.id}-${q}-1`, file_name: 'c.xlsx' });
          if (u.id % 10 === 0) filings.push({ ...base, kind: 'cashbook', year: YEAR, quarter: q, version: 2, status: 'submitted', sha256: `c${u.id}-${q}-2`, file_name: 'c.xlsx' });
        }
        for (const y of [YEAR - 1, YEAR]) filings.push({ ...base, kind: 'application', year: y, quarter: 0, version: 1, status: 'approved', sha256: `a${u.id}-${y}`, file_name: 'a.xlsx' });
      }
      const ids: { id: number; kind: string; quarter: number }[] = [];
      for (let i = 0; i < filings.length; i += 1000) ids.push(...((await db('filings').insert(filings.slice(i, i + 1000)).returning(['id', 'kind', 'quarter'])) as typeof ids));
      const cashbooks = ids.filter((f) => f.kind === 'cashbook');
      const money = (n: number): string => String(n);
      const summaries = cashbooks.map((f) => ({
        filing_id: f.id,
        period: f.quarter * 3,
        opening_special1: money(1500000), opening_special2: '0', opening_fixed: '0', opening_petty: money(57904),
        closing_special1: money(1500000 - f.quarter * 100000), closing_special2: '0', closing_fixed: money(f.quarter * 50000), closing_petty: money(50000 + f.id % 1000),
        allocation_received: money(467000), interest_received: money(37 * f.quarter), other_received: '0',
      }));
      for (let i = 0; i < summaries.length; i += 500) await db('cashbook_summaries').insert(summaries.slice(i, i + 500));
      const spend = cashbooks.flatMap((f) => ROWS.flatMap((row, r) => CATEGORIES.map((category, c) => ({ filing_id: f.id, spend_row: row, category, amount: money(((f.id * 7 + r * 13 + c) % 50) * 1000 * f.quarter) }))));
      for (let i = 0; i < spend.length; i += 2000) await db('cashbook_spend').insert(spend.slice(i, i + 2000));
      const figures = ids
        .filter((f) => f.kind === 'application')
        .flatMap((f) => [
          { filing_id: f.id, section: 'fa_rev_alloc', item: '', col: '', amount: money(467000) },
          { filing_id: f.id, section: 'fa_prev_surplus_remaining', item: '', col: '', amount: money(2352194) },
          { filing_id: f.id, section: 'fa_spend', item: '1', col: 'alloc', amount: money((f.id % 5) * 50000) },
        ]);
      for (let i = 0; i < figures.length; i += 2000) await db('application_figures').insert(figures.slice(i, i + 2000));
      await db.raw('ANALYZE');
      ctx.log(`seeded ${filings.length} filings, ${spend.length} spend rows; timing ${ctx.runs} runs each`);

      const now = new Date('2026-12-07T00:00:00Z');
      const time = async (who: typeof user): Promise<{ ms: number[]; unions: number; candidates: number }> => {
        const w0 = performance.now();
        let last = await dashboard(db, who, YEAR, undefined, now);
        ctx.log(`warm-up (${who.role}): ${(performance.now() - w0).toFixed(0)} ms`);
        const ms: number[] = [];
        for (let r = 0; r < ctx.runs; r++) {
          const t0 = performance.now();
          last = await dashboard(db, who, YEAR, undefined, now);
          ms.push(performance.now() - t0);
          ctx.log(`run ${r + 1} (${who.role}): ${(ms.at(-1) ?? 0).toFixed(0)} ms`);
        }
        return { ms, unions: last.ratios.length, candidates: last.educationTwoYears.candidates.length };
      };
      const all = await time(ministry);
      const local = await time(user);
      // the older union report (報表) reads the counted version too: the ministry's, for the year's last quarter
      await unionReport(db, ministry, { year: YEAR, quarter: 4 }, now);
      const report: number[] = [];
      let reported = 0;
      for (let r = 0; r < ctx.runs; r++) {
        const t0 = performance.now();
        reported = (await unionReport(db, ministry, { year: YEAR, quarter: 4 }, now)).rows.filter((row) => row.cashbook !== null).length;
        report.push(performance.now() - t0);
      }
      const rows = [
        ['勞動部（全國）', all.unions, all.candidates, median(all.ms).toFixed(0), Math.max(...all.ms).toFixed(0)],
        ['一個地方主管機關', local.unions, local.candidates, median(local.ms).toFixed(0), Math.max(...local.ms).toFixed(0)],
        ['工會報表（勞動部，第 4 季）', reported, '—', median(report).toFixed(0), Math.max(...report).toFixed(0)],
      ];
      printTable(`總覽 ${UNIONS} unions × 4 quarters on ${database} (load at start ${ctx.loadAtStart})`, ['scope', 'unions counted', '§1.3(一) candidates', 'median ms', 'max ms'], rows);
      await writeResults('dashboard', { database, unions: UNIONS, filings: filings.length, ministryMs: all.ms, localMs: local.ms, unionReportMs: report });
    });
  },
};
