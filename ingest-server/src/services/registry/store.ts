// Import runs and their findings: who imported which file when, in which mode, with what result (SPEC §8 "each import
// run is recorded"). Findings are written in batches as the file streams, so a 100,000-row file never holds them all.
import { makeFinding, type Finding, type FindingParams } from '@portfund/shared-rules';
import { type Knex } from 'knex';

export type ImportMode = 'dry_run' | 'valid_rows' | 'all_or_nothing';
export type RunStatus = 'dry_run' | 'applied' | 'rejected' | 'unreadable' | 'queued' | 'running' | 'failed';

export interface ImportRunRow {
  id: number;
  organization_id: number;
  user_id: number;
  kind: string;
  mode: ImportMode;
  status: RunStatus;
  file_name: string;
  file_sha256: string;
  size_bytes: number;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  sheet: string | null;
  dates_gregorian: number;
  dates_roc: number;
  options: Record<string, unknown>;
  rows_read: number;
  rows_valid: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
  errors: number;
  warnings: number;
  /** The run's result as a code (an import run text, or file.unreadable) and its params; rendered when shown (view.ts). */
  message_code: string | null;
  message_params: FindingParams;
  /** Rows stored in import_findings (capped per code) and the per-code counts of the findings not stored. */
  findings_stored: number;
  findings_omitted: Record<string, number>;
  created_at: Date;
  finished_at: Date | null;
  /** A queued run being carried out: the rows read so far (written aside on PostgreSQL; see queued-import.ts). */
  progress_rows: number;
}

export interface ImportFindingRow {
  seq: number;
  code: string;
  severity: 'error' | 'warning';
  row_no: number | null;
  field: string | null;
  /** The message's params; the text is rendered when shown (view.ts, report-xlsx.ts). */
  params: FindingParams;
  expected: string | null;
  actual: string | null;
}

const BATCH = 500;
/** Findings of one code stored per run; the rest are counted (issue 14: a dry run of a million broken rows stores ≤ a few thousand). */
export const FINDINGS_PER_CODE = 200;

/**
 * Collects the findings of a run and writes them in order (seq) in batches: the first FINDINGS_PER_CODE of each code,
 * then only a count per code; finish() adds one import.findings_omitted row per capped code. Keeps the first few for the answer.
 */
export class FindingSink {
  readonly first: Finding[] = [];
  private buffer: Record<string, unknown>[] = [];
  private seq = 0;
  private readonly perCode = new Map<string, number>();
  /** Findings seen but not stored, by code. */
  readonly omitted = new Map<string, number>();

  constructor(
    private readonly db: Knex,
    private readonly runId: number,
    private readonly keep: number,
    private readonly perCodeCap: number = FINDINGS_PER_CODE,
  ) {}

  /** Rows written (or about to be) for the run. */
  get stored(): number {
    return this.seq;
  }

  async add(findings: readonly Finding[]): Promise<void> {
    for (const f of findings) {
      const seen = (this.perCode.get(f.code) ?? 0) + 1;
      this.perCode.set(f.code, seen);
      if (seen > this.perCodeCap) {
        this.omitted.set(f.code, (this.omitted.get(f.code) ?? 0) + 1);
        continue;
      }
      if (this.first.length < this.keep) this.first.push(f);
      this.push(f);
      if (this.buffer.length >= BATCH) await this.flush();
    }
  }

  /** Writes what is buffered and one summary row per capped code; call once, after the last add(). */
  async finish(): Promise<void> {
    for (const [code, count] of this.omitted) this.push(makeFinding('import.findings_omitted', {}, { findingCode: code, count }));
    await this.flush();
  }

  /** The per-code counts of what was not stored, as the run keeps them. */
  omittedCounts(): Record<string, number> {
    return Object.fromEntries(this.omitted);
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.db('import_findings').insert(rows);
  }

  private push(f: Finding): void {
    this.seq += 1;
    this.buffer.push({
      run_id: this.runId,
      seq: this.seq,
      code: f.code,
      severity: f.severity,
      row_no: f.row ?? null,
      field: f.field ?? null,
      params: JSON.stringify(f.params),
      expected: f.expected ?? null,
      actual: f.actual ?? null,
    });
  }
}

/** The findings of a run in order, a page at a time (the report streams them). */
export const findingsPage = (db: Knex, runId: number, afterSeq: number, limit: number): Promise<ImportFindingRow[]> =>
  db('import_findings').where('run_id', runId).andWhere('seq', '>', afterSeq).orderBy('seq').limit(limit).select<ImportFindingRow[]>('seq', 'code', 'severity', 'row_no', 'field', 'params', 'expected', 'actual');
