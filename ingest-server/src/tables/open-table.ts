// An uploaded import file → a table source: a zip or OLE container must be a safe .xlsx (the input gate decides);
// anything else must be CSV text in a supported encoding.
import { type Reason } from '@portfund/shared-rules';
import { DEFAULT_LIMITS, openWorkbookBytes, type GateLimits } from '../workbook/gate/input-gate';
import { csvSource } from './csv-source';
import { detectEncoding } from './decode';
import { IMPORT_REASONS } from './reasons';
import { type TableSource } from './source';
import { xlsxSource } from './xlsx-source';

export type OpenedTable = { ok: true; source: TableSource } | { ok: false; reason: Reason };

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

export interface OpenOptions {
  /** XLSX: the sheet to read (default: the first). */
  readonly sheet?: string;
  readonly limits?: GateLimits;
}

export const openTable = async (bytes: Buffer, options: OpenOptions = {}): Promise<OpenedTable> => {
  if (bytes.length === 0) return { ok: false, reason: IMPORT_REASONS.empty };
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) {
    const gate = await openWorkbookBytes(bytes, options.limits ?? DEFAULT_LIMITS);
    if (!gate.ok) return { ok: false, reason: gate.kind === 'legacy_xls' ? IMPORT_REASONS.legacyXls : gate.reason };
    // one handle for the gate and every pass of the import
    return { ok: true, source: xlsxSource(gate.zip, options.sheet) };
  }
  const text = detectEncoding(bytes);
  return text.ok ? { ok: true, source: csvSource(bytes, text.encoding, text.offset) } : { ok: false, reason: text.reason };
};
