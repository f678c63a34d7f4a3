// Input-safety gate: every uploaded workbook passes here before exceljs (which has no zip-bomb guard) sees a byte.
import { type Reason } from '@portfund/shared-rules';
import { type Entry, type ZipFile } from 'yauzl';
import { contentTypeNotAllowed, isTextPart, partNotAllowed, relationshipNotAllowed } from './allow-list';
import {
  partTooLargeReason,
  REASONS,
  sheetTooLargeReason,
  tooLargeReason,
  tooManyEntriesReason,
  totalTooLargeReason,
} from './reasons';
import {
  OLE_MAGIC,
  ZIP_EMPTY_ARCHIVE,
  ZIP_LOCAL_HEADER,
  compoundFileKind,
  describeNotZip,
  startsWith,
} from './sniff';
import { Utf8Stream } from './utf8-stream';
import { type Visit, listEntries, openZip, readSmallEntry, streamEntry, type ZipEntries, zipEntries } from '../zip-archive';

export interface GateLimits {
  maxFileBytes: number;
  maxEntries: number;
  /** Uncompressed bytes of one part other than a worksheet (shared strings, styles, images…). */
  maxEntryBytes: number;
  /** Uncompressed bytes of one worksheet part (xl/worksheets/*.xml). */
  maxSheetBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
}

export type GateRejection =
  | 'empty'
  | 'too_large'
  | 'legacy_xls'
  | 'encrypted'
  | 'not_zip'
  | 'corrupt_zip'
  | 'zip_bomb'
  | 'too_many_entries'
  | 'macro'
  | 'external_link'
  | 'not_allowed'
  | 'not_workbook';

export interface GateOptions {
  /**
   * A workbook of ours (uploads, `portfund check`): only the parts, content types and relationships a template can
   * have (allow-list.ts), nothing external, UTF-8 XML only. Registry import files come from any program: not applied.
   */
  readonly allowList?: boolean;
}

export type GateResult = { ok: true; entries: string[] } | { ok: false; reason: Reason; kind: GateRejection };

type Refusal = Extract<GateResult, { ok: false }>;

/** A workbook that passed, still open: the reader reads its entries from the handle the gate inspected. */
export type GatedWorkbook = { ok: true; entries: string[]; zip: ZipEntries } | Refusal;

const MB = 1024 * 1024;

/** Any spreadsheet we read (registry imports may bring large sheets of their own). */
export const DEFAULT_LIMITS: GateLimits = Object.freeze({
  maxFileBytes: 20 * MB, // a union's application or cash book is well under 1 MB; 20 MB leaves room for pasted images
  maxEntries: 10_000, // a workbook with hundreds of sheets has a few thousand parts
  maxEntryBytes: 200 * MB, // a full 1,048,576-row sheet of small numbers is ~100-150 MB of XML
  maxSheetBytes: 200 * MB,
  maxTotalBytes: 400 * MB, // bounds the CPU and the later exceljs memory use per upload
  maxRatio: 200, // sheet XML compresses 5-30:1, repetitive styles rarely past 100:1
});

/**
 * An application or cash book, 3-4× the largest real one. Measured on generated, fully filled workbooks: a cash book
 * with 20,000 entries has a 48.3 MB ledger sheet, 0.43 MB of shared strings and 48.8 MB in all (25 parts); an
 * application with a 2,000-member roster has 0.64 MB in its largest sheet and 0.88 MB in all.
 */
export const WORKBOOK_LIMITS: GateLimits = Object.freeze({
  maxFileBytes: 20 * MB,
  maxEntries: 2_000, // Excel adds drawings, comments and printer settings to the 25 parts of a template
  maxEntryBytes: 32 * MB, // pasted images are stored compressed and the file holds at most 20 MB
  maxSheetBytes: 150 * MB,
  maxTotalBytes: 200 * MB,
  maxRatio: 200,
});

// Small parts (styles, empty sheets) legitimately compress past 200:1 and are harmless at that size.
const RATIO_MIN_BYTES = 1 * MB;
// [Content_Types].xml lists one line per part: 10,000 parts stay well under this.
const CONTENT_TYPES_MAX_BYTES = 4 * MB;
const MIMETYPE_MAX_BYTES = 256;
const ENCRYPTED_FLAG = 0x0001;

function refuse(kind: GateRejection, reason: Reason): Refusal {
  return { ok: false, kind, reason };
}

/**
 * Decides whether the uploaded bytes are a plain .xlsx workbook that is safe to read, and keeps it open when it is:
 * the caller reads from `zip` and closes it. Never throws for any bytes; throws only for a non-buffer or nonsensical limits.
 */
export async function openWorkbookBytes(bytes: Buffer, limits: GateLimits = DEFAULT_LIMITS, options: GateOptions = {}): Promise<GatedWorkbook> {
  assertArguments(bytes, limits);
  const buffer = asBuffer(bytes);
  try {
    return sniffOuterFormat(buffer, limits) ?? (await inspectZip(buffer, limits, options.allowList === true));
  } catch {
    return refuse('corrupt_zip', REASONS.corruptZip); // hostile bytes may reach paths we did not foresee: refuse, never crash
  }
}

/** The gate's verdict alone (the archive is closed again). */
export async function inspectWorkbookBytes(bytes: Buffer, limits: GateLimits = DEFAULT_LIMITS, options: GateOptions = {}): Promise<GateResult> {
  const gated = await openWorkbookBytes(bytes, limits, options);
  if (!gated.ok) return gated;
  gated.zip.close();
  return { ok: true, entries: gated.entries };
}

/** Callers may hand over a plain Uint8Array view; yauzl needs Buffer methods. No copy is made. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function assertArguments(bytes: unknown, limits: GateLimits): void {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('inspectWorkbookBytes expects a Buffer');
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value > 0)) throw new RangeError(`GateLimits.${name} must be a positive number`);
  }
}

/** Step 1-2: size and magic bytes. Null means "looks like a zip, inspect it". */
function sniffOuterFormat(bytes: Buffer, limits: GateLimits): Refusal | null {
  if (bytes.length === 0) return refuse('empty', REASONS.empty);
  if (bytes.length > limits.maxFileBytes) return refuse('too_large', tooLargeReason(bytes.length, limits.maxFileBytes));
  if (startsWith(bytes, OLE_MAGIC)) return refuseCompoundFile(bytes);
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return null;
  return refuse('not_zip', describeNotZip(bytes));
}

function refuseCompoundFile(bytes: Buffer): Refusal {
  switch (compoundFileKind(bytes)) {
    case 'encrypted':
      return refuse('encrypted', REASONS.encryptedOffice);
    case 'word':
      return refuse('not_workbook', REASONS.wordLegacy);
    case 'powerpoint':
      return refuse('not_workbook', REASONS.powerPointLegacy);
    case 'legacy_xls':
      return refuse('legacy_xls', REASONS.legacyXls);
  }
}

/** Steps 3-5 on an open archive; the zipfile is closed on every path but a pass. */
async function inspectZip(bytes: Buffer, limits: GateLimits, allowList: boolean): Promise<GatedWorkbook> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return refuse('corrupt_zip', REASONS.corruptZip);
  }
  const verdict = await inspectArchive(zip, limits, allowList).catch(refuseZipError);
  if (!verdict.ok) zip.close();
  return verdict;
}

async function inspectArchive(zip: ZipFile, limits: GateLimits, allowList: boolean): Promise<GatedWorkbook> {
  // The end-of-central-directory count is known before any record is read: refuse huge counts at once.
  if (zip.entryCount > limits.maxEntries) {
    return refuse('too_many_entries', tooManyEntriesReason(zip.entryCount, limits.maxEntries));
  }
  const listed = await listEntries(zip, declaredEntryJudge(limits));
  if (!Array.isArray(listed)) return listed.stop;
  const contentVerdict = await checkContent(zip, listed, allowList);
  if (contentVerdict) return contentVerdict;
  const drainVerdict = await drainEverything(zip, listed, limits, allowList);
  if (drainVerdict) return drainVerdict;
  return { ok: true, entries: listed.map((entry) => entry.fileName), zip: zipEntries(zip, listed) };
}

/** Step 3: judges each central-directory record on its declared sizes and flags, before decompressing anything. */
function declaredEntryJudge(limits: GateLimits): (entry: Entry) => Visit<Refusal> {
  const seen = new Set<string>();
  let declaredTotal = 0;
  return (entry) => {
    declaredTotal += entry.uncompressedSize;
    const name = entry.fileName.toLowerCase();
    // Two parts with one name: exceljs and this gate might read different ones.
    if (seen.has(name)) return { stop: refuse('corrupt_zip', REASONS.duplicateEntries) };
    if (isBadEntryName(entry.fileName)) return { stop: refuse('corrupt_zip', REASONS.badEntryName) };
    seen.add(name);
    const tooMuch = declaresTooMuch(entry, declaredTotal, limits);
    if (tooMuch !== null) return { stop: refuse('zip_bomb', tooMuch) };
    if (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) return { stop: refuse('encrypted', REASONS.encryptedZip) };
    return null;
  };
}

// a NUL or control character, an undecodable byte (U+FFFD), an absolute path or a step up: no Office program writes these
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHARACTER = /[\u0000-\u001f\u007f\ufffd]/;
const isBadEntryName = (name: string): boolean =>
  BAD_NAME_CHARACTER.test(name) || name.startsWith('/') || /^[a-z]:/i.test(name) || name.split(/[\\/]/).includes('..');

const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name.replace(/\\/g, '/'));

/** The limit an entry may inflate to: worksheets have their own. */
function entryLimit(name: string, limits: GateLimits): number {
  return isWorksheet(name) ? limits.maxSheetBytes : limits.maxEntryBytes;
}

/** Null when the declared sizes are acceptable, else the reason: a compression ratio no workbook has, or plain size. */
function declaresTooMuch(entry: Entry, declaredTotal: number, limits: GateLimits): Reason | null {
  const size = entry.uncompressedSize;
  if (size > RATIO_MIN_BYTES && size > entry.compressedSize * limits.maxRatio) return REASONS.zipBomb;
  const limit = entryLimit(entry.fileName, limits);
  if (size > limit) return isWorksheet(entry.fileName) ? sheetTooLargeReason(entry.fileName, size, limit) : partTooLargeReason(entry.fileName, size, limit);
  return declaredTotal > limits.maxTotalBytes ? totalTooLargeReason(limits.maxTotalBytes) : null;
}

/** Step 4: is it an Excel workbook at all, and does it carry macros or links to other workbooks? */
async function checkContent(zip: ZipFile, entries: Entry[], allowList: boolean): Promise<Refusal | null> {
  const byName = new Map(entries.map((entry) => [entry.fileName.toLowerCase(), entry]));
  const contentTypes = byName.get('[content_types].xml');
  if (!contentTypes || !byName.has('xl/workbook.xml')) {
    return refuse('not_workbook', await describeNotWorkbook(zip, byName));
  }
  const typesXml = await readSmallEntry(zip, contentTypes, CONTENT_TYPES_MAX_BYTES);
  if (typesXml === null) return refuse('not_workbook', REASONS.oversizedContentTypes);
  const names = [...byName.keys()];
  const types = typesXml.toString('utf8').toLowerCase();
  if (hasMacros(names, types)) return refuse('macro', REASONS.macro);
  if (hasExternalLinks(names, types)) return refuse('external_link', REASONS.externalLink);
  if (!allowList) return null;
  // the allow-list: every part by name, every declared content type (a part's bytes are judged while draining)
  for (const entry of entries) {
    const notAllowed = partNotAllowed(entry.fileName);
    if (notAllowed !== null) return refuse('not_allowed', notAllowed);
  }
  if (!isUtf8(typesXml)) return refuse('not_allowed', { reason: 'gate.invalid_utf8', part: contentTypes.fileName });
  const typeNotAllowed = contentTypeNotAllowed(typesXml.toString('utf8'));
  return typeNotAllowed === null ? null : refuse('not_allowed', typeNotAllowed);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMacros(names: string[], types: string): boolean {
  const macroPart = names.some((name) => name.endsWith('vbaproject.bin') || name.startsWith('xl/macrosheets/'));
  // .xlsm/.xltm/.xlam main parts, the VBA project and Excel 4.0 macro sheets each have their own content type.
  const macroType = ['macroenabled', 'vbaproject', 'macrosheet'].some((marker) => types.includes(marker));
  return macroPart || macroType;
}

function hasExternalLinks(names: string[], types: string): boolean {
  return names.some((name) => name.startsWith('xl/externallinks/')) || types.includes('externallink+xml');
}

/** Names what a zip that is not an .xlsx most likely is, so the official knows what to re-save. */
async function describeNotWorkbook(zip: ZipFile, byName: Map<string, Entry>): Promise<Reason> {
  if (byName.size === 0) return REASONS.emptyZip;
  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const declared = (await readSmallEntry(zip, mimetype, MIMETYPE_MAX_BYTES))?.toString('latin1').trim() ?? '';
    if (declared === 'application/vnd.oasis.opendocument.spreadsheet') return REASONS.ods;
    if (declared.startsWith('application/vnd.oasis.opendocument.')) return REASONS.otherOpenDocument;
  }
  if (byName.has('word/document.xml')) return REASONS.docx;
  if (byName.has('ppt/presentation.xml')) return REASONS.pptx;
  if (byName.has('xl/workbook.bin')) return REASONS.xlsb;
  if (byName.has('[content_types].xml')) return REASONS.otherOffice;
  return REASONS.plainZip;
}

/**
 * Step 5: really decompresses every entry, counting bytes, and stops the moment an entry or the
 * running total goes over its limit — the defence against archives that lie about their sizes. Under the allow-list
 * every XML part must also decode as UTF-8, and every relationship part is read for links that leave the package.
 */
async function drainEverything(zip: ZipFile, entries: Entry[], limits: GateLimits, allowList: boolean): Promise<Refusal | null> {
  let total = 0;
  for (const entry of entries) {
    let entryBytes = 0;
    const limit = entryLimit(entry.fileName, limits);
    const text = allowList && isTextPart(entry.fileName) ? new Utf8Stream() : null;
    const rels = allowList && /\.rels$/i.test(entry.fileName) ? ([] as Buffer[]) : null;
    let utf8 = true;
    const complete = await streamEntry(zip, entry, (chunk) => {
      entryBytes += chunk.length;
      total += chunk.length;
      if (text !== null) utf8 = text.push(chunk);
      if (rels !== null && entryBytes <= CONTENT_TYPES_MAX_BYTES) rels.push(chunk);
      return utf8 && entryBytes <= limit && total <= limits.maxTotalBytes;
    });
    if (!utf8 || (complete && text !== null && !text.end())) return refuse('not_allowed', { reason: 'gate.invalid_utf8', part: entry.fileName });
    if (!complete) return refuse('zip_bomb', REASONS.zipBomb);
    if (rels !== null) {
      if (entryBytes > CONTENT_TYPES_MAX_BYTES) return refuse('not_allowed', { reason: 'gate.part_not_allowed', part: entry.fileName });
      const link = relationshipNotAllowed(entry.fileName, Buffer.concat(rels).toString('utf8'));
      if (link !== null) return refuse('not_allowed', link);
    }
  }
  return null;
}

/** Maps a yauzl or zlib error to a refusal. */
function refuseZipError(err: unknown): Refusal {
  const message = err instanceof Error ? err.message : '';
  // yauzl's validateEntrySizes: the data inflates to more than the directory declared — a lying bomb.
  if (message.startsWith('too many bytes in the stream')) return refuse('zip_bomb', REASONS.zipBomb);
  // e.g. "strong encryption is not supported" for entries we could not see the flag of in time.
  if (/encrypt/i.test(message)) return refuse('encrypted', REASONS.encryptedZip);
  return refuse('corrupt_zip', REASONS.corruptZip);
}
