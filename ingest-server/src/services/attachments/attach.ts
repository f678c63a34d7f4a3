// A PDF of an application becomes a new version of its kind (seed 004 §1.2(二)3): named by its file name in an upload
// (115_<UBN>_metting.pdf / _method.pdf) or by the filing page's upload control; the PDF gate first (attachments/pdf-gate.ts,
// the parse in a check worker), then — under the application's per-period lock — attached to the latest application version.
import { createHash } from 'node:crypto';
import { type ApplicationAttachment } from '@portfund/api-contract';
import { makeFinding, parseFileName, type Finding, type Reason } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { sniffPdf } from '../../attachments/pdf-gate';
import { type Config } from '../../config';
import { Filing } from '../../models/filing';
import { type User } from '../../models/user';
import { CheckUnavailable, inspectPdfInWorker } from '../../workbook/check/check-pool';
import { periodLabel } from '../filings/period';
import { type RefusalCode, refuse } from '../result';
import { findUnionInScope } from '../scope';
import { refreshAttachmentFindings } from './findings';
import { currentAttachments } from './read';
import { checkUnavailable, type IngestOutcome, type UploadedFile } from '../filings/ingest';

export type PdfLimits = Pick<Config, 'maxPdfBytes' | 'pdfCheckMs'>;

/** Where a PDF goes: the application filing a page names and the kind it was given for. */
export interface AttachmentTarget {
  readonly filing: Filing;
  readonly kind: ApplicationAttachment;
}

// an application that has been decided no longer takes new documents
const CLOSED: Readonly<Partial<Record<Filing['status'], string>>> = { approved: '核准', rejected: '否決' };

export { isAttachmentName } from '../../attachments/pdf-gate';

const refused = (file: string, code: RefusalCode, reason: Reason): IngestOutcome => {
  const finding: Finding = makeFinding('file.attachment_refused', {}, { ...reason, actual: file });
  return { ...refuse(code), file, findings: [finding] };
};

export const attachFile = async (db: Knex, user: User, file: UploadedFile, limits: PdfLimits, target?: AttachmentTarget): Promise<IngestOutcome> => {
  // which application and which of its two PDFs: the page says it, else the file name must
  let kind: ApplicationAttachment;
  let unionId: number;
  let year: number;
  if (target !== undefined) {
    ({ kind } = target);
    unionId = target.filing.union_id;
    year = target.filing.year;
  } else {
    const parsed = parseFileName(file.name);
    if (parsed === null || (parsed.kind !== 'meeting' && parsed.kind !== 'method')) return refused(file.name, 'attachment.refused', { reason: 'pdf.name_unknown' });
    const union = await findUnionInScope(db, user, parsed.ubn);
    // a union outside the uploader's reach answers like a year without an application: nothing about other jurisdictions
    if (union === undefined) return refused(file.name, 'attachment.no_application', { reason: 'pdf.no_application', year: periodLabel(Number(parsed.year), 0) });
    kind = parsed.kind;
    unionId = union.id;
    year = Number(parsed.year);
  }

  const sniffed = sniffPdf(file.bytes, limits.maxPdfBytes);
  if (sniffed !== null && !sniffed.ok) return refused(file.name, 'attachment.refused', sniffed.reason);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // the parse runs in a check worker under its heap limit and a timeout: a hostile PDF never holds the server
  const inspected = await inspectPdfInWorker(file.bytes, limits.pdfCheckMs).catch((error: unknown) => {
    if (error instanceof CheckUnavailable) return error;
    throw error;
  });
  if (inspected instanceof CheckUnavailable) return checkUnavailable(file.name, inspected);
  if (!inspected.ok) return refused(file.name, 'attachment.refused', inspected.reason);

  return db.transaction(async (trx): Promise<IngestOutcome> => {
    // the application's own per-period lock (services/filings/ingest.ts): a new workbook version and a PDF never interleave
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`filing|${unionId}|application|${year}|0`]);
    const latest = await Filing.query(trx).where({ union_id: unionId, kind: 'application', year, quarter: 0 }).orderBy('version', 'desc').first();
    if (latest === undefined) return refused(file.name, 'attachment.no_application', { reason: 'pdf.no_application', year: periodLabel(year, 0) });
    const closed = CLOSED[latest.status];
    if (closed !== undefined) return refused(file.name, 'attachment.closed', { reason: 'pdf.application_closed', year: periodLabel(year, 0), status: closed });
    const current = (await currentAttachments(trx, latest)).find((r) => r.kind === kind);
    // the same bytes again: nothing new, the application as it is (idempotent like a workbook upload)
    if (current?.sha256 === sha256) return { ok: true, filing: latest, created: false };
    const last = await trx('filing_attachments').where({ union_id: unionId, year, kind }).max<{ max: number | null }[]>('version as max');
    await trx('filing_attachments').insert({
      union_id: unionId,
      year,
      kind,
      version: Number(last[0]?.max ?? 0) + 1,
      filing_id: latest.id,
      sha256,
      file_name: file.name,
      size_bytes: file.bytes.length,
      pages: inspected.pages,
      bytes: file.bytes,
      uploaded_by: user.id,
    });
    await refreshAttachmentFindings(trx, latest);
    return { ok: true, filing: await Filing.query(trx).findById(latest.id).throwIfNotFound(), created: true };
  });
};
