// The slowest test files of a jest run: `npm test -- --json --outputFile=run.json`, then
// `npx tsx bench/test-durations.ts run.json [count]`. Prints each file's seconds (start to end, as jest timed it), the part
// spent outside its tests (beforeAll/afterAll, module loading), its test count, and the run's totals.
// With --write it also stores every file's seconds in test/support/test-durations.json, the order in which a run
// without jest's cache (a fresh clone) starts the files: longest first (test/support/duration-sequencer.js).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relative } from 'node:path';
import { formatTable } from './lib/table';
import { REPO_DIR } from './lib/results';

interface JestRun {
  readonly startTime: number;
  readonly numTotalTests: number;
  readonly numTotalTestSuites: number;
  readonly testResults: readonly {
    readonly name: string;
    readonly startTime: number;
    readonly endTime: number;
    readonly assertionResults: readonly { readonly duration?: number | null }[];
  }[];
}

const write = process.argv.includes('--write');
const [file, countArg] = process.argv.slice(2).filter((a) => a !== '--write');
if (file === undefined) {
  process.stderr.write('usage: npx tsx bench/test-durations.ts run.json [count]\n');
  process.exit(2);
}
const run = JSON.parse(readFileSync(file, 'utf8')) as JestRun;
const files = run.testResults
  .map((t) => {
    const seconds = (t.endTime - t.startTime) / 1000;
    const inTests = t.assertionResults.reduce((sum, a) => sum + (a.duration ?? 0), 0) / 1000;
    return { name: relative(REPO_DIR, t.name), seconds, outside: seconds - inTests, tests: t.assertionResults.length };
  })
  .sort((a, b) => b.seconds - a.seconds);
const wall = (Math.max(...run.testResults.map((t) => t.endTime)) - run.startTime) / 1000;
const sum = files.reduce((s, f) => s + f.seconds, 0);
process.stdout.write(`${run.numTotalTestSuites} files, ${run.numTotalTests} tests, ${wall.toFixed(0)} s wall, ${sum.toFixed(0)} s summed over files\n\n`);
process.stdout.write(
  `${formatTable(
    ['s', 'outside tests s', 'tests', 'file'],
    files.slice(0, Number(countArg ?? 20)).map((f) => [f.seconds.toFixed(1), f.outside.toFixed(1), f.tests, f.name]),
  )}\n`,
);
// the run's files on two workers, each taking the next file when it is free, in two orders: the end of the last file is
// what the order alone costs or saves (jest on a fresh clone starts the biggest files by bytes; the sequencer the longest)
const makespan = (order: readonly { seconds: number }[]): number => {
  const free = [0, 0];
  for (const f of order) {
    const worker = (free[0] ?? 0) <= (free[1] ?? 0) ? 0 : 1;
    free[worker] = (free[worker] ?? 0) + f.seconds;
  }
  return Math.max(...free);
};
const bySize = [...files].sort((a, b) => statSync(join(REPO_DIR, b.name)).size - statSync(join(REPO_DIR, a.name)).size);
process.stdout.write(
  `\ntwo workers, these durations: ${makespan(files).toFixed(0)} s longest first, ${makespan(bySize).toFixed(0)} s biggest file first (jest without timings); ` +
    `${(sum / 2).toFixed(0)} s if both finished together\n`,
);
if (write) {
  const durations = Object.fromEntries(
    [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => [f.name.split('\\').join('/'), Math.round(f.seconds * 10) / 10]),
  );
  const target = join(REPO_DIR, 'test', 'support', 'test-durations.json');
  writeFileSync(target, `${JSON.stringify(durations, null, 2)}\n`);
  process.stdout.write(`\nwrote ${Object.keys(durations).length} durations to ${relative(REPO_DIR, target)}\n`);
}
