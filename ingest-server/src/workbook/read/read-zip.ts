// Reads chosen entries of a zip (already through the input gate) into text, with native zlib via yauzl.
import yauzl from 'yauzl';

const openZip = (bytes: Buffer): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error === null && zip !== undefined ? resolve(zip) : reject(error ?? new Error('zip')),
    );
  });

const openEntry = (zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error !== null || stream === undefined ? reject(error ?? new Error('entry')) : resolve(stream)));
  });

const readEntry = async (zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const entryPath = (entry: yauzl.Entry): string => entry.fileName.replace(/\\/g, '/').toLowerCase();

/** The text of every entry whose path `wanted` accepts (case-insensitive paths, as Excel treats them). */
export const readZipTexts = async (bytes: Buffer, wanted: (path: string) => boolean): Promise<Map<string, string>> => {
  const zip = await openZip(bytes);
  const out = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const path = entryPath(entry);
        if (!wanted(path)) {
          zip.readEntry();
          return;
        }
        readEntry(zip, entry).then((buffer) => {
          out.set(path, buffer.toString('utf8'));
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
};

/** The entry at `path` (case-insensitive), or null when the zip has none. */
const findEntry = (zip: yauzl.ZipFile, path: string): Promise<yauzl.Entry | null> =>
  new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry): void => {
      if (entryPath(entry) !== path) zip.readEntry();
      else {
        zip.off('end', onEnd);
        resolve(entry);
      }
    };
    const onEnd = (): void => resolve(null);
    zip.on('error', reject);
    zip.on('entry', onEntry);
    zip.once('end', onEnd);
    zip.readEntry();
  });

/** One entry's text as it inflates, chunk by chunk (UTF-8 decoded across chunk boundaries): nothing is held whole. */
export async function* streamZipText(bytes: Buffer, path: string): AsyncGenerator<string> {
  const zip = await openZip(bytes);
  try {
    const entry = await findEntry(zip, path.toLowerCase());
    if (entry === null) return;
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of await openEntry(zip, entry)) yield decoder.decode(chunk as Buffer, { stream: true });
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    zip.close();
  }
}

/** One listing of a zip, then any of its entries as text, whole or chunk by chunk; close() when done. */
export interface ZipEntries {
  /** Uncompressed size of each entry (the input gate has made sure sizes do not lie), by lower-cased path. */
  readonly sizes: ReadonlyMap<string, number>;
  text(path: string): Promise<string | undefined>;
  chunks(path: string): AsyncGenerator<string>;
  close(): void;
}

export const openZipEntries = async (bytes: Buffer): Promise<ZipEntries> => {
  const zip = await openZip(bytes);
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entryPath(entry), entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const chunks = async function* (path: string): AsyncGenerator<string> {
    const entry = entries.get(path);
    if (entry === undefined) return;
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of await openEntry(zip, entry)) yield decoder.decode(chunk as Buffer, { stream: true });
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  };
  return {
    sizes: new Map([...entries].map(([path, entry]) => [path, entry.uncompressedSize])),
    text: async (path) => {
      const entry = entries.get(path);
      return entry === undefined ? undefined : (await readEntry(zip, entry)).toString('utf8');
    },
    chunks,
    close: () => zip.close(),
  };
};
