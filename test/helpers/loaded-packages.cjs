// Preloaded (NODE_OPTIONS=--require) into a `portfund` run by cli-check.test.ts: at exit, writes the npm packages the
// process loaded to $PORTFUND_LOADED_PACKAGES, so a test can tell what a command pulls in at start-up.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (m !== null) packages.add(m[1].replace(/\\/g, '/'));
  }
  writeFileSync(process.env.PORTFUND_LOADED_PACKAGES, JSON.stringify([...packages].sort()));
});
