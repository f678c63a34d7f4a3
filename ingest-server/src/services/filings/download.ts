// What a filing's download gives (issue 14): everyone who may see the filing gets a clean copy — a fresh template of the
// filing's version filled with its values (workbook/clean-copy.ts), so nothing active a union's file carried reaches a
// reviewer's Excel. The uploaded bytes stay stored and hashed for audit: only a ministry administrator gets them, after
// confirming with the file's SHA-256, and each such download is recorded (original_downloads).
import { createHash } from 'node:crypto';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';
import { type User } from '../../models/user';
import { cleanCopyInWorker } from '../../workbook/check/check-pool';
import { type Outcome, refuse } from '../result';

export interface FilingFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

const storedBytes = async (db: Knex, filing: Filing): Promise<Buffer | undefined> => {
  const row = await db('filing_files').where('filing_id', filing.id).first<{ bytes: Uint8Array } | undefined>();
  return row === undefined ? undefined : Buffer.from(row.bytes);
};

/** The clean copy of a filing: its stored file read again and written into a fresh template of its version. */
export const cleanFilingFile = async (db: Knex, filing: Filing): Promise<Outcome<FilingFile>> => {
  const bytes = await storedBytes(db, filing);
  if (bytes === undefined) return refuse('filing.file_missing');
  // generating a workbook takes seconds of CPU: in a check worker, so the server keeps answering meanwhile
  return { ok: true, fileName: filing.file_name, bytes: await cleanCopyInWorker(bytes, filing.kind, filing.template_version) };
};

/** The uploaded bytes, for a ministry administrator who confirmed with their SHA-256; recorded for audit. */
export const originalFilingFile = async (db: Knex, user: User, filing: Filing, confirm: string | undefined): Promise<Outcome<FilingFile>> => {
  if (user.role !== 'ministry' || !user.is_admin) return refuse('filing.original_admin_only');
  if (confirm?.toLowerCase() !== filing.sha256) return refuse('filing.original_unconfirmed', { sha256: filing.sha256 });
  const bytes = await storedBytes(db, filing);
  if (bytes === undefined) return refuse('filing.file_missing');
  // the stored bytes are the ones filed: the hash proves it before they leave
  if (createHash('sha256').update(bytes).digest('hex') !== filing.sha256) throw new Error(`filing ${filing.id}: stored bytes do not match their SHA-256`);
  await db('original_downloads').insert({ filing_id: filing.id, user_id: user.id, sha256: filing.sha256 });
  return { ok: true, fileName: filing.file_name, bytes };
};
