#!/usr/bin/env node
// The `portfund` command: runs the TypeScript CLI through tsx's loader (no build step needed after `npm ci`).
require('tsx/cjs/api').register();
require('../src/cli/portfund.ts');
