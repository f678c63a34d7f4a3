// Registry imports as jobs, at the service: a queued run keeps its file until the job has carried it out; a run left
// `running` by a killed instance is carried out again; a finished run is left alone; a failed attempt goes back to the
// queue, and the last one is recorded as failed. The test server only queues (no worker): the test runs the job itself.
import { unitsTable } from '@portfund/shared-rules/src/registry/testing/volunteer-fixture';
import { type JobQueue } from '../../jobs/runner';
import { utf8Csv } from '../../tables/testing/files';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { queueImport, runQueuedImport } from './queued-import';
import { type ImportRunRow } from './store';

let server: TestServer;
const sent: Record<string, unknown>[] = [];
const queue: JobQueue = {
  send: async (_name, data) => {
    sent.push(data);
    return 'job';
  },
};

beforeAll(async () => {
  server = await startTestServer({ jobWorkers: false });
});
afterAll(() => server.close());

const FIRST = { retryCount: 0, lastAttempt: false };
const LAST = { retryCount: 3, lastAttempt: true };

const queued = async (): Promise<ImportRunRow> => {
  const q = await queueImport(server.db, queue, server.seed.users.localA, { kind: 'units', mode: 'valid_rows', fileName: 'units.csv', bytes: utf8Csv(unitsTable()) });
  if (!q.queued) throw new Error('not queued');
  return q.run;
};
const runOf = (id: number) => server.db('import_runs').where('id', id).first<ImportRunRow>();
const fileKept = async (id: number): Promise<boolean> => (await server.db('import_uploads').where('run_id', id).first()) !== undefined;

it('queues the run with its file and a job, then carries it out and lets the file go', async () => {
  const run = await queued();
  expect(run).toMatchObject({ status: 'queued', kind: 'units', mode: 'valid_rows', format: 'csv' });
  expect(sent.at(-1)).toEqual({ runId: run.id });
  expect(await fileKept(run.id)).toBe(true);
  expect(await runQueuedImport(server.db, run.id, FIRST)).toEqual({ runId: run.id, status: 'applied' });
  expect(await runOf(run.id)).toMatchObject({ status: 'applied', rows_read: unitsTable().length - 1, message_code: 'run.applied' });
  expect(await fileKept(run.id)).toBe(false);
  // the job again (a retry after its result was committed): the run is left as it is
  expect(await runQueuedImport(server.db, run.id, FIRST)).toEqual({ runId: run.id, status: 'applied' });
});

it('carries out a run a killed instance left running', async () => {
  const run = await queued();
  await server.db('import_runs').where('id', run.id).update({ status: 'running', progress_rows: 1000 });
  expect((await runQueuedImport(server.db, run.id, FIRST)).status).toBe('applied');
  expect(await fileKept(run.id)).toBe(false);
});

it('puts a failed attempt back in the queue and records the last one as failed', async () => {
  const run = await queued();
  // the job cannot read its file: each attempt throws (pg-boss retries it) and writes nothing
  await server.db('import_uploads').where('run_id', run.id).delete();
  await expect(runQueuedImport(server.db, run.id, FIRST)).rejects.toThrow('its file or user is gone');
  expect(await runOf(run.id)).toMatchObject({ status: 'queued', message_code: 'run.queued', finished_at: null });
  await expect(runQueuedImport(server.db, run.id, LAST)).rejects.toThrow('its file or user is gone');
  const failed = await runOf(run.id);
  expect(failed).toMatchObject({ status: 'failed', message_code: 'run.failed', message_params: { attempts: 4 } });
  expect(failed.finished_at).not.toBeNull();
});

it('refuses a file that cannot be opened at once, without a job', async () => {
  const before = sent.length;
  const q = await queueImport(server.db, queue, server.seed.users.localA, { kind: 'units', mode: 'valid_rows', fileName: 'empty.csv', bytes: Buffer.alloc(0) });
  expect(q.queued).toBe(false);
  if (!q.queued) expect(q.outcome.run.status).toBe('unreadable');
  expect(sent.length).toBe(before);
});
