// A tiny static server for the UI tests: the built pane under /addin/, extra in-memory files (the fake workbook) anywhere.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export const startStaticServer = async (dist: string, extra: ReadonlyMap<string, { type: string; body: Buffer | string }>): Promise<StaticServer> => {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const file = extra.get(path);
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': file.type });
      res.end(file.body);
      return;
    }
    const rel = path.startsWith('/addin/') ? path.slice('/addin/'.length) || 'taskpane.html' : null;
    const target = rel === null ? null : normalize(join(dist, rel));
    if (target === null || !target.startsWith(dist + sep) || !existsSync(target) || !statSync(target).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
