// Registry imports as jobs (issue 19): the request stores the file with a `queued` run and puts a job on the queue in one
// transaction, then answers 202 with the run; a worker of any instance carries the run out (run-import.ts, one
// transaction) and the console polls GET /api/registry/imports/:id for its progress and result. A file that cannot be
// opened at all is still refused at once (422), as before. A run whose instance dies mid-way rolls back and runs again
// when its job is retried; after the last attempt it is recorded as failed.
import { type Knex } from 'knex';
import { type JobAttempt, type JobQueue } from '../../jobs/runner';
import { User } from '../../models/user';
import { sha256 } from './hash';
import { type ImportOutcome, type ImportRequest, openImport, recordUnopenable, runImport } from './run-import';
import { type ImportRunRow } from './store';

/** The runs this process is carrying out: rows read so far (PGlite cannot write them aside; see below). */
const progress = new Map<number, number>();

/** The rows read so far by a run in progress, as far as this process knows. */
export const progressOf = (run: ImportRunRow): number => Math.max(run.progress_rows, progress.get(run.id) ?? 0);

export type QueuedImport = { readonly queued: true; readonly run: ImportRunRow } | { readonly queued: false; readonly outcome: ImportOutcome };

export const queueImport = async (db: Knex, jobs: JobQueue, user: User, request: ImportRequest): Promise<QueuedImport> => {
  const opened = await openImport(request);
  if (opened.source === null) return { queued: false, outcome: await recordUnopenable(db, user, request, opened.reason) };
  const run = await db.transaction(async (trx) => {
    const [row] = (await trx('import_runs')
      .insert({
        organization_id: user.organization_id,
        user_id: user.id,
        kind: request.kind,
        mode: request.mode,
        status: 'queued',
        file_name: request.fileName,
        file_sha256: sha256(request.bytes),
        size_bytes: request.bytes.length,
        format: opened.source?.format ?? null,
        encoding: opened.source?.encoding ?? null,
        options: { createUnits: request.createUnits === true, ...(request.sheet !== undefined ? { sheet: request.sheet } : {}) },
        message_code: 'run.queued',
        message_params: JSON.stringify({}),
      })
      .returning('*')) as ImportRunRow[];
    if (row === undefined) throw new Error('import_runs insert returned nothing');
    await trx('import_uploads').insert({ run_id: row.id, bytes: request.bytes });
    await jobs.send('registry-import', { runId: row.id }, trx);
    return row;
  });
  return { queued: true, run };
};

const isPglite = (db: Knex): boolean => 'pglite' in db.client;

/** The job: carries out a queued run (again, after a failed attempt); a run already finished is left alone. */
export const runQueuedImport = async (db: Knex, runId: number, attempt: JobAttempt): Promise<{ runId: number; status: string }> => {
  const run = await db('import_runs').where('id', runId).first<ImportRunRow | undefined>();
  if (run === undefined || (run.status !== 'queued' && run.status !== 'running')) return { runId, status: run?.status ?? 'missing' };
  try {
    return { runId, status: await carryOut(db, run) };
  } catch (error) {
    // nothing of the attempt was written (its transaction rolled back): wait for the retry, or give up on the last one
    await db('import_runs')
      .where('id', runId)
      .update(
        attempt.lastAttempt
          ? { status: 'failed', message_code: 'run.failed', message_params: JSON.stringify({ attempts: attempt.retryCount + 1 }), finished_at: db.fn.now() }
          : { status: 'queued', message_code: 'run.queued', message_params: JSON.stringify({}) },
      );
    throw error;
  } finally {
    progress.delete(runId);
  }
};

const carryOut = async (db: Knex, run: ImportRunRow): Promise<string> => {
  const runId = run.id;
  const upload = await db('import_uploads').where('run_id', runId).first<{ bytes: Buffer } | undefined>('bytes');
  const user = await User.query(db).findById(run.user_id);
  if (upload === undefined || user === undefined) throw new Error(`import run ${runId}: its file or user is gone`);
  await db('import_runs').where('id', runId).update({ status: 'running', progress_rows: 0, message_code: 'run.running', message_params: JSON.stringify({ read: 0 }) });
  // the run's transaction leaves its row alone until the end, so on PostgreSQL another connection can write the progress
  // for pollers on other instances; PGlite has one connection (held by the transaction), so there it stays in memory
  const aside = !isPglite(db);
  const onProgress = (read: number): void => {
    progress.set(runId, read);
    if (aside) {
      void db('import_runs')
        .where('id', runId)
        .update({ progress_rows: read, message_params: JSON.stringify({ read }) })
        .catch(() => undefined);
    }
  };
  const options = run.options as { createUnits?: boolean; sheet?: string };
  const request: ImportRequest = {
    kind: run.kind as ImportRequest['kind'],
    mode: run.mode,
    fileName: run.file_name,
    bytes: Buffer.from(upload.bytes),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.createUnits === true ? { createUnits: true } : {}),
  };
  return (await runImport(db, user, request, { runId, onProgress })).run.status;
};
