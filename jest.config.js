// One jest run over every workspace; each package is a project so they can be run alone (--selectProjects).
// Sucrase strips TypeScript and JSX and turns imports into require (pure JavaScript: no platform binaries to install).
//
// PORTFUND_TESTS picks a subset (README, "Tests"):
//   unset     every test (npm test)
//   database  the files that open a database — a test server or a database of their own (npm run test:db, run against
//             TEST_DATABASE_URL by CI: the PostgreSQL pass repeats only what depends on the database engine), except
//             the UI tests in Chromium: they reach the server only through routes and queries the API tests also ask
//             for, on both engines (every route and query string recorded per file: bench/test-suite.md, 2026-12-07)
//   quick     the pure tests of rules, templates and workbook readers (npm run test:quick): no database, browser,
//             LibreOffice, CLI process or check worker
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const transform = {
  // the plugin picks the transforms per file extension (TypeScript, JSX, imports, jest.mock hoisting)
  '^.+\\.(t|j)sx?$': ['@sucrase/jest-plugin', { jsxRuntime: 'automatic', production: true }],
  // PGlite's CommonJS build: its import() of Node's modules as require() (test/support/node-require-transform.js)
  '^.+/@electric-sql/pglite/dist/.+\\.cjs$': join(__dirname, 'test', 'support', 'node-require-transform.js'),
};

const TEST_FILE = /\.test\.tsx?$/;
const testFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? testFiles(path) : TEST_FILE.test(entry.name) ? [path] : [];
  });

// a test opens a database only through these two (ingest-server/src/testing/test-server.ts, db/connection.ts)
const OPENS_DATABASE = /\b(startTestServer|createDb)\(/;
// what makes a test slow or not pure: a database, a browser, LibreOffice, the CLI as a process, the check worker pool
const NOT_QUICK = /\b(startTestServer|createDb|launchChromium|convertWithLibreOffice|runPortfund|insertRow|CheckPool)\b|'soffice'/;
const QUICK_FOLDERS = ['shared-rules/', 'templates/src/', 'ingest-server/src/workbook/', 'ingest-server/src/tables/'];
// the console's and the task pane's tests in Chromium (a UI test that also asserts API behaviour belongs elsewhere)
const UI_FOLDERS = ['ingest-server/console/', 'addin/test/ui/'];
const inFolder = (file, folders) => folders.some((folder) => relative(__dirname, file).startsWith(folder));

// a file that needs a real PostgreSQL (several server processes on one database: test/two-instances.test.ts) says so in
// its source; without TEST_DATABASE_URL it is left out of every run rather than skipped
const POSTGRESQL_ONLY = '@portfund-postgresql-only';
const needsPostgresql = (file) => process.env.TEST_DATABASE_URL === undefined && readFileSync(file, 'utf8').includes(POSTGRESQL_ONLY);

const subset = process.env.PORTFUND_TESTS ?? '';
if (!['', 'database', 'quick'].includes(subset)) throw new Error(`PORTFUND_TESTS must be database or quick, not ${subset}`);

const selected = (file) => {
  if (subset === '') return true;
  const source = readFileSync(file, 'utf8');
  if (subset === 'database') return OPENS_DATABASE.test(source) && !inFolder(file, UI_FOLDERS);
  return inFolder(file, QUICK_FOLDERS) && !NOT_QUICK.test(source);
};

const project = (name, root, extra = {}) => {
  const dir = join(__dirname, root);
  const all = testFiles(dir);
  const files = all.filter(selected).filter((f) => !needsPostgresql(f));
  const left = all.filter(needsPostgresql);
  return {
    displayName: name,
    roots: [dir],
    testEnvironment: 'node',
    transform,
    // node_modules are not transformed, but for PGlite's CommonJS build (above)
    transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/dist/)'],
    // the whole suite matches by pattern; a subset lists its files (a project with none matches nothing)
    ...(subset === '' ? { testMatch: ['**/*.test.ts', '**/*.test.tsx'] } : { testMatch: undefined, testRegex: files.length === 0 ? ['^$'] : files.map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    ...(left.length > 0 ? { testPathIgnorePatterns: ['/node_modules/', ...left.map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)] } : {}),
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    ...extra,
  };
};

module.exports = {
  testTimeout: 60000,
  // the run's shared folder, fixtures and the migrated PGlite database made once and reused by every file, and the
  // bundles the tests drive, built once before any file runs (test/support/)
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // two cores: jest's default (cores − 1) runs one file at a time, while most files wait on a worker thread, a database,
  // LibreOffice or Chromium half the time
  maxWorkers: 2,
  // each test file's modules are a realm of their own, and part of every realm outlives its file (~35–60 MB a server
  // file): a worker's heap grew to 2–4 GB over a run, every full collection walked all of it, and promise hooks slowed
  // with every file's AsyncLocalStorage. A worker whose heap is over this after a file is replaced by a fresh process.
  // 600 MB was best with a 64 MB young generation; with 128 MB (package.json's --max-semi-space-size) and modules compiled
  // once per worker (no --experimental-vm-modules), 900 MB: 382 → 362 s for npm test (bench/test-suite.md, 2026-12-08).
  workerIdleMemoryLimit: '900MB',
  // longest files first, also on a fresh clone where jest has no timings of its own (test/support/test-durations.json)
  testSequencer: '<rootDir>/test/support/duration-sequencer.js',
  projects: [
    project('shared-rules', 'shared-rules'),
    project('api-contract', 'api-contract'),
    project('templates', 'templates'),
    project('ingest-server', 'ingest-server'),
    project('addin', 'addin'),
    project('e2e', 'test'),
  ],
};
