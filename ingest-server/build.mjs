#!/usr/bin/env node
// Bundles the portfund CLI into dist/portfund.cjs so each call starts without compiling TypeScript (bin/portfund.js
// falls back to tsx when the bundle is missing or older than the sources). npm packages stay external.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

// our workspace packages are TypeScript sources: bundle them; every other package is loaded from node_modules
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@portfund/') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: [join(ROOT, 'src', 'cli', 'portfund.ts')],
  outfile: join(ROOT, 'dist', 'portfund.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [externalPackages],
  logLevel: 'warning',
  legalComments: 'none',
});
console.log('portfund CLI bundled into ingest-server/dist/portfund.cjs');

// the upload check worker (a worker thread of the server): started from the bundle it loads in milliseconds instead of
// compiling the rules' TypeScript at every start (check-pool.ts falls back to tsx when the bundle is stale)
await build({
  entryPoints: [join(ROOT, 'src', 'workbook', 'check', 'check-worker.ts')],
  outfile: join(ROOT, 'dist', 'check-worker.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [externalPackages],
  logLevel: 'warning',
  legalComments: 'none',
});
console.log('upload check worker bundled into ingest-server/dist/check-worker.cjs');

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
