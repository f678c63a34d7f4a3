// Jobs on PostgreSQL (pg-boss, in its own schema of the server's database; why pg-boss: README "Jobs"). Every instance
// runs a worker for every queue; a job is taken by exactly one of them (SELECT … FOR UPDATE SKIP LOCKED), retried with
// backoff when it throws, and survives a restart (a job left active by a killed instance expires and is retried).
// Scheduled jobs: each instance offers the job of the current period every few seconds; pg-boss's unique index on
// (name, period start) keeps one job per period however many instances offer it, so each period runs once.
import { hostname } from 'node:os';
import { type Knex } from 'knex';
import PgBoss from 'pg-boss';
import { recordJobOutcome } from '../observability/metrics';
import { bossDb } from './boss-db';

export const JOB_NAMES = ['reminders', 'prune', 'registry-import'] as const;
export type JobName = (typeof JOB_NAMES)[number];
export type ScheduledJobName = 'reminders' | 'prune';

/** Which attempt of a job this is: a handler may record a failure for good on the last one. */
export interface JobAttempt {
  readonly retryCount: number;
  readonly lastAttempt: boolean;
}
export type JobHandler = (data: Record<string, unknown>, attempt: JobAttempt) => Promise<unknown>;
export type JobHandlers = Readonly<Record<JobName, JobHandler>>;

export interface Schedule {
  readonly name: ScheduledJobName;
  /** The period: the job runs once in each (aligned to the epoch, so an hour is a clock hour). */
  readonly everySeconds: number;
}

/** What routes and services need of the runner: put a job on a queue, in the caller's transaction when given one. */
export interface JobQueue {
  send(name: JobName, data: Record<string, unknown>, trx?: Knex.Transaction): Promise<string | null>;
}

/** An application started without a runner (some tests): sending a job is a programming error. */
export const NO_JOBS: JobQueue = {
  send: (name) => Promise.reject(new Error(`no job runner: cannot send ${name}`)),
};

export interface JobRunner extends JobQueue {
  /** The pg-boss schema the queue lives in. */
  readonly schema: string;
  /** Stops taking jobs, waits for running ones (up to timeoutMs), then returns; the database stays open. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobRunnerOptions {
  /** pg-boss schema (default `pgboss`; tests on PostgreSQL use one per test file). */
  readonly schema?: string;
  readonly schedules?: readonly Schedule[];
  /** How often an idle worker looks for a job, s (a job sent by this instance wakes its worker at once). */
  readonly pollingSeconds?: number;
  /** Seconds before a failed job's first retry (default 10; tests shorten it). */
  readonly retryDelaySeconds?: number;
  /** False: this runner only sends jobs (a test's stand-in for an instance that stopped before running them). */
  readonly work?: boolean;
  /** This instance's name in job_runs (default host:pid). */
  readonly instance?: string;
  readonly log?: (message: string, error?: unknown) => void;
}

/** Retries: a failed job runs again after 10 s, 20 s, 40 s…; one that runs longer than its expiry is failed and retried. */
const QUEUE_OPTIONS: Readonly<Record<JobName, PgBoss.Queue>> = {
  reminders: { name: 'reminders', retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 15 * 60 },
  prune: { name: 'prune', retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 15 * 60 },
  // a large file takes minutes; an instance killed mid-run leaves the job active until this expiry, then it is retried
  'registry-import': { name: 'registry-import', retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 10 * 60 },
};

/** How often each instance offers a scheduled job: a quarter of its period, at most a minute, at least half a second. */
const offerEveryMs = (s: Schedule): number => Math.max(500, Math.min(60_000, (s.everySeconds * 1000) / 4));

// instances starting together on an empty database race to create pg-boss's schema or its queues (each queue is a
// partition of one table): PostgreSQL refuses the loser with one of these, and the loser tries again
const START_RACES = new Set(['23505', '42P06', '42P07', '40P01']);
const isStartRace = (error: unknown): boolean => START_RACES.has((error as { code?: string }).code ?? '');
const raceDelay = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));

/** Starts pg-boss, installing or upgrading its schema; a new instance after losing a race (a failed start cannot be retried). */
const startBoss = async (make: () => PgBoss): Promise<PgBoss> => {
  for (let attempt = 1; ; attempt += 1) {
    const boss = make();
    try {
      return await boss.start();
    } catch (error) {
      if (!isStartRace(error) || attempt >= 5) throw error;
      await raceDelay();
    }
  }
};

/**
 * Creates a queue unless it exists. Instances starting together on PostgreSQL may deadlock creating queues (each is a
 * partition of one table): the loser is rolled back and tries again, and then finds the queue there.
 */
const createQueue = async (boss: PgBoss, queue: PgBoss.Queue): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (!isStartRace(error) || attempt >= 5) throw error;
      await raceDelay();
    }
  }
};

export const startJobRunner = async (db: Knex, handlers: JobHandlers, options: JobRunnerOptions = {}): Promise<JobRunner> => {
  const schema = options.schema ?? 'pgboss';
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const boss = await startBoss(() => {
    const b = new PgBoss({
      db: bossDb(db),
      schema,
      migrate: true,
      supervise: true,
      // scheduling is ours (below): pg-boss's cron has a minute's resolution and its own clock table
      schedule: false,
      pollingIntervalSeconds: options.pollingSeconds ?? 2,
    });
    b.on('error', (error) => log('工作佇列錯誤：', error));
    return b;
  });
  for (const name of JOB_NAMES) {
    await createQueue(boss, { ...QUEUE_OPTIONS[name], ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}) });
  }

  const record = async (name: JobName, periodStart: Date | null, run: () => Promise<unknown>): Promise<void> => {
    const [row] = await db('job_runs').insert({ name, period_start: periodStart, instance }).returning<{ id: number }[]>('id');
    try {
      const detail = await run();
      await db('job_runs')
        .where('id', row?.id ?? 0)
        .update({ finished_at: db.fn.now(), outcome: 'ok', detail: JSON.stringify(detail ?? null) });
      recordJobOutcome(name, 'completed');
    } catch (error) {
      recordJobOutcome(name, 'failed');
      await db('job_runs')
        .where('id', row?.id ?? 0)
        .update({ finished_at: db.fn.now(), outcome: 'failed', detail: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) });
      throw error;
    }
  };

  const workers = new Map<JobName, string>();
  for (const name of options.work === false ? [] : JOB_NAMES) {
    const id = await boss.work<Record<string, unknown>>(name, { batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (job === undefined) return;
      const attempt = { retryCount: job.retryCount, lastAttempt: job.retryCount >= job.retryLimit };
      await record(name, job.singletonOn ?? null, () => handlers[name](job.data ?? {}, attempt));
    });
    workers.set(name, id);
  }

  const send: JobQueue['send'] = async (name, data, trx) => {
    const id = await boss.send(name, data, trx === undefined ? {} : { db: bossDb(trx) });
    // this instance's worker looks at once — in a transaction, once it has committed (rolled back: there is no job)
    const worker = workers.get(name);
    if (worker !== undefined) {
      if (trx === undefined) boss.notifyWorker(worker);
      else void trx.executionPromise.then(() => boss.notifyWorker(worker)).catch(() => undefined);
    }
    return id;
  };

  const offer = (s: Schedule): void =>
    void boss
      .send(s.name, {}, { singletonSeconds: s.everySeconds })
      .then((id) => {
        const worker = workers.get(s.name);
        if (id !== null && worker !== undefined) boss.notifyWorker(worker);
      })
      .catch((error: unknown) => log(`排程工作 ${s.name} 無法排入：`, error));
  const timers = (options.schedules ?? []).map((s) => {
    offer(s);
    return setInterval(() => offer(s), offerEveryMs(s));
  });

  return {
    schema,
    send,
    async stop(timeoutMs = 10_000) {
      for (const t of timers) clearInterval(t);
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    },
  };
};
