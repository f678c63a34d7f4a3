// `portfund check` on large clean workbooks (SPEC §4, §9): cash books of 1k / 5k / 20k entries and an application with a
// 2,000-member roster. Times the whole CLI as a child process (wall and CPU time, peak RSS) and, in a fresh Node process
// per workbook, each phase of checkFileBytes (input gate → xlsx reader → checkWorkbook; exceljs load + adapter timed beside it for comparison): the first run there
// is what the CLI pays (cold), the later runs are what a long-running server pays (warm). In the same run, interleaved
// with the CLI, other programs read the very same cash books (bench/lib/peers.ts: openpyxl, openpyxl read-only, the
// `unzip -p | wc -c` floor) and the ratios are printed.
// Goals (issue 18, CPU seconds): 5,000 entries ≤ 0.55 s including start-up; 20 entries ≤ 0.25 s; `portfund help` ≤ 0.2 s;
// cost linear from 1k to 20k entries; peak RSS ≤ 120 MB at 20,000 entries.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type BenchContext, type Benchmark, kb, mb } from './lib/benchmark';
import { type PhaseSamples, PHASES, type Phase } from './lib/phases';
import { hasGnuTime, runChild } from './lib/child';
import { ensureOpenpyxl, PEERS, runPeer, type Peer } from './lib/peers';
import { type Fixture, makeApplication, makeCashbook } from './lib/fixtures';
import { machineLoad, REPO_DIR, writeResults } from './lib/results';
import { printTable } from './lib/table';
import { median, ms, repeat, stats, type Stats } from './lib/timing';

const CASHBOOK_SIZES = [20, 1000, 5000, 20000] as const;
const ROSTER_SIZE = 2000;
const GOAL_ENTRIES = 5000;
const GOAL_CPU_MS = 550;
const SMALL_ENTRIES = 20;
const SMALL_GOAL_CPU_MS = 250;
const STARTUP_GOAL_CPU_MS = 200;
const LARGEST_GOAL_RSS_MB = 120;

const BIN = 'ingest-server/bin/portfund.js';
const PHASE_CHILD = join(__dirname, 'lib', 'check-phases-child.ts');
const RSS_WRAPPER = join(__dirname, 'lib', 'rss-wrapper.ts');

interface CliResult {
  readonly wall: Stats;
  /** User + system CPU of the child per run, milliseconds. */
  readonly cpu: Stats | null;
  /** Peak RSS of the child, kilobytes (null: could not be measured). */
  readonly maxRssKb: { readonly median: number | null; readonly max: number | null };
  readonly exitCode: number | null;
  readonly errors: number | null;
  readonly warnings: number | null;
}

interface PhaseResult {
  /** Warm runs (after the first) per phase, wall ms. */
  readonly warm: Record<Phase, Stats>;
  /** The first run in a fresh process per phase, wall ms: what one CLI call pays. */
  readonly cold: Record<Phase, number>;
  readonly warmCpu: Record<Phase, number>;
  readonly coldCpu: Record<Phase, number>;
  /** checkFileBytes end to end, warm. */
  readonly total: Stats;
  readonly cells: number;
  readonly childMaxRssKb: number;
}

/** The CLI as the user runs it, or the in-process wrapper that reports its own usage where GNU time is missing. */
const cliArgv = (file: string, gnuTime: boolean): string[] =>
  gnuTime ? [process.execPath, BIN, 'check', file, '--json'] : [process.execPath, '--import', 'tsx', RSS_WRAPPER, file];

const summaryOf = (stdout: string): { errors: number; warnings: number } | null => {
  try {
    const parsed = JSON.parse(stdout) as { files?: { summary?: { errors: number; warnings: number } }[] };
    return parsed.files?.[0]?.summary ?? null;
  } catch {
    return null;
  }
};

const known = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null);

const timeCli = async (ctx: BenchContext, argv: string[], label: string): Promise<CliResult> => {
  const { stats: wall, results } = await repeat(() => runChild(argv, { cwd: ctx.repoDir, measureRss: true }), { runs: ctx.runs });
  const first = results[0];
  const summary = first === undefined ? null : summaryOf(first.stdout);
  if (first !== undefined && summary === null && argv.includes('check')) {
    ctx.log(`${label}: the CLI printed no JSON (exit ${first.exitCode}): ${first.stderr.slice(0, 300)}`);
  }
  const rss = known(results.map((r) => r.maxRssKb));
  const cpu = known(results.map((r) => r.cpuMs));
  return {
    wall,
    cpu: cpu.length === 0 ? null : stats(cpu),
    maxRssKb: { median: rss.length === 0 ? null : median(rss), max: rss.length === 0 ? null : Math.max(...rss) },
    exitCode: first?.exitCode ?? null,
    errors: summary?.errors ?? null,
    warnings: summary?.warnings ?? null,
  };
};

const mapPhases = <T>(fn: (p: Phase) => T): Record<Phase, T> => Object.fromEntries(PHASES.map((p) => [p, fn(p)])) as Record<Phase, T>;

const timePhases = async (ctx: BenchContext, fixture: Fixture): Promise<PhaseResult> => {
  const child = await runChild([process.execPath, '--import', 'tsx', PHASE_CHILD, fixture.path, String(ctx.runs)], { cwd: ctx.repoDir });
  if (child.exitCode !== 0) throw new Error(`${fixture.label}: phase child failed (exit ${child.exitCode}): ${child.stderr.slice(0, 500)}`);
  const samples = JSON.parse(child.stdout) as PhaseSamples;
  return {
    warm: mapPhases((p) => stats(samples.phases[p].slice(1))),
    cold: mapPhases((p) => samples.phases[p][0] ?? NaN),
    warmCpu: mapPhases((p) => median(samples.cpu[p].slice(1))),
    coldCpu: mapPhases((p) => samples.cpu[p][0] ?? NaN),
    total: stats(samples.total),
    cells: samples.cells,
    childMaxRssKb: samples.maxRssKb,
  };
};

const describe = (f: Fixture): string =>
  f.kind === 'cashbook' ? `cash book ${f.rows.toLocaleString('en-US')} entries` : `application ${f.rows.toLocaleString('en-US')} members`;

const range = (s: Stats): string => `${ms(s.min)}–${ms(s.max)}`;
// the phases checkFileBytes runs (the exceljs column is only a comparison)
const CHECK_PHASES: readonly Phase[] = ['gate', 'read', 'check'];
const sumOf = (r: Record<Phase, number>): number => CHECK_PHASES.reduce((n, p) => n + r[p], 0);

interface PeerFigures {
  readonly cpuMs: number;
  readonly maxRssKb: number | null;
}

/** Per cash book: portfund's CLI and each peer, interleaved run by run (one untimed round first), medians of CPU and RSS. */
const comparePeers = async (ctx: BenchContext, f: Fixture, peers: readonly Peer[]): Promise<Record<string, PeerFigures>> => {
  const programs: { key: string; run: () => Promise<{ cpuMs: number | null; maxRssKb: number | null }> }[] = [
    { key: 'portfund', run: () => runChild([process.execPath, BIN, 'check', f.path, '--json'], { cwd: ctx.repoDir, measureRss: true }) },
    ...peers.map((p) => ({ key: p.key, run: () => runPeer(p, f.path, ctx.repoDir) })),
  ];
  const samples = new Map<string, { cpu: number[]; rss: number[] }>(programs.map((p) => [p.key, { cpu: [], rss: [] }]));
  for (let round = 0; round <= ctx.runs; round += 1) {
    for (const program of programs) {
      const r = await program.run();
      const into = samples.get(program.key);
      if (round === 0 || into === undefined) continue;
      if (r.cpuMs !== null) into.cpu.push(r.cpuMs);
      if (r.maxRssKb !== null) into.rss.push(r.maxRssKb);
    }
  }
  return Object.fromEntries(
    [...samples].map(([key, v]) => [key, { cpuMs: median(v.cpu), maxRssKb: v.rss.length === 0 ? null : Math.max(...v.rss) }]),
  );
};

const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

const run = async (ctx: BenchContext): Promise<void> => {
  // time what users run: the bundled CLI (npm ci builds it), not the tsx fallback bin/portfund.js takes when it is stale
  ctx.log('bundling the CLI (ingest-server/build.mjs)…');
  const built = spawnSync(process.execPath, [join(REPO_DIR, 'ingest-server', 'build.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`CLI build failed: ${built.stderr}`);

  // inputs, generated once (never timed as part of a check)
  const fixtures: Fixture[] = [];
  for (const entries of CASHBOOK_SIZES) {
    ctx.log(`generating a cash book with ${entries} entries…`);
    fixtures.push(await makeCashbook(ctx.tmpDir, entries));
  }
  ctx.log(`generating an application with a ${ROSTER_SIZE}-member roster…`);
  fixtures.push(await makeApplication(ctx.tmpDir, ROSTER_SIZE));

  const gnuTime = await hasGnuTime();
  ctx.log(gnuTime ? "peak RSS and CPU via /usr/bin/time -f '%M %U %S'" : 'GNU time not found: peak RSS and CPU via process.resourceUsage() in bench/lib/rss-wrapper.ts');

  // the fixed cost of every CLI call: node + tsx + loading every module (`portfund help` imports all that `check` does)
  ctx.log('timing CLI start-up (portfund help)…');
  const startup = await timeCli(ctx, [process.execPath, BIN, 'help'], 'start-up');

  const cli = new Map<Fixture, CliResult>();
  for (const f of fixtures) {
    ctx.log(`timing portfund check on ${f.label} (${ctx.runs} runs + 1 warm-up)…`);
    cli.set(f, await timeCli(ctx, cliArgv(f.path, gnuTime), f.label));
  }
  const phases = new Map<Fixture, PhaseResult>();
  for (const f of fixtures) {
    ctx.log(`timing in-process phases on ${f.label} (fresh process: 1 cold + ${ctx.runs} warm runs)…`);
    phases.set(f, await timePhases(ctx, f));
  }
  const openpyxlMissing = ensureOpenpyxl(ctx.log);
  if (openpyxlMissing !== null) ctx.log(openpyxlMissing);
  const peers = gnuTime ? PEERS.filter((p) => openpyxlMissing === null || p.key === 'unzip') : [];
  const compared = new Map<Fixture, Record<string, PeerFigures>>();
  for (const f of fixtures.filter((x) => x.kind === 'cashbook')) {
    ctx.log(`portfund check beside ${peers.map((p) => p.label).join(', ')} on ${f.label} (interleaved, ${ctx.runs} rounds + 1 warm-up)…`);
    compared.set(f, await comparePeers(ctx, f, peers));
  }
  const loadAtEnd = machineLoad().load1;

  printTable(
    `portfund check as a child process (median of ${ctx.runs} runs after 1 warm-up; CPU = user + system; peak RSS = max over runs)`,
    ['workbook', 'template rows', 'file KB', 'wall ms', 'wall min–max', 'CPU ms', 'peak RSS MB', 'errors', 'warnings', 'exit'],
    [
      ['start-up only (portfund help)', '', '', ms(startup.wall.median), range(startup.wall), ms(startup.cpu?.median ?? NaN), mb(startup.maxRssKb.max), '', '', startup.exitCode ?? '?'],
      ...fixtures.map((f) => {
        const c = cli.get(f);
        if (c === undefined) return [describe(f)];
        return [describe(f), f.templateRows, kb(f.bytes.length), ms(c.wall.median), range(c.wall), ms(c.cpu?.median ?? NaN), mb(c.maxRssKb.max), c.errors ?? '?', c.warnings ?? '?', c.exitCode ?? '?'];
      }),
    ],
  );

  const peerCell = (c: Record<string, PeerFigures> | undefined, key: string): string =>
    c?.[key] === undefined ? '–' : `${ms(c[key].cpuMs)} / ${mb(c[key].maxRssKb)}`;
  printTable(
    `the same cash books read by other programs, interleaved in this run (CPU ms / peak RSS MB, median of ${ctx.runs}; ratio = portfund CPU ÷ theirs)`,
    ['workbook', 'portfund check --json', ...PEERS.map((p) => p.label), 'vs openpyxl load', 'vs openpyxl read-only', 'vs unzip floor'],
    [...compared].map(([f, c]) => {
      const own = c.portfund?.cpuMs ?? NaN;
      return [
        describe(f),
        peerCell(c, 'portfund'),
        ...PEERS.map((p) => peerCell(c, p.key)),
        ratio(own, c.openpyxl?.cpuMs ?? NaN),
        ratio(own, c.openpyxlReadOnly?.cpuMs ?? NaN),
        ratio(own, c.unzip?.cpuMs ?? NaN),
      ];
    }),
  );
  if (openpyxlMissing !== null) process.stdout.write(`note: ${openpyxlMissing}\n`);

  printTable(
    `in-process phases of checkFileBytes, wall ms: warm median of ${ctx.runs} (cold = first run in a fresh process, as the CLI pays it)`,
    ['workbook', 'gate', 'xlsx reader', 'checkWorkbook', '(exceljs instead of reader)', 'warm sum', 'cold sum', 'checkFileBytes warm', 'cells', 'CLI − cold sum (≈ start-up)'],
    fixtures.map((f) => {
      const p = phases.get(f);
      if (p === undefined) return [describe(f)];
      const cell = (phase: Phase): string => `${ms(p.warm[phase].median)} (${ms(p.cold[phase])})`;
      const warmSum = sumOf(mapPhases((ph) => p.warm[ph].median));
      const coldSum = sumOf(p.cold);
      return [describe(f), cell('gate'), cell('read'), cell('check'), cell('exceljs'), ms(warmSum), ms(coldSum), ms(p.total.median), p.cells, ms((cli.get(f)?.wall.median ?? NaN) - coldSum)];
    }),
  );

  // linearity. The work scales with the template's rows (every row carries its formulas, filled or not), which equal the
  // entries from 5k up; 1k entries still fill a 3,000-row template. So per-1k costs are given per entry and per template row.
  const books = fixtures.filter((f) => f.kind === 'cashbook');
  const perK = (value: number, rows: number): number => value / (rows / 1000);
  const warmTotal = (f: Fixture): number => phases.get(f)?.total.median ?? NaN;
  const cliCpu = (f: Fixture): number => cli.get(f)?.cpu?.median ?? NaN;
  const startupCpu = startup.cpu?.median ?? NaN;
  const linearity = books.map((f, i) => {
    const prev = i > 0 ? books[i - 1] : undefined;
    const step = prev === undefined ? NaN : (f.templateRows - prev.templateRows) / 1000;
    return {
      entries: f.rows,
      templateRows: f.templateRows,
      cliWallMs: cli.get(f)?.wall.median ?? NaN,
      cliCpuMs: cliCpu(f),
      cliCpuMinusStartupPer1kEntries: perK(cliCpu(f) - startupCpu, f.rows),
      cliCpuMinusStartupPer1kTemplateRows: perK(cliCpu(f) - startupCpu, f.templateRows),
      warmPer1kEntries: perK(warmTotal(f), f.rows),
      warmPer1kTemplateRows: perK(warmTotal(f), f.templateRows),
      marginalWarmPer1kTemplateRows: prev === undefined ? NaN : (warmTotal(f) - warmTotal(prev)) / step,
    };
  });
  printTable(
    'cost per 1,000 rows (ms) — linear when the per-1k figures stay flat as the book grows; 1k entries still fill a 3,000-row template',
    ['entries', 'template rows', 'CLI wall', 'CLI CPU', '(CPU − start-up)/1k entries', '(CPU − start-up)/1k tpl rows', 'warm/1k entries', 'warm/1k tpl rows', 'marginal warm/1k tpl rows'],
    linearity.map((l) => [
      l.entries,
      l.templateRows,
      ms(l.cliWallMs),
      ms(l.cliCpuMs),
      ms(l.cliCpuMinusStartupPer1kEntries),
      ms(l.cliCpuMinusStartupPer1kTemplateRows),
      ms(l.warmPer1kEntries),
      ms(l.warmPer1kTemplateRows),
      ms(l.marginalWarmPer1kTemplateRows),
    ]),
  );

  const goal = books.find((f) => f.rows === GOAL_ENTRIES);
  const small = books.find((f) => f.rows === SMALL_ENTRIES);
  const largest = books[books.length - 1];
  const thousand = books.find((f) => f.rows === 1000);
  const goalMs = goal === undefined ? NaN : (cli.get(goal)?.wall.median ?? NaN);
  const goalCpu = goal === undefined ? NaN : cliCpu(goal);
  const smallCpu = small === undefined ? NaN : cliCpu(small);
  const largestRssMb = (largest === undefined ? NaN : (cli.get(largest)?.maxRssKb.max ?? NaN)) / 1024;
  // Linearity is judged on the CLI runs: each is a fresh process, as a user runs it. The in-process warm repeats share one
  // heap that grows with every repeat, so for the 20k book they also time the garbage collector (warm > cold there).
  const perEntryAt = (f: Fixture | undefined): number => (f === undefined ? NaN : perK(cliCpu(f) - startupCpu, f.rows));
  const growth = perEntryAt(largest) / perEntryAt(thousand);
  const readOnly = goal === undefined ? NaN : (compared.get(goal)?.openpyxlReadOnly?.cpuMs ?? NaN);
  // the application is checked without its two PDFs, so it carries file.attachment_missing; the cash books must be clean
  const clean = books.every((f) => cli.get(f)?.errors === 0 && cli.get(f)?.warnings === 0);
  const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
  const seconds = (cpuMs: number): string => `${(cpuMs / 1000).toFixed(2)} s CPU`;
  const verdicts = [
    `${GOAL_ENTRIES / 1000}k entries: ${seconds(goalCpu)} (${(goalMs / 1000).toFixed(2)} s wall) vs ≤ ${GOAL_CPU_MS / 1000} s goal — ${verdict(goalCpu <= GOAL_CPU_MS)}; openpyxl read-only reads it in ${seconds(readOnly)}`,
    `${SMALL_ENTRIES} entries: ${seconds(smallCpu)} vs ≤ ${SMALL_GOAL_CPU_MS / 1000} s goal — ${verdict(smallCpu <= SMALL_GOAL_CPU_MS)}`,
    `start-up (portfund help): ${seconds(startupCpu)} vs ≤ ${STARTUP_GOAL_CPU_MS / 1000} s goal — ${verdict(startupCpu <= STARTUP_GOAL_CPU_MS)}`,
    `peak RSS at ${(largest?.rows ?? 0).toLocaleString('en-US')} entries: ${largestRssMb.toFixed(0)} MB vs ≤ ${LARGEST_GOAL_RSS_MB} MB goal — ${verdict(largestRssMb <= LARGEST_GOAL_RSS_MB)}`,
    `linearity: CLI CPU (minus start-up) per 1k entries ${linearity.map((l) => ms(l.cliCpuMinusStartupPer1kEntries)).join(' → ')} ms; ${(largest?.rows ?? 0) / 1000}k vs 1k: ${
      Number.isFinite(growth) ? growth.toFixed(2) : '–'
    }× per entry — ${
      growth > 1.25 ? 'NOT linear: the cost per entry grows with the book' : growth < 0.8 ? "NOT proportional to entries: a smaller book still pays for the template's empty rows" : 'linear'
    }`,
    `findings: ${clean ? 'every generated cash book checks clean (0 errors, 0 warnings)' : 'a generated cash book has findings (see the table): the fixture or a rule is wrong'}`,
    `machine: load average ${ctx.loadAtStart} before, ${loadAtEnd} after${ctx.loadAtStart > 1 ? ' — other work was running; wall times are stretched, CPU times less so' : ''}`,
  ];
  process.stdout.write(`\n${verdicts.map((v) => `verdict: ${v}`).join('\n')}\n`);

  const file = await writeResults('check', {
    runs: ctx.runs,
    goal: { entries: GOAL_ENTRIES, cpuMs: GOAL_CPU_MS, measuredWallMs: goalMs, measuredCpuMs: goalCpu, met: goalCpu <= GOAL_CPU_MS },
    peers: fixtures.filter((f) => compared.has(f)).map((f) => ({ label: f.label, ...compared.get(f) })),
    measuredWith: gnuTime ? 'gnu-time' : 'resourceUsage',
    load: { atStart: ctx.loadAtStart, atEnd: loadAtEnd },
    startup,
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
  description: '`portfund check` on 20 / 1k / 5k / 20k-entry cash books and a 2,000-member application, beside openpyxl and unzip',
  run,
};
