#!/usr/bin/env node
// Bundles the portfund CLI into dist/portfund.cjs so each call starts without compiling TypeScript (bin/portfund.js
// falls back to tsx when the bundle is missing or older than the sources). npm packages stay external.
import { build } from 'esbuild';
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
