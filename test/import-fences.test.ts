// The lint fences, run on source text as ESLint sees it with the repository's config: the add-in and the console never
// import ingest-server/src (by package name or any relative path), services never import http/.
// ESLint loads its config (an ES module) with import(), which jest's sandbox refuses: every case is linted at once by
// ESLint in a Node process of its own, before the tests compare.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

type Case = readonly [file: string, source: string];

const cases: Case[] = [];
let problems = new Map<string, number>();
const keyOf = ([file, source]: Case): string => `${file}\n${source}`;

/** The cases of a table, remembered for the one ESLint run. */
const table = <T extends Case>(rows: readonly T[]): readonly T[] => {
  cases.push(...rows);
  return rows;
};

// for each [file, source]: how many no-restricted-imports problems `import { x } from source` gets in a file at that path
const LINT = `
const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const counts = [];
  for (const [filePath, source] of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText(\`import { x } from '\${source}';\\nexport const y = x;\\n\`, { filePath });
    counts.push((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length);
  }
  process.stdout.write(JSON.stringify(counts));
})();
`;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', LINT, JSON.stringify(cases)], { cwd: join(__dirname, '..') });
  const counts = JSON.parse(stdout) as number[];
  problems = new Map(cases.map((c, i) => [keyOf(c), counts[i] ?? NaN]));
}, 60_000);

const fenced = (file: string, source: string): number | undefined => problems.get(keyOf([file, source]));

describe('the add-in never imports the server', () => {
  it.each(table([
    ['addin/src/ui/labels.ts', '../../../ingest-server/src/services/review/state-machine'],
    ['addin/src/api/server.ts', '../../../ingest-server/src/models/filing'],
    ['addin/src/main.tsx', '../../ingest-server/src/http/errors'],
    ['addin/src/ui/labels.ts', '@portfund/ingest-server/src/api/registry'],
    ['addin/src/ui/labels.ts', '@portfund/ingest-server'],
  ]))('%s: %s is refused', (file, source) => expect(fenced(file, source)).toBe(1));

  it.each(table([
    ['addin/src/ui/labels.ts', '@portfund/api-contract'],
    ['addin/src/ui/labels.ts', '../check/run-check'],
    ['addin/src/ui/labels.ts', '@portfund/shared-rules'],
  ]))('%s: %s passes', (file, source) => expect(fenced(file, source)).toBe(0));
});

describe('the console never imports the server', () => {
  it.each(table([
    ['ingest-server/console/src/labels.ts', '../../src/services/review/state-machine'],
    ['ingest-server/console/src/types.ts', '../../src/models/filing'],
    ['ingest-server/console/src/pages/ReportsPage.tsx', '../../../src/services/reports/quarters'],
    ['ingest-server/console/src/pages/ReportsPage.tsx', '../../../ingest-server/src/api/registry'],
    ['ingest-server/console/src/App.tsx', '../..'],
    ['ingest-server/console/src/App.tsx', '@portfund/ingest-server/src/models/user'],
  ]))('%s: %s is refused', (file, source) => expect(fenced(file, source)).toBe(1));

  it.each(table([
    ['ingest-server/console/src/pages/ReportsPage.tsx', '@portfund/api-contract'],
    ['ingest-server/console/src/pages/ReportsPage.tsx', '../labels'],
    ['ingest-server/console/src/App.tsx', './api'],
  ]))('%s: %s passes', (file, source) => expect(fenced(file, source)).toBe(0));
});

describe('services never import http/', () => {
  it.each(table([
    ['ingest-server/src/services/users.ts', '../http/errors'],
    ['ingest-server/src/services/registry/scope.ts', '../../http/errors'],
    ['ingest-server/src/services/reconcile/testing/harness.ts', '../../../http/refusals'],
    ['ingest-server/src/services/users.ts', '@portfund/ingest-server/src/http/auth'],
  ]))('%s: %s is refused', (file, source) => expect(fenced(file, source)).toBe(1));

  it.each(table([
    ['ingest-server/src/services/users.ts', './result'],
    ['ingest-server/src/services/registry/scope.ts', '../../models/user'],
    ['ingest-server/src/routes/admin.ts', '../http/errors'],
  ]))('%s: %s passes', (file, source) => expect(fenced(file, source)).toBe(0));
});
