// The slowest test files of a jest run: `npm test -- --json --outputFile=run.json`, then
// `npx tsx bench/test-durations.ts run.json [count]`. Prints each file's seconds (start to end, as jest timed it), the part
// spent outside its tests (beforeAll/afterAll, module loading), its test count, and the run's totals.
import { readFileSync } from 'node:fs';
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

const [file, countArg] = process.argv.slice(2);
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
