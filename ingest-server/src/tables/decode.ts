// Text encoding of an uploaded CSV: a UTF-8 BOM or valid UTF-8 is UTF-8; a UTF-16 BOM is Excel's "Unicode text";
// anything else is decoded as Big5 (CP950, what Taiwanese offices' Windows exports use) — and refused, with the line,
// when even that leaves characters it cannot map, so the registry never receives mojibake. A file that is neither is
// reported for the encoding it most resembles, at the line of its first bad byte in that encoding. The bytes are checked
// in 64 KB chunks and decoded again while parsing: the file is never held as one string.
import { type Reason } from '@portfund/shared-rules';
import iconv from 'iconv-lite';
import { IMPORT_REASONS } from './reasons';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp950';

/** What the import report says about the encoding. */
export const ENCODING_LABELS: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（含 BOM）',
  'utf-16le': 'UTF-16 LE（Unicode 文字）',
  'utf-16be': 'UTF-16 BE（Unicode 文字）',
  cp950: 'Big5 (CP950)',
};

/** The iconv-lite name of each encoding. */
export const ICONV_NAMES: Readonly<Record<TextEncoding, string>> = { 'utf-8': 'utf8', 'utf-8-bom': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', cp950: 'cp950' };

export type Detected = { ok: true; encoding: TextEncoding; /** BOM bytes to skip. */ offset: number } | { ok: false; reason: Reason };

export const CHUNK_BYTES = 65_536;

/** Control characters other than TAB, LF, FF and CR mean this is not a text file (or a stray one to point at). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/g;

function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

const countLines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Checks every chunk's text: no NUL, few control characters, and (for a non-UTF-8 decode) nothing unmappable. */
const scan = (decoded: Iterable<string>, unmappable: ((line: number) => Reason) | null): Reason | null => {
  let line = 1;
  let controls = 0;
  let chars = 0;
  let firstControlLine = 0;
  for (const text of decoded) {
    if (unmappable !== null) {
      const bad = text.indexOf('\ufffd');
      if (bad >= 0) return unmappable(line + countLines(text.slice(0, bad)));
    }
    CONTROL.lastIndex = 0;
    for (let m = CONTROL.exec(text); m !== null; m = CONTROL.exec(text)) {
      if (m[0] === '\u0000') return IMPORT_REASONS.binary;
      if (controls === 0) firstControlLine = line + countLines(text.slice(0, m.index));
      controls++;
    }
    chars += text.length;
    line += countLines(text);
  }
  // a NUL or many control characters: not text at all; a stray one: say where it is
  if (controls > 0) return controls > chars / 100 ? IMPORT_REASONS.binary : IMPORT_REASONS.controlCharacter(firstControlLine);
  return null;
};

function* iconvChunks(bytes: Buffer, encoding: string): Generator<string> {
  const decoder = iconv.getDecoder(encoding);
  for (const chunk of chunksOf(bytes)) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest !== undefined && rest !== '') yield rest;
}

/** Valid UTF-8 decoded chunk by chunk, or null at the first invalid sequence (with the line it is on). */
const utf8Chunks = (bytes: Buffer): { texts: Generator<string>; failedAt: () => number | null } => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let failed: number | null = null;
  let line = 1;
  function* texts(): Generator<string> {
    for (const chunk of chunksOf(bytes)) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // the line of the first bad sequence in this chunk
        const lenient = chunk.toString('utf8');
        failed = line + countLines(lenient.slice(0, Math.max(lenient.indexOf('\ufffd'), 0)));
        return;
      }
      line += countLines(text);
      yield text;
    }
    try {
      decoder.decode();
    } catch {
      failed = line;
    }
  }
  return { texts: texts(), failedAt: () => failed };
};

/** Well-formed multi-byte UTF-8 sequences against bytes that break UTF-8, and the line of the first such byte. */
const utf8Profile = (bytes: Buffer): { valid: number; invalid: number; firstInvalidLine: number | null } => {
  let valid = 0;
  let invalid = 0;
  let line = 1;
  let firstInvalidLine: number | null = null;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      firstInvalidLine ??= line;
      i++;
    }
  }
  return { valid, invalid, firstInvalidLine };
};

/** Neither UTF-8 nor Big5: name the line for the encoding the bytes look like (mostly valid UTF-8, or not). */
const neitherReason = (bytes: Buffer, big5Problem: Reason): Reason => {
  const profile = utf8Profile(bytes);
  if (profile.firstInvalidLine !== null && profile.valid > profile.invalid) return IMPORT_REASONS.brokenUtf8(profile.firstInvalidLine);
  return big5Problem;
};

export const detectEncoding = (bytes: Buffer): Detected => {
  if (bytes.length === 0) return { ok: false, reason: IMPORT_REASONS.empty };
  const result = (encoding: TextEncoding, offset: number, problem: Reason | null): Detected => (problem === null ? { ok: true, encoding, offset } : { ok: false, reason: problem });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const utf8 = utf8Chunks(bytes.subarray(3));
    const problem = scan(utf8.texts, null);
    const failed = utf8.failedAt();
    return failed !== null ? { ok: false, reason: IMPORT_REASONS.badUtf8WithBom(failed) } : result('utf-8-bom', 3, problem);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return result('utf-16le', 2, scan(iconvChunks(bytes.subarray(2), 'utf16le'), IMPORT_REASONS.badUtf16));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return result('utf-16be', 2, scan(iconvChunks(bytes.subarray(2), 'utf16be'), IMPORT_REASONS.badUtf16));
  // a NUL byte never appears in UTF-8 or Big5 text (only in UTF-16, which has its BOM)
  if (bytes.includes(0)) return { ok: false, reason: IMPORT_REASONS.binary };
  const utf8 = utf8Chunks(bytes);
  const problem = scan(utf8.texts, null);
  if (utf8.failedAt() === null) return result('utf-8', 0, problem);
  // not UTF-8: Big5 as Windows writes it, refused rather than guessed when a byte sequence does not map
  const big5Problem = scan(iconvChunks(bytes, 'cp950'), IMPORT_REASONS.undecodable);
  if (big5Problem === null) return result('cp950', 0, null);
  return { ok: false, reason: big5Problem === IMPORT_REASONS.binary ? big5Problem : neitherReason(bytes, big5Problem) };
};

/** The whole text (tests and small files only; imports stream it through csvSource). */
export const decodeText = (bytes: Buffer): { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: Reason } => {
  const detected = detectEncoding(bytes);
  if (!detected.ok) return detected;
  return { ok: true, text: iconv.decode(bytes.subarray(detected.offset), ICONV_NAMES[detected.encoding]), encoding: detected.encoding };
};
