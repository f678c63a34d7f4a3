#!/usr/bin/env node
// Builds what the ingest server runs, into dist/: the server (server.cjs, run by `npm start`), its check worker, the portfund
// CLI (portfund.cjs, so each call starts without compiling TypeScript; bin/portfund.js falls back to tsx when the bundle
// is missing or older than the sources) and the web console. npm packages stay external (node_modules). Last, the build
// stamp (bin/build-stamp.js) that tells `npm start` this build matches its sources.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import buildStamp from './bin/build-stamp.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
// the sources as they are now, before anything is built from them (a file saved during the build makes the next start rebuild)
const stamp = buildStamp.currentStamp('server');

// our workspace packages are TypeScript sources: bundle them; every other package is loaded from node_modules
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@portfund/') ? undefined : { path: args.path, external: true }));
  },
};

// shared-rules' phone and pure SHA-256 packages, loaded on first use instead of at start-up (build/lazy-packages.cjs)
const LAZY = /^(libphonenumber-js\/max|@noble\/hashes\/(sha256|utils))$/;
const LAZY_SHIM = join(ROOT, 'build', 'lazy-packages.cjs');
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) => (args.importer === LAZY_SHIM ? undefined : { path: LAZY_SHIM }));
  },
};

/**
 * The fingerprint of every template version of both kinds at the default sizes, worked out from these sources now, so
 * a check of a usual workbook never renders the ~18,000 formulas of a cash book just to hash them (check-file.ts).
 */
const knownFingerprints = async () => {
  const script = `
    const { buildDefinition, fingerprint, fingerprintKey, TEMPLATE_VERSIONS } = require('@portfund/shared-rules');
    const out = {};
    for (const kind of ['application', 'cashbook'])
      for (const { version } of TEMPLATE_VERSIONS) {
        const def = buildDefinition(kind, version);
        out[fingerprintKey(def)] = fingerprint(def);
      }
    module.exports = out;`;
  const built = await build({
    stdin: { contents: script, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    plugins: [externalPackages],
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(join(ROOT, 'build.mjs')));
  return module.exports;
};
const KNOWN_FINGERPRINTS = JSON.stringify(await knownFingerprints());

/** One node bundle of our sources (packages stay external), loaded in milliseconds instead of compiled by tsx at start. */
const bundle = (entry, outfile, options = {}) =>
  build({
    entryPoints: [join(ROOT, 'src', ...entry)],
    outfile: join(ROOT, 'dist', outfile),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [lazyPackages, externalPackages],
    logLevel: 'warning',
    legalComments: 'none',
    ...options,
    define: { PORTFUND_KNOWN_FINGERPRINTS: KNOWN_FINGERPRINTS },
  });

await bundle(['cli', 'portfund.ts'], 'portfund.cjs');
console.log('portfund CLI bundled into ingest-server/dist/portfund.cjs');

// the upload check worker (a worker thread of the server; it also writes reviewers' clean copies): check-pool.ts falls
// back to tsx when the bundle is stale
await bundle(['workbook', 'check', 'check-worker.ts'], 'check-worker.cjs');
console.log('upload check worker bundled into ingest-server/dist/check-worker.cjs');

// the server itself (src/main.ts): `npm start` runs it with node, no TypeScript compiler at run time; the source map gives
// stack traces in the sources' lines (bin/start.js turns source maps on)
await bundle(['main.ts'], 'server.cjs', { sourcemap: 'linked' });
console.log('server bundled into ingest-server/dist/server.cjs');

// the web console (local governments, the ministry, registry staff): a browser bundle served at / by the server
const CONSOLE = join(ROOT, 'console');
const CONSOLE_DIST = join(ROOT, 'dist', 'console');
mkdirSync(CONSOLE_DIST, { recursive: true });
await build({
  entryPoints: [join(CONSOLE, 'src', 'main.tsx')],
  outfile: join(CONSOLE_DIST, 'console.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2020', 'chrome90', 'edge90', 'safari15', 'firefox90'],
  jsx: 'automatic',
  charset: 'utf8',
  minify: true,
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
for (const file of ['index.html', 'console.css']) copyFileSync(join(CONSOLE, file), join(CONSOLE_DIST, file));
console.log('web console bundled into ingest-server/dist/console');

buildStamp.writeStamp('server', stamp);
