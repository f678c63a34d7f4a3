// zh-TW reasons an import file cannot be read at all: each says what is wrong and what to do.
export const IMPORT_REASONS = {
  empty: '檔案是空的（0 位元組），請重新匯出後再上傳',
  legacyXls: '這是舊版 Excel 97-2003 (.xls) 檔案，請在 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 或 CSV 後再上傳',
  binary: '這不是 CSV 文字檔或 Excel 活頁簿 (.xlsx)（內容含二進位資料），請上傳 CSV（UTF-8 或 Big5）或 .xlsx 檔',
  undecodable: (line: number): string =>
    `檔案不是有效的 UTF-8，也不是 Big5 (CP950)：內容看來是 Big5，但第 ${line} 行有 Big5 (CP950) 無法表示的字（可能是造字，或香港增補字符集的字如「堃」）。請以「CSV UTF-8」另存後再上傳`,
  badUtf16: (line: number): string => `檔案標示為 UTF-16（Unicode 文字），但第 ${line} 行含無效的字元，請重新以「CSV UTF-8」另存後再上傳`,
  brokenUtf8: (line: number): string =>
    `檔案不是有效的 UTF-8，也不是 Big5 (CP950)：內容看來是 UTF-8，但第 ${line} 行有無效的位元組（檔案可能損毀或混入其他編碼的文字）。請修正該行，或以「CSV UTF-8」重新另存後再上傳`,
  controlCharacter: (line: number): string => `第 ${line} 行含有不可見的控制字元，請刪除該字元（或以 Excel 重新另存為 CSV）後再上傳`,
  badUtf8WithBom: (line: number): string => `檔案標示為 UTF-8，但第 ${line} 行含無效的位元組，請重新以「CSV UTF-8」另存後再上傳`,
  csvSyntax: (line: number, what: string): string => `CSV 格式錯誤（第 ${line} 行：${what}），請檢查引號是否成對，或以 Excel 重新另存為 CSV`,
  recordTooLarge: (line: number): string => `CSV 第 ${line} 行過長（可能缺少結尾引號），請檢查該行`,
  sheetMissing: (sheet: string, names: readonly string[]): string => `活頁簿沒有名為「${sheet}」的工作表（有：${names.join('、') || '無'}）`,
  noSheet: '活頁簿沒有任何工作表',
  xlsxCorrupt: '活頁簿內容損毀或無法解析，請在 Excel 重新存檔後再上傳',
  tooManyColumns: (max: number): string => `欄位超過 ${max} 欄，不像是匯入檔案，請確認檔案內容`,
} as const;
