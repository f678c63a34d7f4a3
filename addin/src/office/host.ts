// What the running Office host supports, asked once through the common API (no Excel.run needed).
export const MIN_EXCEL_API = '1.2';
/** Workbook.functions (worksheet functions evaluated without touching a cell): how the date system is told. */
export const FUNCTIONS_EXCEL_API = '1.2';
/** Worksheet.onChanged: re-check automatically after edits. */
export const EVENTS_EXCEL_API = '1.7';

export const isExcelApiSupported = (version: string): boolean => {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
};

/** getFileAsync(Office.FileType.Compressed) — the workbook's .xlsx bytes — is the CompressedFile requirement set. */
export const isFileApiSupported = (): boolean => {
  try {
    return Office.context.requirements.isSetSupported('CompressedFile', '1.1');
  } catch {
    return false;
  }
};
