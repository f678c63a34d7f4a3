#!/usr/bin/env node
// Builds the task pane into addin/dist: taskpane.html, boot.js, taskpane.js (+ css, help page, icons).
//   node addin/build.mjs                     production: minified, no source maps, Office.js from Microsoft's CDN
//   node addin/build.mjs --dev               development: readable, linked source maps
//   node addin/build.mjs --officejs=local    default Office.js source is this server's /office-js/office.js (intranets);
//                                            PORTFUND_OFFICE_JS=local does the same. At run time the ingest server's own
//                                            PORTFUND_OFFICE_JS (its /addin/config.js) wins, and ?officejs=cdn|local over both.
//   node addin/build.mjs --outdir=DIR        build somewhere else than addin/dist
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEFAULT_ORIGIN, manifestForHost } from './scripts/manifest-host.mjs';
import buildStamp from '../ingest-server/bin/build-stamp.js';

const ROOT = dirname(fileURLToPath(import.meta.url));
// what `npm start` compares with the sources to know whether to rebuild (taken before building; see build-stamp.js)
const stamp = buildStamp.currentStamp('addin');
const SRC = join(ROOT, 'src');
const args = process.argv.slice(2);
const outdirArg = args.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);
const DIST = outdirArg === undefined ? join(ROOT, 'dist') : resolve(outdirArg);
const dev = args.includes('--dev');
const officeJsArg = args.find((a) => a.startsWith('--officejs='))?.split('=')[1];
const officeJs = officeJsArg ?? process.env.PORTFUND_OFFICE_JS ?? 'cdn';
if (officeJs !== 'cdn' && officeJs !== 'local') {
  console.error(`--officejs must be cdn or local, not ${officeJs}`);
  process.exit(2);
}

// Office's web views: WebView2 (Chromium) on Windows, WKWebView on Mac, any evergreen browser for Excel on the web
const TARGET = ['es2020', 'chrome90', 'edge90', 'safari15', 'firefox90'];

const common = {
  bundle: true,
  format: 'iife',
  target: TARGET,
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: dev ? 'inline' : 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
};

// never wipe a folder that is not a previous build
if (existsSync(DIST) && readdirSync(DIST).length > 0 && !existsSync(join(DIST, 'taskpane.html'))) {
  console.error(`${DIST} is not empty and holds no previous build: not overwriting it`);
  process.exit(2);
}
rmSync(DIST, { recursive: true, force: true });
mkdirSync(join(DIST, 'assets'), { recursive: true });

await Promise.all([
  build({ ...common, entryPoints: [join(SRC, 'main.tsx')], outfile: join(DIST, 'taskpane.js'), jsx: 'automatic', charset: 'utf8' }),
  // ES5: Internet Explorer / EdgeHTML web views must run boot.js to show that they cannot run the pane
  build({ ...common, target: ['es5'], entryPoints: [join(SRC, 'boot.ts')], outfile: join(DIST, 'boot.js'), define: { __OFFICE_JS_DEFAULT__: JSON.stringify(officeJs) } }),
]);
// the build's default for a pane served as plain files; the ingest server answers /addin/config.js with its own setting
writeFileSync(join(DIST, 'config.js'), `window.__PORTFUND_OFFICE_JS__ = ${JSON.stringify(officeJs)};\n`);

for (const file of ['taskpane.html', 'taskpane.css', 'help.html']) copyFileSync(join(SRC, file), join(DIST, file));
for (const icon of readdirSync(join(ROOT, 'assets')).filter((f) => f.endsWith('.png'))) {
  copyFileSync(join(ROOT, 'assets', icon), join(DIST, 'assets', icon));
}
// the manifest served at /addin/manifest.xml points at this server's public URL (PORTFUND_PUBLIC_URL, else localhost)
const manifest = readFileSync(join(ROOT, '..', 'manifest.xml'), 'utf8');
writeFileSync(join(DIST, 'manifest.xml'), manifestForHost(manifest, process.env.PORTFUND_PUBLIC_URL ?? DEFAULT_ORIGIN, officeJs === 'local'));
// the stamp only for the build npm start would make (a --dev or --officejs build in addin/dist makes the next start rebuild)
if (DIST === join(ROOT, 'dist') && !dev && officeJsArg === undefined) buildStamp.writeStamp('addin', stamp);
console.log(`add-in built into ${DIST} (${dev ? 'development' : 'production'}, Office.js from ${officeJs === 'cdn' ? "Microsoft's CDN" : '/office-js/'})`);
