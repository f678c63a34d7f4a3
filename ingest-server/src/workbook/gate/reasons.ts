// zh-TW reasons shown to union and government officials: each says what is wrong and what to do next.

const MB = 1024 * 1024;

const SAVE_AS_XLSX = '請用 Excel 開啟後，以「另存新檔」選擇「Excel 活頁簿 (.xlsx)」存檔再上傳';

export const REASONS = {
  empty: '檔案是空的（0 位元組），請重新存檔後再上傳',
  legacyXls: '這是舊版 Excel 97-2003 (.xls) 檔案，請在 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 後再上傳',
  encryptedOffice: '檔案設有開啟密碼（加密），系統無法檢查；請在 Excel 移除密碼後另存為 .xlsx 再上傳',
  encryptedZip: '檔案內容經過加密（設有壓縮密碼），系統無法檢查；請移除密碼後在 Excel 另存為 .xlsx 再上傳',
  corruptZip: '檔案已損毀或不完整（可能下載或複製時中斷），請重新存檔後上傳',
  duplicateEntries: '檔案內部結構異常（含重複的檔案項目），可能遭到修改；請在 Excel 重新存檔後上傳',
  zipBomb: '檔案解壓縮後過大（疑似壓縮炸彈），已拒絕；若是正常的活頁簿，請刪除多餘的工作表或空白列，在 Excel 重新存檔後再上傳',
  macro: '檔案含巨集 (VBA)，為安全起見不予接受；請另存為不含巨集的 Excel 活頁簿 (.xlsx)',
  externalLink: '檔案含外部連結（連到其他活頁簿），請移除外部連結後再上傳',
  pdf: `這是 PDF 檔案（只是副檔名改成 .xlsx），不是 Excel 活頁簿，系統無法檢查；請上傳用 Excel 填寫的活頁簿 (.xlsx)`,
  image: '這是圖片檔（例如掃描或拍照的表格），不是 Excel 活頁簿，系統無法檢查；請上傳用 Excel 填寫的活頁簿 (.xlsx)',
  otherArchive: '這是其他格式的壓縮檔（例如 RAR、7z 或 gz），不是 Excel 活頁簿；請解壓縮後上傳 Excel 活頁簿 (.xlsx)',
  html: `這是網頁 (HTML) 檔案，不是真正的 Excel 活頁簿（常見於從網站系統匯出的「Excel」檔）；${SAVE_AS_XLSX}`,
  xmlSpreadsheet: `這是 XML 試算表 (Excel 2003 XML) 檔案，不是 Excel 活頁簿；${SAVE_AS_XLSX}`,
  csv: `這是 CSV（逗號或定位字元分隔）文字檔，只是副檔名改成 .xlsx，不是 Excel 活頁簿；${SAVE_AS_XLSX}`,
  text: `這是純文字檔，只是副檔名改成 .xlsx，不是 Excel 活頁簿；${SAVE_AS_XLSX}`,
  unknownFormat: `這不是 Excel 活頁簿 (.xlsx) 檔案（無法辨識的檔案格式）；${SAVE_AS_XLSX}`,
  wordLegacy: '這是 Word 文件 (.doc)，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  powerPointLegacy: '這是 PowerPoint 簡報 (.ppt)，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  ods: '這是 OpenDocument 試算表 (.ods) 檔案，請在 LibreOffice 或 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 後再上傳',
  otherOpenDocument: '這是 OpenDocument 文件（例如 .odt 文字文件），不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  docx: '這是 Word 文件 (.docx)，只是副檔名改成 .xlsx，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  pptx: '這是 PowerPoint 簡報 (.pptx)，只是副檔名改成 .xlsx，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  xlsb: '這是 Excel 二進位活頁簿 (.xlsb)，請在 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 後再上傳',
  otherOffice: `這是 Office 文件，但不是 Excel 活頁簿（缺少活頁簿內容）；${SAVE_AS_XLSX}`,
  emptyZip: '檔案是空的壓縮檔，沒有任何活頁簿內容；請在 Excel 重新存檔後再上傳',
  plainZip: '這是一般的壓縮檔 (.zip)，不是 Excel 活頁簿；請解壓縮後上傳 Excel 活頁簿 (.xlsx)',
  oversizedContentTypes: '檔案的內容類型清單異常過大，不像 Excel 儲存的活頁簿；請在 Excel 重新存檔後再上傳',
} as const;

/** "12.5" for 12.5 MB; whole numbers without a trailing ".0". */
function megabytes(bytes: number): string {
  return String(Math.round((bytes / MB) * 10) / 10);
}

export function tooLargeReason(size: number, limit: number): string {
  return `檔案大小 ${megabytes(size)} MB，超過上限 ${megabytes(limit)} MB；請刪除不需要的工作表、圖片或空白列，重新存檔後再上傳`;
}

export function tooManyEntriesReason(count: number, limit: number): string {
  return `檔案內含 ${count.toLocaleString('en-US')} 個項目，超過上限 ${limit.toLocaleString('en-US')} 個，不像一般的 Excel 活頁簿；請刪除多餘的工作表或物件，在 Excel 重新存檔後再上傳`;
}

/** "sheet3.xml" for "xl/worksheets/sheet3.xml": the part a user could recognise. */
function partLabel(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const RESAVE_SMALLER = '請刪除範本以外的工作表、圖片或大量空白列，在 Excel 重新存檔後再上傳';

/** Parts that inflate past what a real application or cash book needs (limits derived from measured templates). */
export function sheetTooLargeReason(path: string, size: number, limit: number): string {
  return `活頁簿內的工作表 ${partLabel(path)} 解壓縮後為 ${megabytes(size)} MB，超過每個工作表 ${megabytes(limit)} MB 的上限；${RESAVE_SMALLER}`;
}

export function partTooLargeReason(path: string, size: number, limit: number): string {
  return `活頁簿內的 ${partLabel(path)} 解壓縮後為 ${megabytes(size)} MB，超過 ${megabytes(limit)} MB 的上限；${RESAVE_SMALLER}`;
}

export function totalTooLargeReason(limit: number): string {
  return `活頁簿解壓縮後的內容合計超過 ${megabytes(limit)} MB 的上限，遠大於福利專款範本所需；${RESAVE_SMALLER}`;
}

/** Refusals of the workbook reader: the file passed the gate but is far larger or stranger than a template. */
export const readerReasons = {
  tooManyCells: (limit: number): string =>
    `活頁簿的儲存格超過 ${limit.toLocaleString('en-US')} 個，遠多於福利專款範本所需，系統不予檢查；${RESAVE_SMALLER}`,
  rowTooLarge: (limit: number): string =>
    `工作表中有一列的內容超過 ${megabytes(limit)} MB，不像 Excel 儲存的活頁簿；${RESAVE_SMALLER}`,
  sheetMarkupTooLarge: (limit: number): string =>
    `工作表中儲存格以外的設定（格式、資料驗證等）超過 ${megabytes(limit)} MB，不像 Excel 儲存的活頁簿；${RESAVE_SMALLER}`,
  tooManyValidationAreas: (sheet: string, limit: number): string =>
    `工作表「${sheet}」的資料驗證分成超過 ${limit.toLocaleString('en-US')} 個範圍，不像福利專款範本；請改用新範本填寫後再上傳`,
  outOfMemory: `活頁簿的內容過於龐大或複雜，超過系統檢查所能使用的記憶體，已拒絕；${RESAVE_SMALLER}`,
  generatedSheetTooLarge: (sheet: string, size: number, limit: number): string =>
    `工作表「${sheet}」由範本產生、不應填寫，但其內容有 ${megabytes(size)} MB，超過 ${megabytes(limit)} MB 的上限，可能遭到修改；請改用新範本填寫後再上傳`,
} as const;
