// Why an import file cannot be read at all, as sub-codes of file.unreadable's {reason} with named params; the zh-TW text
// is shared-rules' (findings/texts/file-texts.ts).
import { type Reason } from '@portfund/shared-rules';

export const IMPORT_REASONS = {
  empty: { reason: 'table.empty' } as Reason,
  legacyXls: { reason: 'table.legacy_xls' } as Reason,
  binary: { reason: 'table.binary' } as Reason,
  undecodable: (line: number): Reason => ({ reason: 'table.undecodable', line }),
  badUtf16: (line: number): Reason => ({ reason: 'table.bad_utf16', line }),
  brokenUtf8: (line: number): Reason => ({ reason: 'table.broken_utf8', line }),
  controlCharacter: (line: number): Reason => ({ reason: 'table.control_character', line }),
  badUtf8WithBom: (line: number): Reason => ({ reason: 'table.bad_utf8_bom', line }),
  csvSyntax: (line: number, quoteNotClosed: boolean): Reason => ({ reason: quoteNotClosed ? 'table.csv_quote' : 'table.csv_syntax', line }),
  recordTooLarge: (line: number): Reason => ({ reason: 'table.record_too_large', line }),
  sheetMissing: (sheet: string, names: readonly string[]): Reason => ({ reason: 'table.sheet_missing', sheetName: sheet, sheets: names.join('、') }),
  noSheet: { reason: 'table.no_sheet' } as Reason,
  xlsxCorrupt: { reason: 'table.xlsx_corrupt' } as Reason,
  tooManyColumns: (max: number): Reason => ({ reason: 'table.too_many_columns', max }),
} as const;
