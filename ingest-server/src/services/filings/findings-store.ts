// Findings of a filing: written in the filing's transaction; reconciliation findings are replaced whenever they are re-run.
import { type Finding } from '@portfund/shared-rules';
import { type Knex } from 'knex';

export const insertFindings = async (trx: Knex, filingId: number, source: 'check' | 'recon', findings: readonly Finding[], firstSeq = 0): Promise<void> => {
  const rows = findings.map((f, seq) => ({
    filing_id: filingId,
    source,
    code: f.code,
    severity: f.severity,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    row_no: f.row ?? null,
    field: f.field ?? null,
    params: JSON.stringify(f.params),
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    seq: firstSeq + seq,
  }));
  for (let i = 0; i < rows.length; i += 500) await trx('findings').insert(rows.slice(i, i + 500));
};

export const replaceReconFindings = async (trx: Knex, filingId: number, findings: readonly Finding[]): Promise<void> => {
  await trx('findings').where({ filing_id: filingId, source: 'recon' }).delete();
  await insertFindings(trx, filingId, 'recon', findings);
  await refreshCounts(trx, filingId);
};

/** The filing's error and warning counts over all its findings (check and reconciliation). */
export const refreshCounts = async (trx: Knex, filingId: number): Promise<void> => {
  const rows = await trx('findings').where('filing_id', filingId).select('severity').count<{ severity: string; count: string }[]>('* as count').groupBy('severity');
  const count = (s: string): number => Number(rows.find((r) => r.severity === s)?.count ?? 0);
  await trx('filings').where('id', filingId).update({ errors: count('error'), warnings: count('warning') });
};
