#!/usr/bin/env node
// A small server for working on the task pane without the ingest server: the built pane at /addin/, Office.js at
// /office-js/, optionally /api/* forwarded to a running ingest server. HTTP by default; Office needs HTTPS to sideload,
// so pass a certificate (see addin/README.md):
//   node addin/dev-server.mjs [--port 3000] [--cert cert.pem --key key.pem] [--api http://127.0.0.1:3001] [--dist DIR]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttp, request as httpRequest } from 'node:http';
import { createServer as createHttps, request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const args = process.argv.slice(2);
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq !== undefined) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};

const port = Number(arg('port', process.env.PORT ?? '3000'));
const cert = arg('cert', process.env.ADDIN_DEV_CERT);
const key = arg('key', process.env.ADDIN_DEV_KEY);
const api = arg('api', process.env.ADDIN_DEV_API);
const dist = resolve(arg('dist', join(HERE, 'dist')));

const officeJsDir = (() => {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist');
  } catch {
    return null;
  }
})();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const sendFile = (res, root, rel) => {
  const target = normalize(join(root, rel));
  if (!target.startsWith(root + sep) || !existsSync(target) || !statSync(target).isFile()) return false;
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(target).pipe(res);
  return true;
};

const forward = (req, res) => {
  const target = new URL(req.url, api);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `無法連線到 ${api}` } }));
  });
  req.pipe(upstream);
};

const handle = (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/' || path === '/addin' || path === '/addin/') {
    res.writeHead(302, { location: `/addin/taskpane.html${new URL(req.url ?? '/', 'http://x').search}` });
    res.end();
    return;
  }
  if (path.startsWith('/api/') && api !== undefined) return forward(req, res);
  if (path.startsWith('/addin/') && sendFile(res, dist, path.slice('/addin/'.length))) return;
  if (path.startsWith('/office-js/') && officeJsDir !== null && sendFile(res, officeJsDir, path.slice('/office-js/'.length))) return;
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(existsSync(dist) ? 'not found' : 'not found (build the add-in first: npm run build --workspace addin)');
};

const secure = cert !== undefined && key !== undefined;
const server = secure ? createHttps({ cert: readFileSync(cert), key: readFileSync(key) }, handle) : createHttp(handle);
server.listen(port, () => {
  const actual = server.address().port;
  const origin = `${secure ? 'https' : 'http'}://localhost:${actual}`;
  console.log(`add-in dev server: ${origin}/addin/taskpane.html${api === undefined ? '' : ` (API → ${api})`}`);
  if (!secure) console.log('  plain HTTP: fine in a browser; Excel needs HTTPS to sideload (--cert/--key, see addin/README.md)');
});
