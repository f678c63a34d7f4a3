// Whether a bundle built by ingest-server/build.mjs is newer than every source it was built from. Used by bin/portfund.js
// (the CLI) and by the upload check pool (its worker thread), which run the bundle when it is fresh, else the TypeScript.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['shared-rules/src', 'templates/src', 'ingest-server/src'].map((d) => join(ROOT, d));

/** The newest modification time under a folder (a few hundred files: milliseconds). */
const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};

/** True when the bundle exists and no source file is newer. */
const isBundleFresh = (bundle) => {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return SOURCES.every((dir) => !existsSync(dir) || newest(dir) <= built);
};

module.exports = { isBundleFresh };
