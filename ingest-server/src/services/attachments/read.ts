// An application's PDFs as a filing shows them: for each kind, the newest version attached to this application version or
// an earlier one (a PDF given later stays on later versions until replaced; an older version never sees a later PDF).
import { APPLICATION_ATTACHMENTS, type ApplicationAttachment } from '@portfund/api-contract';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';

export interface AttachmentRow {
  readonly id: number;
  readonly kind: ApplicationAttachment;
  readonly version: number;
  readonly file_name: string;
  readonly size_bytes: number;
  readonly pages: number;
  readonly sha256: string;
  readonly created_at: Date;
  readonly filing_version: number;
}

const COLUMNS = ['a.id', 'a.kind', 'a.version', 'a.file_name', 'a.size_bytes', 'a.pages', 'a.sha256', 'a.created_at', 'f.version as filing_version'];

/** The PDFs this filing shows, one per kind at most (none for a cash book). */
export const currentAttachments = async (db: Knex, filing: Filing): Promise<AttachmentRow[]> => {
  if (filing.kind !== 'application') return [];
  const rows = await db('filing_attachments as a')
    .join('filings as f', 'f.id', 'a.filing_id')
    .where({ 'a.union_id': filing.union_id, 'a.year': filing.year })
    .andWhere('f.version', '<=', filing.version)
    .orderBy([{ column: 'a.kind' }, { column: 'a.version', order: 'desc' }])
    .select<AttachmentRow[]>(COLUMNS);
  return APPLICATION_ATTACHMENTS.flatMap((kind) => rows.filter((r) => r.kind === kind).slice(0, 1));
};

export const attachmentView = (row: AttachmentRow) => ({
  kind: row.kind,
  version: row.version,
  fileName: row.file_name,
  sizeBytes: row.size_bytes,
  pages: row.pages,
  sha256: row.sha256,
  uploadedAt: new Date(row.created_at).toISOString(),
  filingVersion: row.filing_version,
});

/** GET /api/filings/:id/attachments: the PDFs and which of the two an application still lacks. */
export const attachmentList = async (db: Knex, filing: Filing) => {
  const rows = await currentAttachments(db, filing);
  const missing = filing.kind === 'application' ? APPLICATION_ATTACHMENTS.filter((kind) => !rows.some((r) => r.kind === kind)) : [];
  return { attachments: rows.map(attachmentView), missing };
};

/** The bytes of one PDF the filing shows; undefined when it has none of that kind. */
export const attachmentFile = async (db: Knex, filing: Filing, kind: ApplicationAttachment): Promise<{ fileName: string; bytes: Buffer } | undefined> => {
  const row = (await currentAttachments(db, filing)).find((r) => r.kind === kind);
  if (row === undefined) return undefined;
  const stored = await db('filing_attachments').where('id', row.id).first<{ bytes: Uint8Array }>('bytes');
  return { fileName: row.file_name, bytes: Buffer.from(stored.bytes) };
};
