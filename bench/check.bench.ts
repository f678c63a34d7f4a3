// `portfund check` on large clean workbooks (SPEC §4, §9): cash books of 1k / 5k / 20k entries and an application with a
// 2,000-member roster. Times the whole CLI as a child process (wall time, peak RSS) and, in process, each phase of
// checkFileBytes (input gate → exceljs load → snapshot → checkWorkbook) so it is clear where the time goes.
// Goal (issue): a 5,000-entry cash book fully checked in well under 2 s on a 2-core machine, cost linear in rows.
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook, type WorkbookSnapshot } from '@portfund/shared-rules';
import { DEFAULT_LIMITS, inspectWorkbookBytes } from '../ingest-server/src/workbook/input-gate';
import { checkFileBytes } from '../ingest-server/src/workbook/check-file';
import { snapshotFromExcelJS } from '../ingest-server/src/workbook/exceljs-snapshot';
import { type BenchContext, type Benchmark, kb, mb } from './lib/benchmark';
import { hasGnuTime, runChild } from './lib/child';
import { type Fixture, makeApplication, makeCashbook } from './lib/fixtures';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';
import { measure, ms, repeat, type Stats } from './lib/timing';

const CASHBOOK_SIZES = [1000, 5000, 20000] as const;
const ROSTER_SIZE = 2000;
const GOAL_ENTRIES = 5000;
const GOAL_MS = 2000;

interface CliResult {
  readonly wall: Stats;
  /** Peak RSS of the child per run, kilobytes (null: could not be measured). */
  readonly maxRssKb: { readonly median: number | null; readonly max: number | null };
  readonly rssSource: 'gnu-time' | 'resourceUsage' | 'none';
  readonly exitCode: number | null;
  readonly errors: number | null;
  readonly warnings: number | null;
}

interface PhaseResult {
  readonly gate: Stats;
  readonly load: Stats;
  readonly snapshot: Stats;
  readonly check: Stats;
  /** checkFileBytes end to end, in process (the sum of the phases plus glue). */
  readonly total: Stats;
  readonly snapshotCells: number;
}

const BIN = 'ingest-server/bin/portfund.js';

/** The CLI as the user runs it, or the in-process wrapper that reports its own peak RSS where GNU time is missing. */
const cliArgv = (file: string, gnuTime: boolean): string[] =>
  gnuTime ? [process.execPath, BIN, 'check', file, '--json'] : [process.execPath, '--import', 'tsx', join(__dirname, 'lib', 'rss-wrapper.ts'), file];

const summaryOf = (stdout: string): { errors: number; warnings: number } | null => {
  try {
    const parsed = JSON.parse(stdout) as { files?: { summary?: { errors: number; warnings: number } }[] };
    return parsed.files?.[0]?.summary ?? null;
  } catch {
    return null;
  }
};

const nullableMedian = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return known.length === 0 ? null : (known[Math.floor(known.length / 2)] ?? null);
};

const timeCli = async (ctx: BenchContext, fixture: Fixture, gnuTime: boolean): Promise<CliResult> => {
  const { stats: wall, results } = await repeat(() => runChild(cliArgv(fixture.path, gnuTime), { cwd: ctx.repoDir, measureRss: true }), {
    runs: ctx.runs,
  });
  const first = results[0];
  const summary = first === undefined ? null : summaryOf(first.stdout);
  if (first !== undefined && summary === null) ctx.log(`${fixture.label}: CLI printed no JSON (exit ${first.exitCode}): ${first.stderr.slice(0, 300)}`);
  const rss = results.map((r) => r.maxRssKb);
  const known = rss.filter((v): v is number => v !== null);
  return {
    wall,
    maxRssKb: { median: nullableMedian(rss), max: known.length === 0 ? null : Math.max(...known) },
    rssSource: known.length === 0 ? 'none' : gnuTime ? 'gnu-time' : 'resourceUsage',
    exitCode: first?.exitCode ?? null,
    errors: summary?.errors ?? null,
    warnings: summary?.warnings ?? null,
  };
};

const loadWorkbook = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

const timePhases = async (ctx: BenchContext, fixture: Fixture): Promise<PhaseResult> => {
  const { bytes } = fixture;
  const fileName = basename(fixture.path);
  const options = { runs: ctx.runs, warmup: 1 };
  const gate = await measure(() => inspectWorkbookBytes(bytes, DEFAULT_LIMITS), options);
  if (!gate.last.ok) throw new Error(`${fixture.label}: the input gate refused the file: ${gate.last.reason}`);
  const load = await measure(() => loadWorkbook(bytes), options);
  const snapshot = await measure(() => snapshotFromExcelJS(load.last), options);
  const check = await measure(() => checkWorkbook(snapshot.last, { fileName }), options);
  const total = await measure(() => checkFileBytes(bytes, fileName), options);
  return {
    gate: gate.stats,
    load: load.stats,
    snapshot: snapshot.stats,
    check: check.stats,
    total: total.stats,
    snapshotCells: cellCount(snapshot.last),
  };
};

const cellCount = (snapshot: WorkbookSnapshot): number => snapshot.sheets.reduce((n, s) => n + s.cells.size, 0);

const describe = (f: Fixture): string => (f.kind === 'cashbook' ? `cash book ${f.rows.toLocaleString('en-US')} entries` : `application ${f.rows.toLocaleString('en-US')} members`);

const range = (s: Stats): string => `${ms(s.min)}–${ms(s.max)}`;

const run = async (ctx: BenchContext): Promise<void> => {
  // inputs, generated once (not timed as part of any check)
  const fixtures: Fixture[] = [];
  for (const entries of CASHBOOK_SIZES) {
    ctx.log(`generating a cash book with ${entries} entries…`);
    fixtures.push(await makeCashbook(ctx.tmpDir, entries));
  }
  ctx.log(`generating an application with a ${ROSTER_SIZE}-member roster…`);
  fixtures.push(await makeApplication(ctx.tmpDir, ROSTER_SIZE));

  const gnuTime = await hasGnuTime();
  ctx.log(gnuTime ? 'peak RSS via /usr/bin/time -f %M' : 'GNU time not found: peak RSS via process.resourceUsage() in bench/lib/rss-wrapper.ts');

  // fixed cost of every CLI call: node + tsx + loading the modules (`portfund --help` imports everything `check` does)
  ctx.log('timing CLI start-up (portfund --help)…');
  const startup = await repeat(() => runChild([process.execPath, BIN, '--help'], { cwd: ctx.repoDir, measureRss: gnuTime }), { runs: ctx.runs });
  const startupRss = nullableMedian(startup.results.map((r) => r.maxRssKb));

  const cli = new Map<Fixture, CliResult>();
  for (const f of fixtures) {
    ctx.log(`timing portfund check on ${f.label} (${ctx.runs} runs + 1 warm-up)…`);
    cli.set(f, await timeCli(ctx, f, gnuTime));
  }
  const phases = new Map<Fixture, PhaseResult>();
  for (const f of fixtures) {
    ctx.log(`timing in-process phases on ${f.label}…`);
    phases.set(f, await timePhases(ctx, f));
  }

  printTable(
    `portfund check (child process, wall ms: median of ${ctx.runs} after 1 warm-up; peak RSS of the child)`,
    ['workbook', 'template rows', 'file KB', 'median ms', 'min–max ms', 'peak RSS MB', 'errors', 'warnings', 'exit'],
    [
      ['CLI start-up only (--help)', '', '', ms(startup.stats.median), range(startup.stats), mb(startupRss), '', '', ''],
      ...fixtures.map((f) => {
        const c = cli.get(f);
        return [describe(f), f.templateRows, kb(f.bytes.length), ms(c?.wall.median ?? NaN), c === undefined ? '' : range(c.wall), mb(c?.maxRssKb.max ?? null), c?.errors ?? '?', c?.warnings ?? '?', c?.exitCode ?? '?'];
      }),
    ],
  );

  printTable(
    `in-process phases of checkFileBytes (ms, median of ${ctx.runs} after 1 warm-up)`,
    ['workbook', 'gate', 'exceljs load', 'snapshot', 'checkWorkbook', 'sum', 'checkFileBytes', 'cells', 'CLI − in-process'],
    fixtures.map((f) => {
      const p = phases.get(f);
      const c = cli.get(f);
      if (p === undefined) return [describe(f)];
      const sum = p.gate.median + p.load.median + p.snapshot.median + p.check.median;
      return [describe(f), ms(p.gate.median), ms(p.load.median), ms(p.snapshot.median), ms(p.check.median), ms(sum), ms(p.total.median), p.snapshotCells, ms((c?.wall.median ?? NaN) - p.total.median)];
    }),
  );

  // linearity: cost per 1,000 entries, and the marginal cost between consecutive sizes
  const books = fixtures.filter((f) => f.kind === 'cashbook');
  const perK = (value: number, rows: number): number => value / (rows / 1000);
  const linearity = books.map((f, i) => {
    const c = cli.get(f)?.wall.median ?? NaN;
    const p = phases.get(f)?.total.median ?? NaN;
    const prev = i > 0 ? books[i - 1] : undefined;
    const marginal = prev === undefined ? NaN : (c - (cli.get(prev)?.wall.median ?? NaN)) / ((f.rows - prev.rows) / 1000);
    const marginalInProcess = prev === undefined ? NaN : (p - (phases.get(prev)?.total.median ?? NaN)) / ((f.rows - prev.rows) / 1000);
    return {
      entries: f.rows,
      templateRows: f.templateRows,
      cliMs: c,
      cliMinusStartupPer1k: perK(c - startup.stats.median, f.rows),
      inProcessPer1k: perK(p, f.rows),
      inProcessPer1kTemplateRows: perK(p, f.templateRows),
      marginalCliPer1k: marginal,
      marginalInProcessPer1k: marginalInProcess,
    };
  });
  printTable(
    'cost per 1,000 entries (ms) — linear when the per-1k figures stay flat as the book grows',
    ['entries', 'template rows', 'CLI ms', '(CLI − start-up)/1k', 'in-process/1k entries', 'in-process/1k template rows', 'marginal CLI/1k', 'marginal in-process/1k'],
    linearity.map((l) => [
      l.entries,
      l.templateRows,
      ms(l.cliMs),
      ms(l.cliMinusStartupPer1k),
      ms(l.inProcessPer1k),
      ms(l.inProcessPer1kTemplateRows),
      ms(l.marginalCliPer1k),
      ms(l.marginalInProcessPer1k),
    ]),
  );

  const goal = books.find((f) => f.rows === GOAL_ENTRIES);
  const goalMs = goal === undefined ? NaN : (cli.get(goal)?.wall.median ?? NaN);
  const marginals = linearity.map((l) => l.marginalInProcessPer1k).filter(Number.isFinite);
  const spread = marginals.length < 2 ? NaN : Math.max(...marginals) / Math.min(...marginals);
  const clean = fixtures.every((f) => cli.get(f)?.errors === 0 && cli.get(f)?.warnings === 0);
  const verdicts = [
    `${GOAL_ENTRIES / 1000}k entries: ${(goalMs / 1000).toFixed(2)} s ${goalMs < GOAL_MS ? '<' : '≥'} ${GOAL_MS / 1000} s goal — ${goalMs < GOAL_MS ? (goalMs < GOAL_MS * 0.75 ? 'met' : 'met, but not "well under"') : 'MISSED'}`,
    `linearity: marginal in-process cost ${marginals.map((m) => ms(m)).join(' → ')} ms per 1k entries (max/min ${Number.isFinite(spread) ? spread.toFixed(2) : '–'}) — ${spread <= 1.5 ? 'linear' : 'NOT linear (grows faster than the rows)'}`,
    `findings: ${clean ? 'every generated workbook checks clean (0 errors, 0 warnings)' : 'some generated workbook has findings (see the table) — the fixture or a rule is wrong'}`,
  ];
  process.stdout.write(`\n${verdicts.map((v) => `verdict: ${v}`).join('\n')}\n`);

  const file = await writeResults('check', {
    runs: ctx.runs,
    goal: { entries: GOAL_ENTRIES, ms: GOAL_MS, measuredMs: goalMs, met: goalMs < GOAL_MS },
    rssSource: gnuTime ? 'gnu-time' : 'resourceUsage',
    startup: { wall: startup.stats, maxRssKb: startupRss },
    workbooks: fixtures.map((f) => ({
      label: f.label,
      kind: f.kind,
      rows: f.rows,
      templateRows: f.templateRows,
      fileBytes: f.bytes.length,
      generateMs: Math.round(f.generateMs),
      cli: cli.get(f),
      phases: phases.get(f),
    })),
    linearity,
    verdicts,
  });
  process.stdout.write(`\nresults: ${file}\n`);
};

export const benchmark: Benchmark = {
  name: 'check',
  description: '`portfund check` on 1k / 5k / 20k-entry cash books and a 2,000-member application',
  run,
};
