// An import run (SPEC §8): the file is read (CSV in any supported encoding, or XLSX streamed), every row checked with
// the shared rules against the importing local government's registry, and — in one transaction holding that
// registry's lock — either nothing is written (dry run: the writes of a second pass are rolled back, so it can say
// what would change), the valid rows are upserted, or (all or nothing) the rows are upserted only when a first pass
// found no error. The run, its counts and its findings (the first 200 of each code, then a count) are recorded in every
// mode; a dry run stores nothing else.
import { makeFinding, taipeiDate, type Finding, type FindingParams, type Reason, type TextCode } from '@portfund/shared-rules';
import { IMPORT_KIND_LABELS, type ImportKind, type ImportRecords, UnitDirectory } from '@portfund/shared-rules/src/registry';
import { type Knex } from 'knex';
import { openTable } from '../../tables/open-table';
import { IMPORT_REASONS } from '../../tables/reasons';
import { TableReadError, type TableSource } from '../../tables/source';
import { type User } from '../../models/user';
import { sha256 } from './hash';
import { checkPass, type PassSummary } from './pipeline';
import { loadImportContext } from './registry-context';
import { FindingSink, type ImportMode, type ImportRunRow, type RunStatus } from './store';
import { addCounts, noWrites, type WriteCounts } from './upsert';
import { WRITERS, type WriteTarget } from './writers';

export interface ImportRequest {
  readonly kind: ImportKind;
  readonly mode: ImportMode;
  readonly fileName: string;
  readonly bytes: Buffer;
  /** XLSX: the sheet to read (default the first). */
  readonly sheet?: string;
  /** Volunteers: create a missing 志工隊 / 志工小隊 under a known 運用單位. */
  readonly createUnits?: boolean;
  /** ISO date the checks use as today (default: today in Taipei). */
  readonly today?: string;
}

export interface ImportOutcome {
  readonly run: ImportRunRow;
  /** The first findings (the first FINDINGS_PER_CODE of each code are stored with the run and in its report). */
  readonly findings: readonly Finding[];
}

/** Rows per upsert statement (parameters stay far below PostgreSQL's 65,535). */
const BATCH_ROWS: Readonly<Record<ImportKind, number>> = { units: 100, unions: 200, officers: 500, volunteers: 500, training: 1000, service_hours: 1000 };
/** Findings returned with the answer; the rest are in GET /imports/:id and the report. */
export const FINDINGS_IN_ANSWER = 200;

/** The run's result as an import run text code and its counts (import_runs.message_code, message_params). */
const resultOf = (mode: ImportMode, status: RunStatus, pass: PassSummary, writes: WriteCounts): { message_code: TextCode; message_params: string } => {
  const { inserted, updated, unchanged } = writes;
  const { read, valid, rejected } = pass;
  const result = (code: TextCode, params: FindingParams = {}) => ({ message_code: code, message_params: JSON.stringify(params) });
  if (!pass.headerOk) return result('run.header_invalid');
  if (mode === 'dry_run') return result('run.dry_run', { read, valid, rejected, inserted, updated, unchanged });
  if (status === 'rejected') return result('run.rejected', { rejected });
  return result(rejected > 0 ? 'run.applied_partly' : 'run.applied', { valid, inserted, updated, unchanged, ...(rejected > 0 ? { rejected } : {}) });
};

export interface Opened {
  readonly source: TableSource | null;
  readonly reason: Reason | null;
}

const lockRegistry = (trx: Knex.Transaction, ownerId: number): Promise<unknown> => trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`registry|${ownerId}`]);

/** How a queued run is carried out (services/registry/queued-import.ts): its row, and where its progress goes. */
export interface RunTarget {
  readonly runId?: number;
  readonly onProgress?: (rowsRead: number) => void;
}

const insertRun = async (trx: Knex.Transaction, user: User, request: ImportRequest, hash: string, source: TableSource | null, target: RunTarget): Promise<ImportRunRow> => {
  if (target.runId !== undefined) {
    // a queued run: its row exists (written at the end, so progress can be written aside meanwhile); its file is no
    // longer needed once this transaction commits
    await trx('import_uploads').where('run_id', target.runId).delete();
    const queued = await trx('import_runs').where('id', target.runId).first<ImportRunRow | undefined>();
    if (queued === undefined) throw new Error(`import run ${target.runId} is gone`);
    return queued;
  }
  const [run] = (await trx('import_runs')
    .insert({
      organization_id: user.organization_id,
      user_id: user.id,
      kind: request.kind,
      mode: request.mode,
      status: request.mode === 'dry_run' ? 'dry_run' : 'rejected',
      file_name: request.fileName,
      file_sha256: hash,
      size_bytes: request.bytes.length,
      format: source?.format ?? null,
      encoding: source?.encoding ?? null,
      options: { createUnits: request.createUnits === true, ...(request.sheet !== undefined ? { sheet: request.sheet } : {}) },
    })
    .returning('*')) as ImportRunRow[];
  if (run === undefined) throw new Error('import_runs insert returned nothing');
  return run;
};

/** A run whose file could not be read (at all, or part-way): recorded with the reason; nothing else is written. */
const recordUnreadable = async (db: Knex, user: User, request: ImportRequest, hash: string, source: TableSource | null, reason: Reason, target: RunTarget): Promise<ImportOutcome> =>
  db.transaction(async (trx) => {
    const run = await insertRun(trx, user, request, hash, source, target);
    const sink = new FindingSink(trx, run.id, FINDINGS_IN_ANSWER);
    const finding = makeFinding('file.unreadable', {}, reason);
    await sink.add([finding]);
    await sink.finish();
    const [done] = (await trx('import_runs')
      .where('id', run.id)
      .update({ status: 'unreadable', format: source?.format ?? null, encoding: source?.encoding ?? null, errors: 1, findings_stored: sink.stored, message_code: finding.code, message_params: JSON.stringify(finding.params), sheet: source?.sheet() ?? null, finished_at: trx.fn.now() })
      .returning('*')) as ImportRunRow[];
    return { run: done ?? run, findings: sink.first };
  });

const applyRun = async (db: Knex, user: User, request: ImportRequest, hash: string, source: TableSource, runTarget: RunTarget): Promise<ImportOutcome> =>
  db.transaction(async (trx) => {
    const ownerId = user.organization_id;
    await lockRegistry(trx, ownerId);
    const run = await insertRun(trx, user, request, hash, source, runTarget);
    const sink = new FindingSink(trx, run.id, FINDINGS_IN_ANSWER);
    const options = { today: request.today ?? taipeiDate(new Date()), createUnits: request.createUnits === true };
    const writes = noWrites();
    // read once: only a writing pass changes the registry, and none runs before another pass (valid rows: the one pass
    // writes; all or nothing and dry run: the first pass writes nothing, the second is the last). A writing pass adds
    // the units it creates to ctx.units itself.
    const ctx = await loadImportContext(trx, ownerId, request.kind, options);

    const pass = async (write: boolean, record: boolean): Promise<PassSummary> => {
      let target: WriteTarget = { trx, ownerId, runId: run.id, units: ctx.units ?? new UnitDirectory('', []), present: new Set(), dryRun: request.mode === 'dry_run' };
      const writer = WRITERS[request.kind] as (t: WriteTarget, records: readonly ImportRecords[ImportKind][]) => Promise<WriteCounts>;
      let batch: ImportRecords[ImportKind][] = [];
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const records = batch;
        batch = [];
        addCounts(writes, await writer(target, records));
      };
      const summary = await checkPass(source, request.kind, ctx, {
        onHeader: (present) => {
          target = { ...target, present };
        },
        onFindings: (findings) => (record ? sink.add(findings) : undefined),
        ...(record && runTarget.onProgress !== undefined ? { onProgress: runTarget.onProgress } : {}),
        onValid: async (outcome) => {
          if (!write || outcome.record === null) return;
          batch.push(outcome.record);
          if (batch.length >= BATCH_ROWS[request.kind]) await flush();
        },
      });
      await flush();
      return summary;
    };

    // all or nothing: check everything first, write only when no row has an error (the second pass sees the same
    // registry: the lock is held throughout)
    const first = await pass(request.mode === 'valid_rows', true);
    await sink.finish();
    const clean = first.headerOk && first.rejected === 0;
    if (request.mode === 'all_or_nothing' && clean) await pass(true, false);
    if (request.mode === 'dry_run' && first.headerOk && first.valid > 0) {
      // what valid rows would do, written and undone in a savepoint (the findings are already stored outside it)
      await trx.raw('SAVEPOINT import_dry_run');
      await pass(true, false);
      await trx.raw('ROLLBACK TO SAVEPOINT import_dry_run');
    }
    const applied = request.mode === 'valid_rows' ? first.headerOk : request.mode === 'all_or_nothing' && clean;
    const status: RunStatus = request.mode === 'dry_run' ? 'dry_run' : applied ? 'applied' : 'rejected';
    const [done] = (await trx('import_runs')
      .where('id', run.id)
      .update({
        status,
        format: source.format,
        encoding: source.encoding,
        sheet: source.sheet(),
        dates_gregorian: first.dates.gregorian,
        dates_roc: first.dates.roc,
        rows_read: first.read,
        rows_valid: first.valid,
        rows_inserted: writes.inserted,
        rows_updated: writes.updated,
        rows_unchanged: writes.unchanged,
        rows_rejected: first.rejected,
        errors: first.errors,
        warnings: first.warnings,
        findings_stored: sink.stored,
        findings_omitted: JSON.stringify(sink.omittedCounts()),
        ...resultOf(request.mode, status, first, writes),
        finished_at: trx.fn.now(),
      })
      .returning('*')) as ImportRunRow[];
    return { run: done ?? run, findings: sink.first };
  });

/** Imports one file for the user's local government (the route allows local governments only). */
export const runImport = async (db: Knex, user: User, request: ImportRequest, target: RunTarget = {}): Promise<ImportOutcome> => {
  const hash = sha256(request.bytes);
  const opened = await openImport(request);
  if (opened.source === null) return recordUnreadable(db, user, request, hash, null, opened.reason ?? IMPORT_REASONS.empty, target);
  try {
    return await applyRun(db, user, request, hash, opened.source, target);
  } catch (error) {
    // unreadable part-way: the transaction rolled back whatever it had written
    if (error instanceof TableReadError) return recordUnreadable(db, user, request, hash, opened.source, error.reason, target);
    throw error;
  }
};

/** Opens the request's file as a table (no row is read yet), or says why it cannot be. */
export const openImport = async (request: ImportRequest): Promise<Opened> =>
  openTable(request.bytes, request.sheet !== undefined ? { sheet: request.sheet } : {}).then((o) => (o.ok ? { source: o.source, reason: null } : { source: null, reason: o.reason }));

/** A file that cannot be opened at all, recorded as an unreadable run at once (the request answers 422). */
export const recordUnopenable = (db: Knex, user: User, request: ImportRequest, reason: Reason | null): Promise<ImportOutcome> =>
  recordUnreadable(db, user, request, sha256(request.bytes), null, reason ?? IMPORT_REASONS.empty, {});

export const kindLabel = (kind: ImportKind): string => IMPORT_KIND_LABELS[kind];
