// Reads chosen entries of a zip (already through the input gate) into text, with native zlib via yauzl.
import yauzl from 'yauzl';

const openZip = (bytes: Buffer): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error === null && zip !== undefined ? resolve(zip) : reject(error ?? new Error('zip')),
    );
  });

const readEntry = (zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null || stream === undefined) return reject(error ?? new Error('entry'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });

/** The text of every entry whose path `wanted` accepts (case-insensitive paths, as Excel treats them). */
export const readZipTexts = async (bytes: Buffer, wanted: (path: string) => boolean): Promise<Map<string, string>> => {
  const zip = await openZip(bytes);
  const out = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const path = entry.fileName.replace(/\\/g, '/');
        if (!wanted(path.toLowerCase())) {
          zip.readEntry();
          return;
        }
        readEntry(zip, entry).then((buffer) => {
          out.set(path.toLowerCase(), buffer.toString('utf8'));
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
