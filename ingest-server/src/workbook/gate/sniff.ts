// Magic-byte sniffing for files that are not a zip: legacy/encrypted Office compound files and renamed files.
import { type Reason } from '@portfund/shared-rules';
import { REASONS } from './reasons';

export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
export const ZIP_EMPTY_ARCHIVE = Buffer.from('PK\x05\x06', 'latin1');

const CFB_HEADER_BYTES = 512;
const CFB_DIR_ENTRY_BYTES = 128;
const CFB_STORAGE = 1;
const CFB_STREAM = 2;
const CFB_ROOT = 5;

export type CompoundKind = 'encrypted' | 'legacy_xls' | 'word' | 'powerpoint';

export function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/**
 * Names in a compound file's directory. Directory entries are 128-byte records and every sector
 * starts on a 128-byte boundary after the 512-byte header, so scanning those slots finds them
 * without following the FAT (which a truncated or hostile file may not have intact).
 */
export function compoundFileNames(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  for (let at = CFB_HEADER_BYTES; at + CFB_DIR_ENTRY_BYTES <= bytes.length; at += CFB_DIR_ENTRY_BYTES) {
    const nameBytes = bytes.readUInt16LE(at + 64);
    const type = bytes[at + 66];
    const plausibleName = nameBytes >= 4 && nameBytes <= 64 && nameBytes % 2 === 0;
    if (!plausibleName || (type !== CFB_STORAGE && type !== CFB_STREAM && type !== CFB_ROOT)) continue;
    names.add(bytes.toString('utf16le', at, at + nameBytes - 2)); // the length counts the UTF-16 NUL
  }
  return names;
}

/** Office writes a password-protected .xlsx as a compound file holding an EncryptedPackage stream. */
export function compoundFileKind(bytes: Buffer): CompoundKind {
  const names = compoundFileNames(bytes);
  if (names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('WordDocument')) return 'word';
  if (names.has('PowerPoint Document')) return 'powerpoint';
  return 'legacy_xls'; // a Workbook/Book stream, or too damaged to tell: .xls is the likely case
}

const KNOWN_SIGNATURES: ReadonlyArray<{ magic: Buffer; reason: Reason }> = [
  { magic: Buffer.from('%PDF', 'latin1'), reason: REASONS.pdf },
  { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]), reason: REASONS.image },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), reason: REASONS.image },
  { magic: Buffer.from('GIF8', 'latin1'), reason: REASONS.image },
  { magic: Buffer.from('Rar!', 'latin1'), reason: REASONS.otherArchive },
  { magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), reason: REASONS.otherArchive },
  { magic: Buffer.from([0x1f, 0x8b]), reason: REASONS.otherArchive },
];

const SNIFF_BYTES = 4096;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

/** A zh-TW reason naming what the non-zip file probably is (PDF, web page, CSV…). */
export function describeNotZip(bytes: Buffer): Reason {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const known = KNOWN_SIGNATURES.find((signature) => startsWith(head, signature.magic));
  if (known) return known.reason;
  if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16BE_BOM)) return REASONS.text; // Excel's "Unicode text" export
  if (!looksLikeText(head)) return REASONS.unknownFormat;
  const text = asciiLower(head);
  if (looksLikeHtml(text)) return REASONS.html;
  if (text.startsWith('<?xml')) return text.includes('spreadsheet') ? REASONS.xmlSpreadsheet : REASONS.text;
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.includes(',') || firstLine.includes('\t') ? REASONS.csv : REASONS.text;
}

/** Text (UTF-8 or Big5) has no control bytes other than tab, line breaks and form feed. */
function looksLikeText(head: Buffer): boolean {
  return head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d);
}

/** Lower-cased ASCII view without BOM and leading blanks; multi-byte characters become noise, which is fine for markers. */
function asciiLower(head: Buffer): string {
  const body = startsWith(head, UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
  return body.toString('latin1').trimStart().toLowerCase();
}

function looksLikeHtml(text: string): boolean {
  const starts = ['<!doctype html', '<html', '<meta', '<table', 'mime-version:'];
  return starts.some((marker) => text.startsWith(marker)) || text.includes('<html');
}
