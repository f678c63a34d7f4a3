// CPU milliseconds to write a filled template (issue 11): writeTemplate (the blank written through exceljs once, then
// filled at the XML level: templates/src/fill-xml.ts) against writeTemplateWithExcelJS (every template through exceljs,
// as before), on the cash-book and application fixtures of the workbook table. `npm run bench -- templates [--runs N]`.
import { type WorkbookKind } from '@portfund/shared-rules';
import { type TemplateOptions, writeTemplate } from '@portfund/templates';
import { writeTemplateWithExcelJS } from '../templates/src/generate';
import { fixtureFill, WORKBOOK_FIXTURES } from '../test/fixtures/workbook-fixtures';
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const fixturesOf = (kind: WorkbookKind): TemplateOptions[] =>
  WORKBOOK_FIXTURES.filter((f) => f.kind === kind && f.bytes === undefined && f.version === undefined).map((f) => ({
    fill: fixtureFill(f),
    ...(f.cells !== undefined ? { cells: f.cells } : {}),
  }));

/** Median CPU ms per template over `runs` passes of every fixture (after one untimed pass). */
const measure = async (kind: WorkbookKind, write: (kind: WorkbookKind, opts: TemplateOptions) => Promise<Buffer>, runs: number): Promise<number> => {
  const fixtures = fixturesOf(kind);
  const perPass: number[] = [];
  for (let pass = 0; pass <= runs; pass++) {
    const start = cpuMs();
    for (const opts of fixtures) await write(kind, opts);
    if (pass > 0) perPass.push((cpuMs() - start) / fixtures.length);
  }
  return perPass.sort((a, b) => a - b)[Math.floor(perPass.length / 2)] ?? 0;
};

export const benchmark: Benchmark = {
  name: 'templates',
  description: 'CPU per filled template: filled at the XML level vs written through exceljs',
  async run(ctx: BenchContext) {
    const runs = Math.max(1, Math.min(ctx.runs, 3));
    const rows: (string | number)[][] = [];
    const results: Record<string, unknown>[] = [];
    for (const kind of ['cashbook', 'application'] as const) {
      ctx.log(`${kind}: ${fixturesOf(kind).length} fixtures × ${runs} passes each way`);
      const xml = await measure(kind, writeTemplate, runs);
      const exceljs = await measure(kind, writeTemplateWithExcelJS, runs);
      rows.push([kind, fixturesOf(kind).length, exceljs.toFixed(0), xml.toFixed(0), (exceljs / xml).toFixed(1)]);
      results.push({ kind, fixtures: fixturesOf(kind).length, exceljsMs: exceljs, xmlMs: xml });
    }
    printTable(`CPU ms per filled template (median of ${runs} passes, load ${ctx.loadAtStart.toFixed(1)} at start)`, ['kind', 'fixtures', 'exceljs', 'XML fill', '×'], rows);
    ctx.log(`results: ${await writeResults('templates', { runs, results })}`);
  },
};
