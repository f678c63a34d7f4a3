// One pass over an import file: the header, then every row through the shared checker, as the file streams. Findings go
// to a sink as they come; valid rows to a handler (officers only once the whole file confirmed their term). Used by the
// server (inside the import's transaction) and by `portfund import --dry-run` (no registry).
import { type Finding } from '@portfund/shared-rules';
import { createImportChecker, type DateTally, type ImportContext, type ImportKind, type RowOutcome } from '@portfund/shared-rules/src/registry';
import { type TableSource } from '../../tables/source';

const YIELD_EVERY = 1000;

export interface PassSummary {
  /** False when the header row was refused (no row was read). */
  readonly headerOk: boolean;
  /** Non-blank data rows. */
  readonly read: number;
  readonly valid: number;
  readonly rejected: number;
  readonly errors: number;
  readonly warnings: number;
  readonly dates: DateTally;
}

export interface PassHandlers<K extends ImportKind> {
  /** The header was accepted: the import column keys the file has (before any row). */
  onHeader?(present: ReadonlySet<string>): void;
  onFindings(findings: readonly Finding[]): Promise<void> | void;
  onValid(outcome: RowOutcome<K>): Promise<void> | void;
  /** Every YIELD_EVERY rows: the rows read so far (a queued import's progress). */
  onProgress?(read: number): void;
}

export const checkPass = async <K extends ImportKind>(source: TableSource, kind: K, ctx: ImportContext, handlers: PassHandlers<K>): Promise<PassSummary> => {
  const checker = createImportChecker(kind, ctx);
  let errors = 0;
  let warnings = 0;
  const emit = async (findings: readonly Finding[]): Promise<void> => {
    if (findings.length === 0) return;
    for (const f of findings) {
      if (f.severity === 'error') errors += 1;
      else warnings += 1;
    }
    await handlers.onFindings(findings);
  };
  let headerSeen = false;
  let headerOk = false;
  let read = 0;
  let rejected = 0;
  const held: RowOutcome<K>[] = [];
  for await (const { line, cells } of source.rows()) {
    if (!headerSeen) {
      headerSeen = true;
      // the header is the file's first row; a blank first row means there is none
      const match = checker.header(line === 1 ? cells : []);
      await emit(match.findings);
      headerOk = match.ok;
      if (!headerOk) break;
      handlers.onHeader?.(checker.present);
      if (line === 1) continue;
    }
    const outcome = checker.row(line - 1, cells);
    if (outcome.status === 'blank') continue;
    read += 1;
    // parsing and an in-process database (PGlite) resolve through microtasks only: let timers and other requests run
    if (read % YIELD_EVERY === 0) {
      handlers.onProgress?.(read);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await emit(outcome.findings);
    if (outcome.status === 'rejected') rejected += 1;
    else if (checker.deferred) held.push(outcome);
    else await handlers.onValid(outcome);
  }
  if (!headerSeen) {
    const match = checker.header([]);
    await emit(match.findings);
  }
  if (headerOk) {
    const finish = checker.finish();
    await emit(finish.findings);
    for (const outcome of held) {
      if (finish.rejectedRows.has(outcome.row)) rejected += 1;
      else await handlers.onValid(outcome);
    }
  }
  return { headerOk, read, valid: read - rejected, rejected, errors, warnings, dates: { ...checker.dates } };
};
