#!/usr/bin/env node
// The `portfund` command: the bundled CLI when it is up to date (fast start), else the TypeScript sources through tsx.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const bundle = join(__dirname, '..', 'dist', 'portfund.cjs');
const SOURCES = ['shared-rules/src', 'templates/src', 'ingest-server/src'].map((d) => join(root, d));

/** The newest modification time under a folder (a few hundred files: milliseconds). */
const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};

const fresh = () => {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return SOURCES.every((dir) => !existsSync(dir) || newest(dir) <= built);
};

if (fresh()) {
  require(bundle);
} else {
  // the sources through tsx's own command (it handles the CLI's lazy import() of each command)
  const { spawnSync } = require('node:child_process');
  const tsx = require.resolve('tsx/cli');
  const run = spawnSync(process.execPath, [tsx, join(__dirname, '..', 'src', 'cli', 'portfund.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
