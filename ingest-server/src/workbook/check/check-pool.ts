// Uploads are checked (and reviewers' clean copies written) in worker threads, so a large or hostile workbook never stalls the server: /api/health and every
// other request keep being answered while a 20,000-entry cash book takes seconds of CPU. Each worker has a heap limit;
// one that runs out is replaced and its upload refused as file.unreadable. Workers stay warm between uploads, and one
// stays however long the server is idle.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isBundleFresh } from '../../../bin/bundle-freshness';
import { readerReasons } from '../gate/reasons';
import { unreadable } from './check-file';
import { type WorkbookKind } from '@portfund/shared-rules';
import { type UploadCheck } from './check-upload';
import { type CheckJob, type CheckReply } from './check-worker';
import { type PdfInspection } from '../../attachments/pdf-gate';
import { type CheckJobKind, recordCheckDuration } from '../../observability/metrics';
import { isShared } from './shared-bytes';

export interface PoolOptions {
  /** Workers checking at the same time; further uploads wait their turn. */
  readonly size?: number;
  /** Heap of one worker (V8 old generation), MB. */
  readonly maxHeapMb?: number;
  /** An idle worker is stopped after this long, giving its memory back… */
  readonly idleMs?: number;
  /**
   * …unless it is one of the last `keepWarm`: those stay, so the upload after a quiet hour is checked by a worker that has
   * loaded its code, built the definitions and compiled its hot paths (a 20-entry cash book: ~0.9 s wall in a fresh
   * worker, ~0.18 s in a warm one: `npm run bench -- check-worker`).
   */
  readonly keepWarm?: number;
  /**
   * …and unless its last job left more than this much heap in use (MB): a worker that checked a 20,000-entry book holds
   * ~300 MB for good; it is stopped like the others, and the next upload gets a fresh worker.
   */
  readonly keepWarmHeapMb?: number;
  /** Jobs waiting for a worker at most; one more is refused with CheckUnavailable (back-pressure, PORTFUND_CHECK_QUEUE_MAX). */
  readonly maxQueue?: number;
}

// measured: a 20,000-entry cash book runs out of a 384 MB heap and fits in 512 MB; 1.5 GB (3×) leaves room for the
// reader's 1,000,000-cell limit and refuses what would otherwise take the whole server down
// one worker per core (at most 4; PORTFUND_CHECK_WORKERS sets it): the HTTP thread mostly waits on sockets and the
// database, so cores − 1 left a 2-core server's second core idle half the time (bench/ingest.bench.ts, four uploads at
// a time: 3.2–3.3 → 4.0–4.1 files/s)
const DEFAULTS: Required<PoolOptions> = {
  size: Math.max(1, Math.min(4, availableParallelism())),
  maxHeapMb: 1536,
  idleMs: 60_000,
  keepWarm: 1,
  // measured after a check: ~35–60 MB for books up to 1,000 entries, ~115 MB at 5,000
  keepWarmHeapMb: 160,
  maxQueue: 20,
};

const WORKER_BUNDLE = join(__dirname, '..', '..', '..', 'dist', 'check-worker.cjs');
let bundleFresh: boolean | undefined;

/**
 * `npm start` runs the built server, whose worker is the bundle beside it. From the TypeScript sources (Sucrase under jest,
 * tsx) the worker runs the bundle built by `npm run build` when it is newer than every source, else loads the sources
 * through tsx (seconds of compiling per start).
 */
const workerScript = (): { code: string; eval: boolean } => {
  // the built server (dist/server.cjs, npm start) runs the worker bundle built next to it
  if (!__filename.endsWith('.ts')) return { code: join(__dirname, 'check-worker.cjs'), eval: false };
  bundleFresh ??= isBundleFresh(WORKER_BUNDLE);
  if (bundleFresh) return { code: WORKER_BUNDLE, eval: false };
  const entry = join(__dirname, 'check-worker.ts');
  return { code: `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry)});`, eval: true };
};

interface Job {
  readonly message: CheckJob;
  /** Stop the worker and refuse the job after this long (PDF attachments). */
  readonly timeoutMs?: number;
  /** When a worker took it (performance.now()): the check-duration metric leaves the wait in the queue out. */
  startedAt?: number;
  resolve(reply: CheckReply): void;
  reject(error: unknown): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
  jobTimer: NodeJS.Timeout | null;
  /** The worker runs its script (it has started). */
  online: boolean;
  /** Its heap in use after its last job, MB. */
  heapMb: number;
}

/** A job that ran past its time limit: its worker was stopped. */
export class CheckTimeout extends Error {}

/** The pool cannot take the job now: its queue is full, or it was closed (shutdown). Nothing was checked. */
export class CheckUnavailable extends Error {
  constructor(readonly reason: 'queue_full' | 'closed') {
    super(reason === 'queue_full' ? 'check queue full' : 'check pool closed');
  }
}

/** What the pool is doing: for /api/health/ready and the metrics. */
export interface PoolStatus {
  readonly busy: number;
  readonly waiting: number;
  readonly maxQueue: number;
  readonly workers: number;
  readonly closed: boolean;
}

const isOutOfMemory = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';

// bytes in shared memory (uploads, read by readFileShared) go to the worker as they are; other bytes are copied once
// into memory the worker may own (the caller keeps its buffer: an upload's is stored as the filing's file)
const forWorker = (bytes: Buffer): Uint8Array => (isShared(bytes) ? bytes : new Uint8Array(bytes));

const jobKind = (message: CheckJob): CheckJobKind => (message.pdf === true ? 'pdf' : message.cleanCopy !== undefined ? 'clean_copy' : 'workbook');

const tooComplex = (fileName: string): UploadCheck => ({ ...unreadable(fileName, readerReasons.outOfMemory), data: null });

export class CheckPool {
  private readonly options: Required<PoolOptions>;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Checks an upload in a worker; resolves with file.unreadable when the workbook needs more memory than allowed. */
  check(bytes: Buffer, fileName: string): Promise<UploadCheck> {
    return this.run({ id: this.nextId++, bytes: forWorker(bytes), fileName })
      .then((reply) => {
        if (!('check' in reply)) throw new Error('check worker answered a check with something else');
        return reply.check;
      })
      .catch((error: unknown) => {
        if (isOutOfMemory(error)) return tooComplex(fileName);
        throw error;
      });
  }

  /** Writes a stored file's clean copy (a fresh template of its version filled with its values) in a worker. */
  cleanCopy(bytes: Buffer, kind: WorkbookKind, version: string): Promise<Buffer> {
    return this.run({ id: this.nextId++, bytes: forWorker(bytes), fileName: '', cleanCopy: { kind, version } }).then((reply) => {
      if (!('copy' in reply)) throw new Error('check worker answered a copy with something else');
      return Buffer.from(reply.copy.buffer, reply.copy.byteOffset, reply.copy.byteLength);
    });
  }

  /** Parses and inspects a PDF attachment in a worker; refused as too complex when it needs more time or memory than allowed. */
  inspectPdf(bytes: Buffer, timeoutMs: number): Promise<PdfInspection> {
    return this.run({ id: this.nextId++, bytes: forWorker(bytes), fileName: '', pdf: true }, timeoutMs)
      .then((reply) => {
        if (!('pdf' in reply)) throw new Error('check worker answered a PDF with something else');
        return reply.pdf;
      })
      .catch((error: unknown): PdfInspection => {
        if (isOutOfMemory(error) || error instanceof CheckTimeout) return { ok: false, reason: { reason: 'pdf.too_complex' } };
        throw error;
      });
  }

  private run(message: CheckJob, timeoutMs?: number): Promise<CheckReply> {
    return new Promise<CheckReply>((resolve, reject) => {
      if (this.closed) throw new CheckUnavailable('closed');
      // a job that would wait behind maxQueue others is refused now: the burst waits at the client, not in this heap
      const idle = this.slots.size < this.options.size || [...this.slots].some((s) => s.job === null);
      if (!idle && this.queue.length >= this.options.maxQueue) throw new CheckUnavailable('queue_full');
      this.queue.push({ message, resolve, reject, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
      this.dispatch();
    });
  }

  /** Uploads being checked right now. */
  get busy(): number {
    return [...this.slots].filter((s) => s.job !== null).length;
  }

  /** Jobs waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** True when one more job would be refused with CheckUnavailable. */
  get full(): boolean {
    return this.closed || (this.busy >= this.options.size && this.queue.length >= this.options.maxQueue);
  }

  status(): PoolStatus {
    return { busy: this.busy, waiting: this.queue.length, maxQueue: this.options.maxQueue, workers: this.slots.size, closed: this.closed };
  }

  /** True once a worker runs its script, within timeoutMs (one is started, then idles, when none is): readiness. */
  alive(timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if ([...this.slots].some((s) => s.online)) return Promise.resolve(true);
    let slot = [...this.slots][0];
    if (slot === undefined) {
      slot = this.spawn();
      this.idle(slot);
    }
    const worker = slot.worker;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const answer = (alive: boolean) => (): void => {
        clearTimeout(timer);
        resolve(alive);
      };
      worker.once('online', answer(true));
      worker.once('exit', answer(false));
    });
  }

  /** Stops every worker (tests and shutdown); waiting and running jobs are refused with CheckUnavailable('closed'). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new CheckUnavailable('closed'));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => s.job === null) ?? (this.slots.size < this.options.size ? this.spawn() : null);
      const job = slot === null ? undefined : this.queue.shift();
      if (slot === null || job === undefined) return;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idleTimer !== null) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.job = job;
    job.startedAt = performance.now();
    if (job.timeoutMs !== undefined) {
      // past its time the worker is stopped (a parse cannot be interrupted otherwise) and a fresh one takes the next job
      slot.jobTimer = setTimeout(() => {
        if (slot.job !== job) return;
        slot.job = null;
        this.slots.delete(slot);
        job.reject(new CheckTimeout(`check job ${job.message.id} ran past ${job.timeoutMs} ms`));
        void slot.worker.terminate();
        this.dispatch();
      }, job.timeoutMs);
    }
    slot.worker.ref();
    const { buffer } = job.message.bytes;
    slot.worker.postMessage(job.message, buffer instanceof SharedArrayBuffer ? [] : [buffer]);
  }

  private spawn(): Slot {
    const script = workerScript();
    const worker = new Worker(script.code, { eval: script.eval, resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } });
    const slot: Slot = { worker, job: null, idleTimer: null, jobTimer: null, online: false, heapMb: 0 };
    worker.once('online', () => {
      slot.online = true;
    });
    const clearJobTimer = (): void => {
      if (slot.jobTimer !== null) clearTimeout(slot.jobTimer);
      slot.jobTimer = null;
    };
    worker.on('message', (reply: CheckReply) => {
      const job = slot.job;
      if (job === null || job.message.id !== reply.id) return;
      clearJobTimer();
      slot.job = null;
      slot.heapMb = reply.heapMb ?? 0;
      recordCheckDuration(jobKind(job.message), (performance.now() - (job.startedAt ?? performance.now())) / 1000);
      job.resolve(reply);
      this.idle(slot);
      this.dispatch();
    });
    // out of memory, or a bug: the worker is gone; its upload fails, the next one gets a fresh worker
    const fail = (error: unknown): void => {
      this.slots.delete(slot);
      if (slot.idleTimer !== null) clearTimeout(slot.idleTimer);
      clearJobTimer();
      const job = slot.job;
      slot.job = null;
      job?.reject(this.closed ? new CheckUnavailable('closed') : error);
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`check worker exited with code ${code}`)));
    this.slots.add(slot);
    return slot;
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      if (this.slots.size <= this.options.keepWarm && slot.heapMb <= this.options.keepWarmHeapMb) return;
      this.slots.delete(slot);
      void slot.worker.terminate();
    }, this.options.idleMs);
    slot.idleTimer.unref();
  }
}

let shared: CheckPool | undefined;

/** Sets the server's pool (at start-up, from PORTFUND_CHECK_WORKERS / PORTFUND_CHECK_HEAP_MB); a previous one is closed. */
export const configureCheckPool = (options: PoolOptions): void => {
  void shared?.close();
  shared = new CheckPool(options);
};

/** Stops the server's pool (shutdown, and a test server's close): its workers end. */
export const closeCheckPool = async (): Promise<void> => {
  const pool = shared;
  shared = undefined;
  await pool?.close();
};

/** Stops the server's pool for good (shutdown past its deadline): its workers end, running and later checks are refused. */
export const stopCheckPool = async (): Promise<void> => {
  shared ??= new CheckPool();
  await shared.close();
};

/** The server's pool as it is now (a fresh one when none was made yet: nothing has been checked). */
export const checkPoolStatus = (): PoolStatus => {
  shared ??= new CheckPool();
  return shared.status();
};

/** True when the server's pool has a worker running, or starts one within timeoutMs (/api/health/ready). */
export const checkWorkersAlive = (timeoutMs: number): Promise<boolean> => {
  shared ??= new CheckPool();
  return shared.alive(timeoutMs);
};

/** True when the server's pool would refuse one more job: an upload is answered 503 before its body is read. */
export const checkQueueFull = (): boolean => shared?.full ?? false;

/** The server's pool, made on first use (with the defaults unless configured). */
export const checkUploadInWorker = (bytes: Buffer, fileName: string): Promise<UploadCheck> => {
  shared ??= new CheckPool();
  return shared.check(bytes, fileName);
};

/** A PDF attachment parsed and inspected by the server's pool (made on first use like the checks'). */
export const inspectPdfInWorker = (bytes: Buffer, timeoutMs: number): Promise<PdfInspection> => {
  shared ??= new CheckPool();
  return shared.inspectPdf(bytes, timeoutMs);
};

/** A clean copy written by the server's pool (made on first use like the checks'). */
export const cleanCopyInWorker = (bytes: Buffer, kind: WorkbookKind, version: string): Promise<Buffer> => {
  shared ??= new CheckPool();
  return shared.cleanCopy(bytes, kind, version);
};
