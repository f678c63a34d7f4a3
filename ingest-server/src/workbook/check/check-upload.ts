// An upload's check as the server needs it: the findings and the extracted data, without the snapshot (which is large
// and would have to cross from the checking worker to the server's thread). Plain data (amounts are decimal strings),
// so it is posted between threads as it is.
import { extractWorkbook, type WorkbookData } from '@portfund/shared-rules';
import { checkFileBytes, type FileCheck } from './check-file';

export interface UploadCheck extends Omit<FileCheck, 'snapshot'> {
  /** What the workbook holds, for storage; null when it is unreadable or not one of our templates. */
  readonly data: WorkbookData | null;
}

/** Checks and extracts in the calling thread (the worker runs this). */
export const checkUpload = async (bytes: Buffer, fileName: string): Promise<UploadCheck> => {
  const { snapshot, ...check } = await checkFileBytes(bytes, fileName);
  const data = snapshot === undefined || check.kind === null ? null : extractWorkbook(snapshot);
  return { ...check, data };
};
