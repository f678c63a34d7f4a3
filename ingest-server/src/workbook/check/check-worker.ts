// Worker-thread entry (started by check-pool.ts): checks one upload, or writes one clean copy, at a time away from the
// server's event loop.
import { type WorkbookKind } from '@portfund/shared-rules';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { type PdfInspection } from '../../attachments/pdf-gate';
import { rememberFormulas } from '../read/formula-memory';
import { checkUpload, type UploadCheck } from './check-upload';

export interface CheckJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Set for a reviewer's download: write the file's clean copy instead of checking it. */
  readonly cleanCopy?: { readonly kind: WorkbookKind; readonly version: string };
  /** Set for a PDF attachment: parse and inspect it (attachments/pdf-gate.ts) instead of checking a workbook. */
  readonly pdf?: true;
}

/** Plain data: structured clone carries it unchanged. `heapMb`: the worker's heap in use once the job was done. */
export type CheckReply = (
  | { readonly id: number; readonly check: UploadCheck }
  | { readonly id: number; readonly copy: Uint8Array }
  | { readonly id: number; readonly pdf: PdfInspection }
) & { readonly heapMb?: number };

const heapMb = (): number => getHeapStatistics().used_heap_size / (1024 * 1024);

// a worker checks upload after upload of the same templates: their formulas are read once (read/formula-memory.ts)
rememberFormulas(true);

const port = parentPort;
if (port !== null) {
  port.on('message', (job: CheckJob) => {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    // an exception here is a bug: let it reach the pool as the worker's 'error' event
    if (job.pdf === true) {
      // the PDF parser and the template writer (exceljs) load on first use: a worker that only checks starts without them
      void import('../../attachments/pdf-gate').then(({ inspectPdfBytes }) => inspectPdfBytes(bytes)).then((pdf) => {
        const reply: CheckReply = { id: job.id, pdf, heapMb: heapMb() };
        port.postMessage(reply);
      });
      return;
    }
    if (job.cleanCopy !== undefined) {
      const { kind, version } = job.cleanCopy;
      void import('../clean-copy').then(({ cleanCopyOfFile }) => cleanCopyOfFile(bytes, kind, version)).then((copy) => {
        const reply: CheckReply = { id: job.id, copy: new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength), heapMb: heapMb() };
        port.postMessage(reply);
      });
      return;
    }
    void checkUpload(bytes, job.fileName).then((check) => {
      const reply: CheckReply = { id: job.id, check, heapMb: heapMb() };
      port.postMessage(reply);
    });
  });
}
