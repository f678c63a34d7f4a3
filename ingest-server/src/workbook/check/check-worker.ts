// Worker-thread entry (started by check-pool.ts): checks one upload at a time away from the server's event loop.
import { parentPort } from 'node:worker_threads';
import { checkUpload, type UploadCheck } from './check-upload';

export interface CheckJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

export interface CheckReply {
  readonly id: number;
  /** Plain data: structured clone carries it unchanged. */
  readonly check: UploadCheck;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (job: CheckJob) => {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    // an exception here is a bug: let it reach the pool as the worker's 'error' event
    void checkUpload(bytes, job.fileName).then((check) => {
      const reply: CheckReply = { id: job.id, check };
      port.postMessage(reply);
    });
  });
}
