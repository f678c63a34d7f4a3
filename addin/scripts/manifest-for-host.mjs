#!/usr/bin/env node
// Writes a copy of the root manifest.xml for another host: every https://localhost:3000 becomes the given public URL.
//   node addin/scripts/manifest-for-host.mjs https://portfund.example.gov.tw [--officejs=local] [--out FILE]
// --officejs=local makes the task pane load Office.js from that server (/office-js/) instead of Microsoft's CDN.
// Default output: addin/dist/manifest.xml (served by the ingest server at /addin/manifest.xml).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestForHost } from './manifest-host.mjs';

const ADDIN = join(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const publicUrl = args.find((a) => !a.startsWith('--')) ?? process.env.PORTFUND_PUBLIC_URL;
const outArg = args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? (args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined);
const out = outArg ?? join(ADDIN, 'dist', 'manifest.xml');
const localOfficeJs = args.includes('--officejs=local');

if (publicUrl === undefined) {
  console.error('usage: manifest-for-host.mjs https://host[:port][/prefix] [--officejs=local] [--out FILE]  (or set PORTFUND_PUBLIC_URL)');
  process.exit(2);
}
let base;
try {
  base = new URL(publicUrl);
} catch {
  console.error(`not a URL: ${publicUrl}`);
  process.exit(2);
}
if (base.protocol !== 'https:') console.warn(`warning: ${publicUrl} is not HTTPS — Excel refuses to load add-ins over plain HTTP`);
const origin = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
const xml = manifestForHost(readFileSync(join(ADDIN, '..', 'manifest.xml'), 'utf8'), publicUrl, localOfficeJs);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, xml);
console.log(`manifest for ${origin}${localOfficeJs ? ' (Office.js from that server)' : ''} written to ${out}`);
