// Issue 14: five authenticated uploads that send part of their body and stall added 919 MB to the server (bodies were
// buffered in memory, kept open 300 s). This measures the server process's memory (RSS, heap + array buffers) before
// and while five uploads declaring 20 MB each have sent 10 MB and stall, how long until the idle timeout cuts them off,
// and what the upload folder held. `node --expose-gc --import tsx bench/run.ts stalled-uploads` (PGlite in memory, in this
// process; --expose-gc makes the memory figures those after a full collection).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchContext, type Benchmark } from './lib/benchmark';
import { writeResults } from './lib/results';
import { printTable } from './lib/table';

const MB = 1024 * 1024;
const DECLARED = 20 * MB;
const SENT = 10 * MB;
const STALLS = 5;
const IDLE_MS = 5000;

const memory = (): { rssMB: number; heapAndBuffersMB: number } => {
  global.gc?.();
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapAndBuffersMB: (m.heapUsed + m.arrayBuffers) / MB };
};

/** Bytes of the files under dir (a request's folder may be removed while it is read: counted as empty). */
const bytesUnder = async (dir: string): Promise<number> => {
  try {
    let total = 0;
    for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += (await stat(join(e.parentPath, e.name)).catch(() => ({ size: 0 }))).size;
    return total;
  } catch {
    return 0;
  }
};

export const benchmark: Benchmark = {
  name: 'stalled-uploads',
  description: `${STALLS} uploads declaring ${DECLARED / MB} MB stall after ${SENT / MB} MB: server memory, bytes on disk, time to cut-off`,
  async run(ctx: BenchContext) {
    const { startTestServer } = await import('../ingest-server/src/testing/test-server');
    const dir = await mkdtemp(join(tmpdir(), 'portfund-stall-'));
    const server = await startTestServer({ config: { uploadIdleMs: IDLE_MS, uploadTmpDir: dir } });
    try {
      const token = await server.login('union-x');
      const { hostname, port } = new URL(server.url);
      const closed: Promise<number>[] = [];
      const sockets: Socket[] = [];
      const started = performance.now();
      // one buffer for every client (the clients run in this process too: their bytes must not count as the server's)
      const body = Buffer.alloc(SENT, 0x41);
      const before = memory();
      for (let i = 0; i < STALLS; i++) {
        const socket = connect(Number(port), hostname);
        sockets.push(socket);
        closed.push(new Promise((resolve) => socket.on('close', () => resolve(performance.now() - started))));
        socket.on('error', () => undefined);
        socket.write(
          `POST /api/filings HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${DECLARED}\r\n\r\n` +
            `--b\r\nContent-Disposition: form-data; name="file"; filename="11503_04595257_accounting.xlsx"\r\n\r\n`,
        );
        socket.write(body);
      }
      while ((await bytesUnder(dir)) < STALLS * (SENT - MB)) await new Promise((resolve) => setTimeout(resolve, 100));
      const during = memory();
      const onDisk = await bytesUnder(dir);
      const cutOffMs = await Promise.all(closed);
      // the folders go when each request's response closes
      while ((await readdir(dir)).length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const after = memory();
      const rows = [
        ['before', before.rssMB.toFixed(0), before.heapAndBuffersMB.toFixed(0), '–'],
        [`${STALLS} stalled, ${(onDisk / MB).toFixed(0)} MB received`, during.rssMB.toFixed(0), during.heapAndBuffersMB.toFixed(0), (onDisk / MB).toFixed(0)],
        ['after the cut-off', after.rssMB.toFixed(0), after.heapAndBuffersMB.toFixed(0), ((await bytesUnder(dir)) / MB).toFixed(0)],
      ];
      printTable(`Stalled uploads (idle timeout ${IDLE_MS / 1000} s; in-flight limit ${server.config.maxInflightUploadBytes / MB} MB)`, ['moment', 'RSS MB', 'heap + buffers MB', 'on disk MB'], rows);
      ctx.log(`cut off after ${cutOffMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`);
      await writeResults('stalled-uploads', { stalls: STALLS, declaredBytes: DECLARED, sentBytes: SENT, idleMs: IDLE_MS, before, during, after, onDiskBytes: onDisk, cutOffMs });
      for (const s of sockets) s.destroy();
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
