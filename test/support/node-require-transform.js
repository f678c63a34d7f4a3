// PGlite's CommonJS build loads Node's own modules with import("fs"), import("zlib")…: in jest's sandbox that needs
// node --experimental-vm-modules, and with that flag jest gives every module it compiles a dynamic-import callback,
// which keeps V8 from reusing a module compiled by an earlier test file in the same worker. This turns those
// import("name") calls into require("name") (the same built-in modules, resolved the same way) so the suite runs
// without the flag (measured: bench/test-suite.md, 2026-12-08).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

const OWN_SOURCE = readFileSync(__filename);

module.exports = {
  getCacheKey: (source) => createHash('sha256').update(OWN_SOURCE).update(source).digest('hex'),
  // emscripten's code declares a `var require` of its own inside functions: bind the module's require first
  process: (source) => ({
    code: `const __nodeRequire = require;${source.replace(/\bimport\(("[^"]+")\)/g, 'Promise.resolve().then(() => __nodeRequire($1))')}`,
  }),
};
