// Issue 18 part 2: the Excel add-in re-checks a 5,000-entry cash book after a one-cell edit — in headless Chromium over the
// fake Excel host, with the pane's own check session. The fake host refuses a response over 5 MB as Excel on the web does, so
// each read reports its context.sync() calls as they would be there (refused ones included) and the largest response
// (the JSON of the loaded properties), and per edit the rule time (median of --runs). `npm run bench -- addin-recheck`
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { parseSheetReference, type SnapshotCell, startIncrementalCheck, type WorkbookSnapshot } from '@portfund/shared-rules';
import { snapshotCell } from '../addin/src/office/values';
import { officeModelFromXlsx } from '../addin/test/office-model/from-xlsx';
import { type OfficeWorkbookModel } from '../addin/test/office-model/model';
import { startStaticServer } from '../addin/test/ui/static-server';
import { launchChromium } from '../ingest-server/src/testing/chromium';
import { type Benchmark } from './lib/benchmark';
import { type CheckSample } from './lib/addin-recheck-page';
import { makeCashbook } from './lib/fixtures';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';
import { median } from './lib/timing';

const ENTRIES = Number(process.env.BENCH_RECHECK_ENTRIES ?? 5000);
const LEDGER = '現金收支登記簿';
const FIRST_ROW = 14;
const WEB_LIMIT = 5 * 1024 * 1024;

/** One kind of edit: the cell and two values it alternates between, so every run changes the cell. */
interface Edit {
  readonly label: string;
  readonly cell: string;
  readonly values: readonly [string | number, string | number];
}

/** The snapshot the add-in reads from the model (what the fake host answers), for the CPU measurement in this process. */
const snapshotOf = (model: OfficeWorkbookModel): WorkbookSnapshot => {
  const names = new Map<string, { sheet: string; ref: string }>();
  for (const n of model.names) {
    const target = n.type === 'Range' ? parseSheetReference(n.value) : null;
    if (target !== null) names.set(n.name, target);
  }
  const sheets = model.sheets.map((s) => {
    const cells = new Map<string, SnapshotCell>();
    for (const [a1, c] of Object.entries(s.cells)) {
      const cell = snapshotCell(c.value, c.formula ?? c.value, c.numberFormat, c.valueType);
      if (cell !== null) cells.set(a1, cell);
    }
    return { name: s.name, cells };
  });
  return { sheets, names };
};

/** CPU milliseconds (user + system) of one call, in this process: load-independent, unlike wall time on a busy machine. */
const cpuMs = (work: () => void): number => {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (n: number): string => n.toFixed(1);

export const benchmark: Benchmark = {
  name: 'addin-recheck',
  description: `add-in re-check after one edit in a ${ENTRIES.toLocaleString('en-US')}-entry cash book (headless Chromium, fake Excel host)`,
  async run(ctx) {
    ctx.log(`generating a ${ENTRIES}-entry cash book`);
    const book = await makeCashbook(ctx.tmpDir, ENTRIES);
    const fileName = basename(book.path);
    const model = await officeModelFromXlsx(book.bytes, fileName);
    const bundle = async (entry: string) =>
      (await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2020', minify: true })).outputFiles[0]?.text ?? '';
    const fakeHost = await bundle(join(ctx.repoDir, 'addin', 'test', 'fake-host', 'fake-office.ts'));
    const page = await bundle(join(ctx.repoDir, 'bench', 'lib', 'addin-recheck-page.ts'));
    const server = await startStaticServer(
      ctx.tmpDir,
      new Map([
        ['/', { type: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>addin-recheck</title>' }],
        ['/fake/workbook.json', { type: 'application/json', body: JSON.stringify(model) }],
      ]),
    );
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.addInitScript({ content: `window.__FAKE_COUNT_BYTES__ = true;\nwindow.__FAKE_PAYLOAD_LIMIT__ = ${WEB_LIMIT};\n${fakeHost}` });
      await tab.goto(`${server.url}/`);
      await tab.addScriptTag({ content: page });
      const check = () => tab.evaluate((name) => (window as unknown as { __bench: { check(n: string): Promise<CheckSample> } }).__bench.check(name), fileName);
      const edit = (cell: string, value: string | number) =>
        tab.evaluate(
          ([sheet, at, v]) => (window as unknown as { __bench: { edit(s: string, a: string, v: string | number): Promise<void> } }).__bench.edit(sheet, at, v),
          [LEDGER, cell, value] as const,
        );

      ctx.log('reading and checking the whole workbook');
      const open = await check();
      const byHand: CheckSample[] = [];
      for (let i = 0; i < ctx.runs; i += 1) byHand.push(await check());
      const reads = [
        { label: 'open: whole workbook, with formulas', sample: open },
        { label: 're-check by hand: values only (formulas known)', sample: byHand[byHand.length - 1] ?? open },
      ];
      const last = FIRST_ROW + ENTRIES - 1;
      const middle = FIRST_ROW + Math.floor(ENTRIES / 2);
      const edits: Edit[] = [
        { label: `金額 of the first entry (row ${FIRST_ROW}: every balance below moves)`, cell: `I${FIRST_ROW}`, values: [100500, 100000] },
        { label: `金額 of the middle entry (row ${middle})`, cell: `I${middle}`, values: [999, 1000] },
        { label: `金額 of the last entry (row ${last})`, cell: `I${last}`, values: [999, 1000] },
        { label: `傳票序號 of the middle entry (text: no balance moves)`, cell: `D${middle}`, values: ['A1', String(middle - FIRST_ROW + 1)] },
        { label: '年度 in the header (checked in full)', cell: 'C4', values: ['114', '115'] },
      ];
      const results = [];
      for (const e of edits) {
        ctx.log(`editing ${e.cell}`);
        const samples: CheckSample[] = [];
        // one untimed warm-up, then runs; the last edit of each pair restores the cell
        for (let i = 0; i < ctx.runs * 2 + 2; i += 1) {
          await edit(e.cell, e.values[i % 2] ?? '');
          const s = await check();
          if (i >= 2) samples.push(s);
        }
        results.push({ ...e, samples });
      }
      const byHandRule = median(byHand.map((s) => s.ruleMs));

      ctx.log('the same edits in this process, CPU time');
      const fileOptions = { fileName };
      const snapshot = snapshotOf(model);
      const fullCpu: number[] = [];
      let inc = startIncrementalCheck(snapshot, fileOptions);
      for (let i = 0; i < ctx.runs; i += 1) fullCpu.push(cpuMs(() => (inc = startIncrementalCheck(snapshot, fileOptions))));
      const cpu = edits.map((e) => {
        const samples: number[] = [];
        for (let i = 0; i < ctx.runs * 2 + 2; i += 1) {
          const value = e.values[i % 2] ?? '';
          const t = cpuMs(() => inc.update([{ sheet: LEDGER, cell: e.cell, value: { v: value } }]));
          if (i >= 2) samples.push(t);
        }
        return { label: e.label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
      });

      printTable(
        `Reads of the ${ENTRIES.toLocaleString('en-US')}-entry cash book (Excel on the web refuses a response over 5 MB)`,
        ['read', 'context.sync() calls', 'of them refused (over 5 MB)', 'largest response', 'all responses', 'rule ms'],
        reads.map(({ label, sample }) => [label, sample.syncs, sample.refused, mb(sample.largestBytes), mb(sample.totalBytes), ms(sample.ruleMs)]),
      );
      printTable(
        `Re-check after one edit: median of ${ctx.runs} (the whole check, as before this change, took ${ms(byHandRule)} ms of rules)`,
        ['edit', 'read', 'check', 'context.sync() calls', 'bytes read', 'rule ms (median)', 'min–max', 'read + rules ms'],
        results.map(({ label, samples }) => [
          label,
          samples[0]?.read ?? '',
          samples[0]?.mode ?? '',
          [...new Set(samples.map((s) => s.syncs))].join('/'),
          (samples[0]?.totalBytes ?? 0).toLocaleString('en-US'),
          ms(median(samples.map((s) => s.ruleMs))),
          `${ms(Math.min(...samples.map((s) => s.ruleMs)))}–${ms(Math.max(...samples.map((s) => s.ruleMs)))}`,
          ms(median(samples.map((s) => s.totalMs))),
        ]),
      );
      printTable(
        `The same re-checks in Node, CPU ms (median of ${ctx.runs}; the whole check: ${ms(median(fullCpu))} ms)`,
        ['edit', 'CPU ms (median)', 'min–max'],
        cpu.map((c) => [c.label, ms(c.median), `${ms(c.min)}–${ms(c.max)}`]),
      );
      const file = await writeResults('addin-recheck', { entries: ENTRIES, reads, byHandRuleMs: byHandRule, edits: results, nodeCpu: { fullMs: median(fullCpu), edits: cpu } });
      ctx.log(`results in ${file}`);
      await tab.close();
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
