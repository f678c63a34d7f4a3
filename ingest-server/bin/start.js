#!/usr/bin/env node
// `npm start`: builds what is missing or stale (bin/ensure-build.js), then runs the built server — node on
// dist/server.cjs, no TypeScript compiler and no dev dependency at run time.
const { ensureBuilt } = require('./ensure-build');

if (!ensureBuilt()) process.exit(1);
// stack traces in the TypeScript sources' files and lines (dist/server.cjs.map)
process.setSourceMapsEnabled(true);
require('../dist/server.cjs');
