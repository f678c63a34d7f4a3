// The one set of yauzl wrappers: open a zip once, list its central directory once, then read any entry from the same
// handle (the input gate inspects, the reader and the import reader read). Never an unhandled error, never a whole-file copy.
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

const openStream = (zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream)));
  });

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

/** An opened archive whose directory was listed: any entry as text, whole or chunk by chunk; close() when done. */
export interface ZipEntries {
  /** Uncompressed size of each entry (the input gate has made sure sizes do not lie), by lower-cased path. */
  readonly sizes: ReadonlyMap<string, number>;
  text(path: string): Promise<string | undefined>;
  chunks(path: string): AsyncGenerator<string>;
  close(): void;
}

const entryPath = (entry: Entry): string => entry.fileName.replace(/\\/g, '/').toLowerCase();

/** The entries of an archive already listed (by the input gate), read from the same handle. */
export const zipEntries = (zip: ZipFile, listed: readonly Entry[]): ZipEntries => {
  const entries = new Map(listed.map((entry) => [entryPath(entry), entry]));
  return {
    sizes: new Map([...entries].map(([path, entry]) => [path, entry.uncompressedSize])),
    text: async (path) => {
      const entry = entries.get(path);
      if (entry === undefined) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of await openStream(zip, entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    // UTF-8 decoded across chunk boundaries, as the entry inflates: nothing is held whole
    chunks: async function* (path) {
      const entry = entries.get(path);
      if (entry === undefined) return;
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of await openStream(zip, entry)) yield decoder.decode(chunk as Buffer, { stream: true });
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    },
    close: () => zip.close(),
  };
};

/** Opens and lists a zip that is not gated here (tests, the parity oracle, benchmarks). */
export const openZipEntries = async (bytes: Buffer): Promise<ZipEntries> => {
  const zip = await openZip(bytes);
  try {
    const listed = await listEntries(zip, () => null);
    return zipEntries(zip, Array.isArray(listed) ? listed : []);
  } catch (error) {
    zip.close();
    throw error;
  }
};
