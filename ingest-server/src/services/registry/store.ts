// Import runs and their findings: who imported which file when, in which mode, with what result (SPEC §8 "each import
// run is recorded"). Findings are written in batches as the file streams, so a 100,000-row file never holds them all.
import { type Finding, type FindingParams } from '@portfund/shared-rules';
import { type Knex } from 'knex';

export type ImportMode = 'dry_run' | 'valid_rows' | 'all_or_nothing';
export type RunStatus = 'dry_run' | 'applied' | 'rejected' | 'unreadable';

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
  created_at: Date;
  finished_at: Date | null;
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

/** Collects the findings of a run and writes them in order (seq) in batches; keeps the first few for the answer. */
export class FindingSink {
  readonly first: Finding[] = [];
  private buffer: Record<string, unknown>[] = [];
  private seq = 0;

  constructor(
    private readonly db: Knex,
    private readonly runId: number,
    private readonly keep: number,
  ) {}

  get total(): number {
    return this.seq;
  }

  async add(findings: readonly Finding[]): Promise<void> {
    for (const f of findings) {
      this.seq += 1;
      if (this.first.length < this.keep) this.first.push(f);
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
      if (this.buffer.length >= BATCH) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.db('import_findings').insert(rows);
  }
}

/** The findings of a run in order, a page at a time (the report streams them). */
export const findingsPage = (db: Knex, runId: number, afterSeq: number, limit: number): Promise<ImportFindingRow[]> =>
  db('import_findings').where('run_id', runId).andWhere('seq', '>', afterSeq).orderBy('seq').limit(limit).select<ImportFindingRow[]>('seq', 'code', 'severity', 'row_no', 'field', 'params', 'expected', 'actual');
