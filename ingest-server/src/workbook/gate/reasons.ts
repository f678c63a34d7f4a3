// Why the gate or the reader refuses a workbook, as sub-codes of file.unreadable's {reason} with named params; the zh-TW
// text is shared-rules' (findings/texts/file-texts.ts), written only when the finding is shown.
import { type Reason } from '@portfund/shared-rules';

const MB = 1024 * 1024;

export const REASONS = {
  empty: { reason: 'gate.empty' },
  legacyXls: { reason: 'gate.legacy_xls' },
  encryptedOffice: { reason: 'gate.encrypted_office' },
  encryptedZip: { reason: 'gate.encrypted_zip' },
  corruptZip: { reason: 'gate.corrupt_zip' },
  duplicateEntries: { reason: 'gate.duplicate_entries' },
  zipBomb: { reason: 'gate.zip_bomb' },
  macro: { reason: 'gate.macro' },
  externalLink: { reason: 'gate.external_link' },
  pdf: { reason: 'gate.pdf' },
  image: { reason: 'gate.image' },
  otherArchive: { reason: 'gate.other_archive' },
  html: { reason: 'gate.html' },
  xmlSpreadsheet: { reason: 'gate.xml_spreadsheet' },
  csv: { reason: 'gate.csv' },
  text: { reason: 'gate.text' },
  unknownFormat: { reason: 'gate.unknown_format' },
  wordLegacy: { reason: 'gate.word_legacy' },
  powerPointLegacy: { reason: 'gate.power_point_legacy' },
  ods: { reason: 'gate.ods' },
  otherOpenDocument: { reason: 'gate.other_open_document' },
  docx: { reason: 'gate.docx' },
  pptx: { reason: 'gate.pptx' },
  xlsb: { reason: 'gate.xlsb' },
  otherOffice: { reason: 'gate.other_office' },
  emptyZip: { reason: 'gate.empty_zip' },
  plainZip: { reason: 'gate.plain_zip' },
  oversizedContentTypes: { reason: 'gate.oversized_content_types' },
  badEntryName: { reason: 'gate.bad_entry_name' },
} as const satisfies Record<string, Reason>;

/** "12.5" for 12.5 MB; whole numbers without a trailing ".0". */
function megabytes(bytes: number): string {
  return String(Math.round((bytes / MB) * 10) / 10);
}

/** "12,345": counts as the texts show them. */
const count = (n: number): string => n.toLocaleString('en-US');

export function tooLargeReason(size: number, limit: number): Reason {
  return { reason: 'gate.too_large', sizeMb: megabytes(size), limitMb: megabytes(limit) };
}

export function tooManyEntriesReason(entries: number, limit: number): Reason {
  return { reason: 'gate.too_many_entries', count: count(entries), limit: count(limit) };
}

/** "sheet3.xml" for "xl/worksheets/sheet3.xml": the part a user could recognise. */
function partLabel(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Parts that inflate past what a real application or cash book needs (limits derived from measured templates). */
export function sheetTooLargeReason(path: string, size: number, limit: number): Reason {
  return { reason: 'gate.sheet_too_large', part: partLabel(path), sizeMb: megabytes(size), limitMb: megabytes(limit) };
}

export function partTooLargeReason(path: string, size: number, limit: number): Reason {
  return { reason: 'gate.part_too_large', part: partLabel(path), sizeMb: megabytes(size), limitMb: megabytes(limit) };
}

export function totalTooLargeReason(limit: number): Reason {
  return { reason: 'gate.total_too_large', limitMb: megabytes(limit) };
}

/** Refusals of the workbook reader: the file passed the gate but is far larger or stranger than a template. */
export const readerReasons = {
  tooManyCells: (limit: number): Reason => ({ reason: 'reader.too_many_cells', limit: count(limit) }),
  rowTooLarge: (limit: number): Reason => ({ reason: 'reader.row_too_large', limitMb: megabytes(limit) }),
  sheetMarkupTooLarge: (limit: number): Reason => ({ reason: 'reader.sheet_markup_too_large', limitMb: megabytes(limit) }),
  tooManyValidationAreas: (sheet: string, limit: number): Reason => ({ reason: 'reader.too_many_validation_areas', sheetName: sheet, limit: count(limit) }),
  outOfMemory: { reason: 'reader.out_of_memory' } as Reason,
  generatedSheetTooLarge: (sheet: string, size: number, limit: number): Reason => ({
    reason: 'reader.generated_sheet_too_large',
    sheetName: sheet,
    sizeMb: megabytes(size),
    limitMb: megabytes(limit),
  }),
  corrupt: { reason: 'reader.corrupt' } as Reason,
  corruptXml: { reason: 'reader.corrupt_xml' } as Reason,
} as const;
