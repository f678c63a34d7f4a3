// Downloads stream (issue 14): with back-pressure (wait while the client is slower than the server) and stopping as soon
// as the client goes, so an abandoned download frees its memory instead of piling up the rest of the file.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Response } from 'express';
import { type StreamControl } from '../services/export';

/** Downloads stopped because the client went away, and batches written: for operators and tests. */
export const downloadStats = { abandoned: 0 };

/** gone(): the client closed before the download finished · drained(): resolves when the response can take more. */
export const downloadControl = (res: Response): Required<StreamControl> => {
  let gone = false;
  res.once('close', () => {
    if (!res.writableFinished) {
      gone = true;
      downloadStats.abandoned += 1;
    }
  });
  const waitForDrain = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.once('drain', done);
      res.once('close', done);
    });
  return {
    gone: () => gone || res.destroyed,
    drained: async () => {
      // let a zip writer push what it has buffered into the response, then wait while the response is full
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (!gone && !res.destroyed && res.writableNeedDrain) await waitForDrain();
    },
  };
};

/** Pipes a source into the response; a client that leaves ends the source (not an error). */
export const streamTo = async (res: Response, source: Readable): Promise<void> => {
  const control = downloadControl(res);
  try {
    await pipeline(source, res);
  } catch (error) {
    if (!control.gone()) throw error;
  }
};

const CHUNK = 64 * 1024;

/** A buffer as a stream of 64 KB chunks, so even a whole file in memory is sent at the client's pace. */
export const bufferSource = (bytes: Buffer): Readable =>
  Readable.from(
    (function* chunks() {
      for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
    })(),
  );
