// An upload becomes a filing: idempotency by SHA-256, the full offline check, the union and period, then — in one
// transaction with a per-period lock — the next version, its file, findings, extracted data, the older open versions
// closed as 已被取代, reconciliation and the local government's notice.
import { createHash } from 'node:crypto';
import { makeFinding, type Finding } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { isUniqueViolation } from '../../db/pg-errors';
import { Filing } from '../../models/filing';
import { type User } from '../../models/user';
import { recordFindings } from '../../observability/metrics';
import { CheckUnavailable, checkUploadInWorker } from '../../workbook/check/check-pool';
import { type UploadCheck } from '../../workbook/check/check-upload';
import { reconcileAround } from '../reconcile';
import { type Refusal, type RefusalCode, refuse } from '../result';
import { findUnionInScope, scopedFilings } from '../scope';
import { refreshAttachmentFindings } from '../attachments/findings';
import { storeExtraction } from './extraction-store';
import { insertFindings, refreshCounts } from './findings-store';
import { quarterOfPeriod } from './period';
import { notifySubmission, supersedeOlderVersions } from './supersede';

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A new version (created), the same bytes filed before, or refused with the findings that say why. */
export type IngestOutcome = { readonly ok: true; readonly filing: Filing; readonly created: boolean } | (Refusal & { readonly file: string; readonly findings: readonly Finding[] });

const rejected = (file: string, code: RefusalCode, findings: readonly Finding[]): IngestOutcome => ({ ...refuse(code), file, findings });

/** Seconds a client is told to wait when the check queue is full or the server is shutting down (Retry-After). */
export const CHECK_RETRY_SECONDS = 30;

/** The check pool could not take the file (queue full, or closed by a shutdown): refused with nothing checked or written. */
export const checkUnavailable = (file: string, error: CheckUnavailable): IngestOutcome => ({
  ...refuse(error.reason === 'queue_full' ? 'upload.queue_full' : 'upload.shutting_down', { seconds: CHECK_RETRY_SECONDS }),
  file,
  findings: [],
});

export const ingestFile = async (db: Knex, user: User, file: UploadedFile): Promise<IngestOutcome> => {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const same = await scopedFilings(db, user).where('sha256', sha256).first();
  if (same !== undefined) return { ok: true, filing: same, created: false };

  // in a worker thread: the event loop keeps serving other requests while a large workbook is read and checked
  let checked: UploadCheck;
  try {
    checked = await checkUploadInWorker(file.bytes, file.name);
  } catch (error) {
    if (error instanceof CheckUnavailable) return checkUnavailable(file.name, error);
    throw error;
  }
  if (!checked.readable) return rejected(file.name, 'upload.unreadable', checked.findings);
  if (checked.kind === null || checked.templateVersion === null) return rejected(file.name, 'upload.not_a_template', checked.findings);
  const data = checked.data;
  if (data === null) return rejected(file.name, 'upload.template_unknown', checked.findings);

  const quarter = data.kind === 'cashbook' ? quarterOfPeriod(data.period) : 0;
  if (data.year === null || quarter === null || data.ubn === null) {
    return rejected(file.name, 'upload.period_unknown', checked.findings);
  }
  const union = await findUnionInScope(db, user, data.ubn);
  if (union === undefined) {
    const reason = user.role === 'union' ? 'union.not_yours' : 'union.not_in_jurisdiction';
    const unknown = makeFinding('recon.union_unknown', { field: data.kind === 'cashbook' ? 'cb_ubn' : 'app_ubn' }, { actual: data.ubn, reason });
    return rejected(file.name, 'upload.union_out_of_scope', [unknown, ...checked.findings]);
  }

  const year = data.year;
  try {
    const result = await db.transaction(async (trx) => {
      // concurrent uploads for one union and period get consecutive versions: serialise them on a per-period lock
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`filing|${union.id}|${data.kind}|${year}|${quarter}`]);
      // the same bytes may have been filed while we waited for the lock
      const filedMeanwhile = await Filing.query(trx).where('sha256', sha256).first();
      if (filedMeanwhile !== undefined) return { filing: filedMeanwhile, created: false, stored: [] };
      const last = await trx('filings').where({ union_id: union.id, kind: data.kind, year, quarter }).max<{ max: number | null }[]>('version as max');
      const inserted = await Filing.query(trx).insertAndFetch({
        kind: data.kind,
        union_id: union.id,
        ubn: data.ubn ?? '',
        year,
        quarter,
        version: Number(last[0]?.max ?? 0) + 1,
        sha256,
        file_name: file.name,
        size_bytes: file.bytes.length,
        template_version: checked.templateVersion ?? '',
        status: 'submitted',
        uploaded_by: user.id,
        meta: { unionName: data.unionName, ...(data.kind === 'application' ? { members: data.members, unionType: data.unionType } : { period: data.period }) },
      });
      await trx('filing_files').insert({ filing_id: inserted.id, bytes: file.bytes });
      await insertFindings(trx, inserted.id, 'check', checked.findings);
      await storeExtraction(trx, inserted.id, data);
      // an application keeps the PDFs already given for its year; without them it carries file.attachment_missing
      await refreshAttachmentFindings(trx, inserted);
      await refreshCounts(trx, inserted.id);
      const superseded = await supersedeOlderVersions(trx, user, inserted);
      await reconcileAround(trx, inserted, 'upload');
      const filed = await Filing.query(trx).findById(inserted.id).throwIfNotFound();
      await notifySubmission(trx, user, union, filed, superseded);
      // the new version's findings as stored (check, attachments, reconciliation), counted once it is committed
      const stored = await trx('findings').where('filing_id', inserted.id).select<{ code: string; severity: string }[]>('code', 'severity');
      return { filing: filed, created: true, stored };
    });
    recordFindings(result.stored);
    return { ok: true, filing: result.filing, created: result.created };
  } catch (error) {
    // the same bytes uploaded twice at the same moment: the second finds the first
    if (isUniqueViolation(error)) {
      const existing = await scopedFilings(db, user).where('sha256', sha256).first();
      if (existing !== undefined) return { ok: true, filing: existing, created: false };
    }
    throw error;
  }
};
