#!/usr/bin/env node
// The `portfund` command: the bundled CLI when it is up to date (fast start), else the TypeScript sources through tsx.
const { join } = require('node:path');
const { isBundleFresh } = require('./bundle-freshness');

const bundle = join(__dirname, '..', 'dist', 'portfund.cjs');

if (isBundleFresh(bundle)) {
  require(bundle);
} else {
  // the sources through tsx's own command (it handles the CLI's lazy import() of each command)
  const { spawnSync } = require('node:child_process');
  const tsx = require.resolve('tsx/cli');
  const run = spawnSync(process.execPath, [tsx, join(__dirname, '..', 'src', 'cli', 'portfund.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
