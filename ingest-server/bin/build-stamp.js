// Whether a build (`npm run build`) is up to date, by content: each build script writes a stamp — a SHA-256 of every source
// file it was built from (path and bytes), of the lock file and of the environment variables it reads — and `npm start`
// rebuilds only a build whose stamp no longer matches. Content, not modification times: a built tree copied without
// its times (cp -r, an artifact store) stays fresh, and a touched but unchanged file rebuilds nothing.
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const TEST_FILE = /\.test\.tsx?$/;

/** The two builds `npm start` needs: what each is made from and where its stamp lives (paths from the repository root). */
const BUILDS = {
  server: {
    script: 'ingest-server/build.mjs',
    stamp: 'ingest-server/dist/build-stamp.json',
    inputs: ['shared-rules/src', 'api-contract/src', 'templates/src', 'ingest-server/src', 'ingest-server/console', 'ingest-server/bin', 'ingest-server/build', 'ingest-server/build.mjs', 'package-lock.json'],
    env: [],
  },
  addin: {
    script: 'addin/build.mjs',
    stamp: 'addin/dist/build-stamp.json',
    inputs: ['shared-rules/src', 'api-contract/src', 'addin/src', 'addin/assets', 'addin/scripts', 'addin/build.mjs', 'manifest.xml', 'package-lock.json'],
    // the manifest is written for PORTFUND_PUBLIC_URL; boot.js defaults to PORTFUND_OFFICE_JS
    env: ['PORTFUND_PUBLIC_URL', 'PORTFUND_OFFICE_JS'],
  },
};

/** Every file under the inputs (tests excluded), as sorted root-relative paths with forward slashes. */
const inputFiles = (inputs) => {
  const files = [];
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (!statSync(path).isDirectory()) {
      if (!TEST_FILE.test(path)) files.push(relative(ROOT, path).split(sep).join('/'));
      return;
    }
    for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  for (const input of inputs) walk(join(ROOT, input));
  return files.sort();
};

/** The build's stamp as it would be written now: the sources' hash and the environment it reads. */
const currentStamp = (name) => {
  const build = BUILDS[name];
  const hash = createHash('sha256');
  for (const file of inputFiles(build.inputs)) {
    const bytes = readFileSync(join(ROOT, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return { sources: hash.digest('hex'), env: Object.fromEntries(build.env.map((name) => [name, process.env[name] ?? ''])) };
};

const readStamp = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, BUILDS[name].stamp), 'utf8'));
  } catch {
    return null;
  }
};

/**
 * 'fresh', or why the build must run again: 'missing' (never built), 'sources' (a source, the lock file or the build
 * script changed), 'env' (built for other values of the environment variables it reads).
 */
const buildState = (name) => {
  const stamp = readStamp(name);
  if (stamp === null) return 'missing';
  const now = currentStamp(name);
  if (stamp.sources !== now.sources) return 'sources';
  return JSON.stringify(stamp.env) === JSON.stringify(now.env) ? 'fresh' : 'env';
};

/** Called by a build script: the stamp of the sources as they were when the build started (take it before building). */
const writeStamp = (name, stamp) => writeFileSync(join(ROOT, BUILDS[name].stamp), `${JSON.stringify(stamp, null, 2)}\n`);

module.exports = { BUILDS, ROOT, buildState, currentStamp, writeStamp };
