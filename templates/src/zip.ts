// A plain zip archive, written and read by hand with Node's native zlib: the templates' last step (exceljs stores the
// parts uncompressed, they are deflated here natively, several times faster than JSZip's JavaScript deflate), and the
// tests' hostile files (sizes and flags are written as given, so they can lie on purpose).
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file inside a zip. */
export interface ZipPart {
  name: string;
  /** Bytes as stored: already deflated when method is 8. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** Declared in both the local header and the central directory. */
  uncompressedSize: number;
  flags?: number;
}

const UTF8_NAME_FLAG = 0x0800;

export function storedPart(name: string, content: string | Buffer): ZipPart {
  const data = Buffer.from(content);
  return { name, data, method: 0, crc: crc32(data), uncompressedSize: data.length };
}

export function deflatedPart(name: string, content: string | Buffer, level = 6): ZipPart {
  const raw = Buffer.from(content);
  return { name, data: deflateRawSync(raw, { level }), method: 8, crc: crc32(raw), uncompressedSize: raw.length };
}

/** A date as MS-DOS stores it in zip headers (local time fields; we pass UTC parts so the bytes never depend on the zone). */
const dosDateTime = (date: Date): { date: number; time: number } => ({
  date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
});

/** Version needed, flags, method, time, date, CRC and sizes: the same layout in local and central headers. */
function writeSharedFields(header: Buffer, at: number, part: ZipPart, flags: number, when: { date: number; time: number }): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(flags, at + 2);
  header.writeUInt16LE(part.method, at + 4);
  header.writeUInt16LE(when.time, at + 6);
  header.writeUInt16LE(when.date, at + 8);
  header.writeUInt32LE(part.crc >>> 0, at + 10);
  header.writeUInt32LE(part.data.length, at + 14);
  header.writeUInt32LE(part.uncompressedSize, at + 18);
}

/** Writes local headers, data, central directory and end record: a plain zip, no zip64, no data descriptors. */
export function buildZip(parts: readonly ZipPart[], date = new Date(Date.UTC(1980, 0, 1))): Buffer {
  const when = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const flags = (part.flags ?? 0) | (/^[\x20-\x7e]*$/.test(part.name) ? 0 : UTF8_NAME_FLAG);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, part, flags, when);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeSharedFields(central, 6, part, flags, when);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads a well-formed zip (as exceljs or buildZip write it) back into parts, keeping the stored bytes as they are. */
export function readZipParts(zip: Buffer): ZipPart[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('readZipParts: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    if (method !== 0 && method !== 8) throw new Error(`readZipParts: unsupported method ${method}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const compressedSize = zip.readUInt32LE(at + 20);
    const localAt = zip.readUInt32LE(at + 42);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    parts.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      data: zip.subarray(dataAt, dataAt + compressedSize),
      method,
      crc: zip.readUInt32LE(at + 16),
      uncompressedSize: zip.readUInt32LE(at + 24),
      flags: zip.readUInt16LE(at + 8) & ~0x0008, // sizes live in the headers we write, not in data descriptors
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** The uncompressed bytes of a part. */
export function partBytes(part: ZipPart): Buffer {
  return part.method === 8 ? inflateRawSync(part.data) : part.data;
}

export function partText(part: ZipPart): string {
  return partBytes(part).toString('utf8');
}

/** Applies `edit` to the text of the named part (case-insensitive), re-deflating it. */
export function editPart(parts: readonly ZipPart[], name: string, edit: (text: string) => string): ZipPart[] {
  return parts.map((part) => (part.name.toLowerCase() === name.toLowerCase() ? deflatedPart(part.name, edit(partText(part))) : part));
}

/** The part of each worksheet by the sheet's name, from xl/workbook.xml and its relationships. */
export function worksheetParts(parts: readonly ZipPart[]): Map<string, string> {
  const text = (name: string): string => {
    const part = parts.find((p) => p.name === name);
    if (part === undefined) throw new Error(`no ${name}`);
    return partText(part);
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)) {
    const id = /\sId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\sTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\s[^>]*>/g)) {
    const name = /\sname="([^"]+)"/.exec(m[0])?.[1];
    const target = targets.get(/\sr:id="([^"]+)"/.exec(m[0])?.[1] ?? '');
    if (name !== undefined && target !== undefined) out.set(name.replace(/&quot;|&apos;|&lt;|&gt;|&amp;/g, (e) => XML_ENTITIES[e] ?? e), target);
  }
  return out;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
