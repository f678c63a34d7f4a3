// The job runner on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL): scheduled jobs once per period
// however many instances offer them, retries, jobs that outlive the instance that sent them, and jobs sent in a
// transaction. Each test's runners use a pg-boss schema of their own, beside the test server's.
import { startTestServer, type TestServer } from '../testing/test-server';
import { type JobHandler, type JobHandlers, type JobName, type JobRunner, type JobRunnerOptions, startJobRunner } from './runner';

let server: TestServer;
const runners: JobRunner[] = [];
let schemaNo = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const r of runners) await r.stop();
  // PostgreSQL keeps the runners' schemas (PGlite's whole database goes with the server)
  if (process.env.TEST_DATABASE_URL !== undefined) {
    for (const r of new Set(runners.map((x) => x.schema))) await server.db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [r]);
  }
  await server.close();
});

const nothing: JobHandler = () => Promise.resolve(null);
const handlers = (own: Partial<Record<JobName, JobHandler>>): JobHandlers => ({ reminders: nothing, prune: nothing, 'registry-import': nothing, ...own });

/** Runners sharing one queue (a schema of this test's own): as many instances on one database. */
const queue = () => {
  schemaNo += 1;
  const schema = `jobs_test_${process.pid}_${schemaNo}`;
  return async (own: Partial<Record<JobName, JobHandler>>, options: JobRunnerOptions = {}): Promise<JobRunner> => {
    const runner = await startJobRunner(server.db, handlers(own), { schema, pollingSeconds: 0.5, retryDelaySeconds: 1, log: () => undefined, ...options });
    runners.push(runner);
    return runner;
  };
};

const until = async (what: string, done: () => Promise<boolean> | boolean, seconds = 30): Promise<void> => {
  const end = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

interface RunRow {
  readonly instance: string;
  readonly period_start: Date | null;
  readonly outcome: string | null;
}
const runsOf = (name: JobName, instances: readonly string[]): Promise<RunRow[]> =>
  server.db('job_runs').where('name', name).whereIn('instance', instances).orderBy('id').select<RunRow[]>('instance', 'period_start', 'outcome');

it('runs a scheduled job once per period however many instances offer it', async () => {
  const start = queue();
  const ran: string[] = [];
  const schedules = [{ name: 'reminders' as const, everySeconds: 1 }];
  const instances = ['sched-a', 'sched-b', 'sched-c'];
  const three = await Promise.all(
    instances.map((instance) =>
      start(
        {
          reminders: async () => {
            ran.push(instance);
            return null;
          },
        },
        { schedules, instance },
      ),
    ),
  );
  await until('four periods', async () => new Set((await runsOf('reminders', instances)).map((r) => String(r.period_start))).size >= 4);
  for (const r of three) await r.stop();
  const runs = await runsOf('reminders', instances);
  const perPeriod = new Map<string, number>();
  for (const r of runs) perPeriod.set(String(r.period_start), (perPeriod.get(String(r.period_start)) ?? 0) + 1);
  expect([...perPeriod.values()].every((n) => n === 1)).toBe(true);
  expect(runs.every((r) => r.period_start !== null && r.outcome === 'ok')).toBe(true);
  // periods are whole seconds from the epoch, one apart
  const starts = [...perPeriod.keys()].map((k) => new Date(k).getTime()).sort((a, b) => a - b);
  expect(starts.every((t) => t % 1000 === 0)).toBe(true);
  expect(ran).toHaveLength(runs.length);
});

it('retries a job that failed and records both attempts', async () => {
  const runner = await queue()(
    {
      prune: async (_data, attempt) => {
        if (attempt.retryCount === 0) throw new Error('the database went away');
        return { attempt: attempt.retryCount };
      },
    },
    { instance: 'retry' },
  );
  await runner.send('prune', {});
  await until('the retry', async () => (await runsOf('prune', ['retry'])).some((r) => r.outcome === 'ok'));
  expect((await runsOf('prune', ['retry'])).map((r) => r.outcome)).toEqual(['failed', 'ok']);
});

it('runs a job sent by an instance that stopped before running it, on the next one to start', async () => {
  const start = queue();
  const seen: unknown[] = [];
  const before = await start({}, { work: false, instance: 'gone' });
  await before.send('registry-import', { runId: 41 });
  await before.stop();
  await start(
    {
      'registry-import': async (data) => {
        seen.push(data);
        return null;
      },
    },
    { instance: 'after-restart' },
  );
  await until('the job', () => seen.length > 0);
  expect(seen).toEqual([{ runId: 41 }]);
  expect((await runsOf('registry-import', ['after-restart'])).map((r) => r.outcome)).toEqual(['ok']);
});

it('never runs a job whose sending transaction rolled back', async () => {
  const seen: unknown[] = [];
  const runner = await queue()(
    {
      'registry-import': async (data) => {
        seen.push(data);
        return null;
      },
    },
    { instance: 'trx' },
  );
  await server.db
    .transaction(async (trx) => {
      await runner.send('registry-import', { runId: 1 }, trx);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await server.db.transaction(async (trx) => {
    await runner.send('registry-import', { runId: 2 }, trx);
  });
  await until('the committed job', () => seen.length > 0);
  // a moment for a job that should not exist, were it there, to be taken as well
  await runner.send('registry-import', { runId: 3 });
  await until('the marker job', () => seen.length > 1);
  expect(seen).toEqual([{ runId: 2 }, { runId: 3 }]);
});
