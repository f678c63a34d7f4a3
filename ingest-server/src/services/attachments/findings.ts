// file.attachment_missing is stored with the application's own check findings (so lists, counts and reports see it) and
// recomputed whenever its PDFs can change: a new application version, a PDF attached.
import { attachmentMissingFindings, type AttachmentKind } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';
import { insertFindings, refreshCounts } from '../filings/findings-store';
import { currentAttachments } from './read';

const CODE = 'file.attachment_missing';

export const refreshAttachmentFindings = async (trx: Knex, filing: Filing): Promise<void> => {
  if (filing.kind !== 'application') return;
  await trx('findings').where({ filing_id: filing.id, source: 'check', code: CODE }).delete();
  const present = new Set<AttachmentKind>((await currentAttachments(trx, filing)).map((r) => r.kind));
  const findings = attachmentMissingFindings(present, filing.year, filing.ubn);
  if (findings.length > 0) {
    // after the workbook's own findings, in their numbering
    const last = await trx('findings').where({ filing_id: filing.id, source: 'check' }).max<{ max: number | null }[]>('seq as max');
    const offset = Number(last[0]?.max ?? -1) + 1;
    await insertFindings(trx, filing.id, 'check', findings, offset);
  }
  await refreshCounts(trx, filing.id);
};
