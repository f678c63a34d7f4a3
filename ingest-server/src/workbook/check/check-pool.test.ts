// Uploads are checked in worker threads (check-pool.ts): the server's event loop answers HTTP meanwhile, the result is
// the same as checking in-process (extracted data included), and a worker that runs out of memory refuses only its upload.
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { cachedTemplate } from '../../../../test/support/cached-template';
import { CURRENT_VERSION } from '@portfund/shared-rules';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { CheckPool } from './check-pool';
import { checkUpload } from './check-upload';
import { textFileNamedXlsx } from '../testing/hostile-files';
import { isShared, readFileShared } from './shared-bytes';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CB_FILE = '11512_04595257_accounting.xlsx';

let cashbook: Buffer;

beforeAll(async () => {
  // the seed's December book in a 6,000-row template: seconds of reading and checking on any thread
  cashbook = await cachedTemplate('cashbook', { entryRows: 6000, fill: { ...CASHBOOK_EXAMPLE, cb_entries: CASHBOOK_ENTRIES.map((e) => [...e]) } });
}, 120_000);

describe('CheckPool', () => {
  let server: Server;
  let url = '';

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers HTTP on the main thread while a worker checks, and gives the in-process result', async () => {
    const pool = new CheckPool({ size: 1 });
    try {
      let settled = false;
      const checking = pool.check(cashbook, CB_FILE).finally(() => {
        settled = true;
      });
      let answeredWhileChecking = 0;
      while (!settled) {
        const busy = pool.busy === 1;
        const answer = await fetch(url).then((r) => r.text());
        if (busy && !settled && answer === 'ok') answeredWhileChecking += 1;
      }
      const inWorker = await checking;
      const inProcess = await checkUpload(cashbook, CB_FILE);
      expect(answeredWhileChecking).toBeGreaterThan(0);
      expect(inWorker.findings).toEqual(inProcess.findings);
      expect(inWorker.kind).toBe('cashbook');
      // the extracted data is plain (amounts as decimal strings) and arrives unchanged
      expect(inWorker.data?.kind === 'cashbook' ? inWorker.data.closing.專戶存款1 : null).toMatch(/^-?\d+(\.\d+)?$/);
      expect(inWorker.data?.kind === 'cashbook' ? inWorker.data.entries.length : 0).toBe(CASHBOOK_ENTRIES.length);
      expect(inWorker.data?.kind === 'cashbook' ? inWorker.data.totals.spend.length : 0).toBeGreaterThan(0);
      expect(inWorker.data).toEqual(inProcess.data);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('checks an upload read into shared memory where it lies: the same findings, and the caller keeps its bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portfund-shared-'));
    const pool = new CheckPool({ size: 1 });
    try {
      await writeFile(join(dir, CB_FILE), cashbook);
      const shared = await readFileShared(join(dir, CB_FILE));
      expect(isShared(shared)).toBe(true);
      expect(isShared(cashbook)).toBe(false);
      expect(shared.equals(cashbook)).toBe(true);
      const inWorker = await pool.check(shared, CB_FILE);
      expect(shared.equals(cashbook)).toBe(true);
      expect(inWorker.findings).toEqual((await checkUpload(cashbook, CB_FILE)).findings);
      expect(inWorker.kind).toBe('cashbook');
    } finally {
      await pool.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes a clean copy in a worker: a fresh template that re-checks to the findings of the file it copies', async () => {
    const pool = new CheckPool({ size: 1 });
    try {
      const copy = await pool.cleanCopy(cashbook, 'cashbook', CURRENT_VERSION);
      expect(copy.equals(cashbook)).toBe(false);
      expect((await checkUpload(copy, CB_FILE)).findings).toEqual((await checkUpload(cashbook, CB_FILE)).findings);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('stops idle workers but the last (unless it holds a large heap), which checks the next upload however long the pool was idle', async () => {
    const pool = new CheckPool({ size: 2, idleMs: 50 });
    const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));
    try {
      // two at once: two workers (counted as they start: the first to finish may be stopped before the other is done)
      const checks = [pool.check(textFileNamedXlsx(), CB_FILE), pool.check(textFileNamedXlsx(), CB_FILE)];
      expect(pool.status()).toMatchObject({ workers: 2, busy: 2 });
      const both = await Promise.all(checks);
      expect(both.map((c) => c.findings.map((f) => f.code))).toEqual([['file.unreadable'], ['file.unreadable']]);
      await settle();
      expect(pool.status()).toMatchObject({ workers: 1, busy: 0 });
      // the one kept is not stopped later either, and takes the next upload without a new worker
      await settle();
      expect(pool.status().workers).toBe(1);
      const next = pool.check(textFileNamedXlsx(), CB_FILE);
      expect(pool.status()).toMatchObject({ workers: 1, busy: 1 });
      expect((await next).findings.map((f) => f.code)).toEqual(['file.unreadable']);
      await settle();
      expect(pool.status().workers).toBe(1);
    } finally {
      await pool.close();
    }
    // with none kept warm, or when its last job left more heap in use than a kept worker may hold, the last stops too
    for (const options of [{ keepWarm: 0 }, { keepWarmHeapMb: 1 }]) {
      const cold = new CheckPool({ size: 1, idleMs: 50, ...options });
      try {
        await cold.check(textFileNamedXlsx(), CB_FILE);
        await settle();
        expect(cold.status().workers).toBe(0);
      } finally {
        await cold.close();
      }
    }
  }, 120_000);

  it('refuses an upload whose check runs out of the worker heap as file.unreadable, and goes on with a fresh worker', async () => {
    // the 6,000-row book needs more than a 32 MB heap while checking
    const pool = new CheckPool({ size: 1, maxHeapMb: 32 });
    try {
      const big = await pool.check(cashbook, CB_FILE);
      expect(big.readable).toBe(false);
      expect(big.findings.map((f) => f.code)).toEqual(['file.unreadable']);
      expect(big.findings[0]?.message).toContain('記憶體');
      const next = await pool.check(textFileNamedXlsx(), CB_FILE);
      expect(next.findings.map((f) => f.code)).toEqual(['file.unreadable']);
      expect(next.findings[0]?.message).toContain('CSV');
    } finally {
      await pool.close();
    }
  }, 120_000);
});
