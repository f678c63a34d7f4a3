// Promise wrappers around yauzl that never leave an error unhandled and never buffer a whole entry.
import { type Entry, type ZipFile, fromBuffer } from 'yauzl';

/** Returned by an entry visitor to stop listing early with a verdict. */
export type Visit<T> = { stop: T } | null;

const noop = (): void => undefined;

export function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // A fresh options object each time: yauzl writes into it.
    const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true };
    fromBuffer(bytes, options, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zipfile'));
      zip.on('error', noop); // a late error after our verdict must not crash the process
      resolve(zip);
    });
  });
}

/**
 * Reads the central directory one record at a time, handing each entry to `visit` before the next
 * is read, so a verdict on an early entry stops the listing without reading the rest.
 */
export function listEntries<T>(zip: ZipFile, visit: (entry: Entry) => Visit<T>): Promise<Entry[] | { stop: T }> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    const onEntry = (entry: Entry): void => {
      try {
        const verdict = visit(entry);
        if (verdict) return finish(verdict);
        entries.push(entry);
        zip.readEntry();
      } catch (err) {
        finish(null, err); // this runs inside yauzl's callback: a throw here would be uncaught
      }
    };
    const onEnd = (): void => finish(entries);
    const onError = (err: unknown): void => finish(null, err);
    const finish = (value: Entry[] | { stop: T } | null, err?: unknown): void => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      if (value) resolve(value);
      else reject(err);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/**
 * Streams one entry's decompressed bytes to `onChunk`; returning false stops and destroys the stream.
 * Resolves true when the entry was read to its end, false when stopped early; rejects on any error.
 */
export function streamEntry(zip: ZipFile, entry: Entry, onChunk: (chunk: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      stream.on('error', (streamErr) => {
        stream.destroy(); // also stops the inflater feeding it
        reject(streamErr);
      });
      stream.on('end', () => resolve(true));
      stream.on('data', (chunk: Buffer) => {
        if (onChunk(chunk)) return;
        stream.destroy();
        resolve(false);
      });
    });
  });
}

/** Keeps at most `cap` bytes of an entry; null when the entry is longer than that. */
export async function readSmallEntry(zip: ZipFile, entry: Entry, cap: number): Promise<Buffer | null> {
  if (entry.uncompressedSize > cap) return null;
  const chunks: Buffer[] = [];
  let kept = 0;
  const complete = await streamEntry(zip, entry, (chunk) => {
    kept += chunk.length;
    chunks.push(chunk);
    return kept <= cap;
  });
  return complete ? Buffer.concat(chunks) : null;
}
