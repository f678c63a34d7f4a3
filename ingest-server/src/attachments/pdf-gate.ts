// The PDF gate (seed 004 §1.2(二)3: an application's two PDFs): size cap, magic bytes, not a zip, then — in a check worker,
// under its heap limit and a timeout — a parse by pdf-lib and a walk of every object for anything that runs or carries files.
// Reasons are sub-codes of file.attachment_refused's {reason} (shared-rules findings/texts/file-texts.ts).
import { type Reason } from '@portfund/shared-rules';
import type * as PdfLib from 'pdf-lib';
import { type PDFDocument, type PDFName, type PDFObject } from 'pdf-lib';
import { startsWith } from '../workbook/gate/sniff';

const MB = 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
// a zip's end record is within its last 64 KB + 22 bytes; a PDF that also ends like a zip is a polyglot
const ZIP_TAIL = 65_536 + 22;
// writers may put whitespace or a few bytes of garbage after the last %%EOF; a file cut short has none near its end
const EOF_TAIL = 1024;
const MAX_DEPTH = 64;

/** PORTFUND_MAX_PDF_MB's default: the size cap of one attachment. */
export const DEFAULT_MAX_PDF_BYTES = 20 * MB;

export { isAttachmentName } from './attachment-name';

export type PdfInspection = { readonly ok: true; readonly pages: number } | { readonly ok: false; readonly reason: Reason };

const refused = (reason: Reason['reason']): PdfInspection => ({ ok: false, reason: { reason } });

const megabytes = (bytes: number): string => String(Math.round((bytes / MB) * 10) / 10);

/** The cheap checks, before any parser: empty, not a PDF, over the cap, a zip in disguise, cut short. */
export const sniffPdf = (bytes: Buffer, maxBytes: number): PdfInspection | null => {
  if (bytes.length === 0) return refused('pdf.empty');
  // what the file is says more than its size: a renamed workbook is named as such even when it is large
  if (!startsWith(bytes, PDF_MAGIC)) return refused('pdf.not_pdf');
  if (bytes.length > maxBytes) return { ok: false, reason: { reason: 'pdf.too_large', sizeMb: megabytes(bytes.length), limitMb: megabytes(maxBytes) } };
  if (bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL)).includes(ZIP_END)) return refused('pdf.polyglot');
  if (!bytes.subarray(Math.max(0, bytes.length - EOF_TAIL)).includes(EOF_MARKER)) return refused('pdf.truncated');
  return null;
};

type Threat = 'pdf.javascript' | 'pdf.launch' | 'pdf.embedded_file' | 'pdf.active_content';
// the most specific reason first when a file has several
const THREAT_ORDER: readonly Threat[] = ['pdf.javascript', 'pdf.launch', 'pdf.embedded_file', 'pdf.active_content'];

const KEY_THREATS: Readonly<Record<string, Threat>> = {
  JS: 'pdf.javascript',
  JavaScript: 'pdf.javascript',
  Launch: 'pdf.launch',
  EmbeddedFile: 'pdf.embedded_file',
  EmbeddedFiles: 'pdf.embedded_file',
  EF: 'pdf.embedded_file',
  AA: 'pdf.active_content',
  RichMedia: 'pdf.active_content',
  RichMediaContent: 'pdf.active_content',
  XFA: 'pdf.active_content',
};
// values of /S (action type), /Type and /Subtype that are threats wherever they appear
const VALUE_THREATS: Readonly<Record<string, Threat>> = {
  JavaScript: 'pdf.javascript',
  Launch: 'pdf.launch',
  EmbeddedFile: 'pdf.embedded_file',
  FileAttachment: 'pdf.embedded_file',
  RichMedia: 'pdf.active_content',
  ImportData: 'pdf.active_content',
  SubmitForm: 'pdf.active_content',
  GoToE: 'pdf.embedded_file',
};

let loaded: typeof PdfLib | undefined;
// pdf-lib loads when the first PDF is parsed (~0.1 s of CPU), not with every server and check worker that never sees one
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at import
const pdfLib = (): typeof PdfLib => (loaded ??= require('pdf-lib') as typeof PdfLib);

const nameText = (name: PDFName): string => name.decodeText().replace(/^\//, '');

/** Every dictionary reachable in the file (indirect objects, and the direct ones inside them), checked for active content. */
const threatsIn = (doc: PDFDocument): Set<Threat> => {
  const found = new Set<Threat>();
  const { PDFArray, PDFDict, PDFName, PDFStream } = pdfLib();
  const walk = (object: PDFObject | undefined, depth: number): void => {
    if (object === undefined || depth > MAX_DEPTH) return;
    if (object instanceof PDFStream) return walk(object.dict, depth + 1);
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) walk(item, depth + 1);
      return;
    }
    if (!(object instanceof PDFDict)) return;
    for (const [key, value] of object.entries()) {
      const keyThreat = KEY_THREATS[nameText(key)];
      if (keyThreat !== undefined) found.add(keyThreat);
      if (value instanceof PDFName && ['S', 'Type', 'Subtype'].includes(nameText(key))) {
        const valueThreat = VALUE_THREATS[nameText(value)];
        if (valueThreat !== undefined) found.add(valueThreat);
      }
      walk(value, depth + 1);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) walk(object, 0);
  walk(doc.context.trailerInfo.Root, 0);
  return found;
};

/** The parse and the walk (run in a check worker): encrypted, active or broken PDFs refused, a clean one with its page count. */
export const inspectPdfBytes = async (bytes: Uint8Array): Promise<PdfInspection> => {
  let doc: PDFDocument;
  try {
    // loaded even when encrypted, so encryption is told by the trailer rather than by an error's class (pdf-lib's ES5
    // errors do not survive instanceof); nothing in it is decrypted or rendered
    doc = await pdfLib().PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return refused('pdf.corrupt');
  }
  // an /Encrypt entry whose dictionary is missing is still an encrypted (or tampered) file
  if (doc.isEncrypted || doc.context.trailerInfo.Encrypt !== undefined) return refused('pdf.encrypted');
  try {
    const threats = threatsIn(doc);
    const first = THREAT_ORDER.find((t) => threats.has(t));
    if (first !== undefined) return refused(first);
    const pages = doc.getPageCount();
    return pages > 0 ? { ok: true, pages } : refused('pdf.no_pages');
  } catch {
    // a page tree or dictionary pdf-lib cannot follow: damaged, never a stack trace for the user
    return refused('pdf.corrupt');
  }
};
