#!/usr/bin/env node
// The `portfund` command: the bundled CLI when it is up to date (fast start), else the TypeScript sources through tsx.
// Up to date: newer than every source, or — in a built tree copied without its file times — matching the build stamp.
const { join } = require('node:path');
const { isBundleFresh } = require('./bundle-freshness');
const { buildState } = require('./build-stamp');

const bundle = join(__dirname, '..', 'dist', 'portfund.cjs');

if (isBundleFresh(bundle) || buildState('server') === 'fresh') {
  require(bundle);
} else {
  // the sources through tsx's own command (it handles the CLI's lazy import() of each command)
  const { spawnSync } = require('node:child_process');
  const tsx = require.resolve('tsx/cli');
  const run = spawnSync(process.execPath, [tsx, join(__dirname, '..', 'src', 'cli', 'portfund.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
