// zh-TW texts of file.unreadable's {reason}: the upload gate, the workbook reader and the import table readers.
import { type FindingParams } from '../params';
import { type TextTemplate } from './template';

const SAVE_AS_XLSX = '請用 Excel 開啟後，以「另存新檔」選擇「Excel 活頁簿 (.xlsx)」存檔再上傳';
/** What an active formula or name does, by its stable code (reader.active_formula / reader.active_name's {what}). */
const activeText = (p: FindingParams, q: (name: string) => string): string => {
  switch (p.what) {
    case 'dde':
      return '以 DDE 呼叫其他程式';
    case 'external_reference':
      return '參照其他活頁簿（外部參照）';
    case 'hyperlink':
      return `以 HYPERLINK 連到 http(s) 或 mailto 以外的位址（${q('target')}）`;
    default:
      return `使用了 ${q('function')} 函數`;
  }
};

const RESAVE_SMALLER = '請刪除範本以外的工作表、圖片或大量空白列，在 Excel 重新存檔後再上傳';

export const FILE_TEXTS = {
  // the input gate (sizes in MB as "12.5", counts as "12,345": the server formats the numbers)
  'gate.empty': '檔案是空的（0 位元組），請重新存檔後再上傳',
  'gate.legacy_xls': '這是舊版 Excel 97-2003 (.xls) 檔案，請在 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 後再上傳',
  'gate.encrypted_office': '檔案設有開啟密碼（加密），系統無法檢查；請在 Excel 移除密碼後另存為 .xlsx 再上傳',
  'gate.encrypted_zip': '檔案內容經過加密（設有壓縮密碼），系統無法檢查；請移除密碼後在 Excel 另存為 .xlsx 再上傳',
  'gate.corrupt_zip': '檔案已損毀或不完整（可能下載或複製時中斷），請重新存檔後上傳',
  'gate.duplicate_entries': '檔案內部結構異常（含重複的檔案項目），可能遭到修改；請在 Excel 重新存檔後上傳',
  'gate.zip_bomb': '檔案解壓縮後過大（疑似壓縮炸彈），已拒絕；若是正常的活頁簿，請刪除多餘的工作表或空白列，在 Excel 重新存檔後再上傳',
  'gate.macro': '檔案含巨集 (VBA)，為安全起見不予接受；請另存為不含巨集的 Excel 活頁簿 (.xlsx)',
  'gate.external_link': '檔案含外部連結（連到其他活頁簿），請移除外部連結後再上傳',
  'gate.pdf': '這是 PDF 檔案（只是副檔名改成 .xlsx），不是 Excel 活頁簿，系統無法檢查；請上傳用 Excel 填寫的活頁簿 (.xlsx)',
  'gate.image': '這是圖片檔（例如掃描或拍照的表格），不是 Excel 活頁簿，系統無法檢查；請上傳用 Excel 填寫的活頁簿 (.xlsx)',
  'gate.other_archive': '這是其他格式的壓縮檔（例如 RAR、7z 或 gz），不是 Excel 活頁簿；請解壓縮後上傳 Excel 活頁簿 (.xlsx)',
  'gate.html': `這是網頁 (HTML) 檔案，不是真正的 Excel 活頁簿（常見於從網站系統匯出的「Excel」檔）；${SAVE_AS_XLSX}`,
  'gate.xml_spreadsheet': `這是 XML 試算表 (Excel 2003 XML) 檔案，不是 Excel 活頁簿；${SAVE_AS_XLSX}`,
  'gate.csv': `這是 CSV（逗號或定位字元分隔）文字檔，只是副檔名改成 .xlsx，不是 Excel 活頁簿；${SAVE_AS_XLSX}`,
  'gate.text': `這是純文字檔，只是副檔名改成 .xlsx，不是 Excel 活頁簿；${SAVE_AS_XLSX}`,
  'gate.unknown_format': `這不是 Excel 活頁簿 (.xlsx) 檔案（無法辨識的檔案格式）；${SAVE_AS_XLSX}`,
  'gate.word_legacy': '這是 Word 文件 (.doc)，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  'gate.power_point_legacy': '這是 PowerPoint 簡報 (.ppt)，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  'gate.ods': '這是 OpenDocument 試算表 (.ods) 檔案，請在 LibreOffice 或 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 後再上傳',
  'gate.other_open_document': '這是 OpenDocument 文件（例如 .odt 文字文件），不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  'gate.docx': '這是 Word 文件 (.docx)，只是副檔名改成 .xlsx，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  'gate.pptx': '這是 PowerPoint 簡報 (.pptx)，只是副檔名改成 .xlsx，不是 Excel 活頁簿；請上傳 Excel 活頁簿 (.xlsx)',
  'gate.xlsb': '這是 Excel 二進位活頁簿 (.xlsb)，請在 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 後再上傳',
  'gate.other_office': `這是 Office 文件，但不是 Excel 活頁簿（缺少活頁簿內容）；${SAVE_AS_XLSX}`,
  'gate.empty_zip': '檔案是空的壓縮檔，沒有任何活頁簿內容；請在 Excel 重新存檔後再上傳',
  'gate.plain_zip': '這是一般的壓縮檔 (.zip)，不是 Excel 活頁簿；請解壓縮後上傳 Excel 活頁簿 (.xlsx)',
  'gate.oversized_content_types': '檔案的內容類型清單異常過大，不像 Excel 儲存的活頁簿；請在 Excel 重新存檔後再上傳',
  'gate.too_large': '檔案大小 {sizeMb} MB，超過上限 {limitMb} MB；請刪除不需要的工作表、圖片或空白列，重新存檔後再上傳',
  'gate.too_many_entries': '檔案內含 {count} 個項目，超過上限 {limit} 個，不像一般的 Excel 活頁簿；請刪除多餘的工作表或物件，在 Excel 重新存檔後再上傳',
  'gate.sheet_too_large': `活頁簿內的工作表 {part} 解壓縮後為 {sizeMb} MB，超過每個工作表 {limitMb} MB 的上限；${RESAVE_SMALLER}`,
  'gate.part_too_large': `活頁簿內的 {part} 解壓縮後為 {sizeMb} MB，超過 {limitMb} MB 的上限；${RESAVE_SMALLER}`,
  'gate.total_too_large': `活頁簿解壓縮後的內容合計超過 {limitMb} MB 的上限，遠大於福利專款範本所需；${RESAVE_SMALLER}`,
  // the workbook reader: the file passed the gate but is far larger or stranger than a template
  'reader.too_many_cells': `活頁簿的儲存格超過 {limit} 個，遠多於福利專款範本所需，系統不予檢查；${RESAVE_SMALLER}`,
  'reader.row_too_large': `工作表中有一列的內容超過 {limitMb} MB，不像 Excel 儲存的活頁簿；${RESAVE_SMALLER}`,
  'reader.sheet_markup_too_large': `工作表中儲存格以外的設定（格式、資料驗證等）超過 {limitMb} MB，不像 Excel 儲存的活頁簿；${RESAVE_SMALLER}`,
  'reader.too_many_validation_areas': '工作表「{sheetName}」的資料驗證分成超過 {limit} 個範圍，不像福利專款範本；請改用新範本填寫後再上傳',
  'reader.out_of_memory': `活頁簿的內容過於龐大或複雜，超過系統檢查所能使用的記憶體，已拒絕；${RESAVE_SMALLER}`,
  'reader.generated_sheet_too_large': '工作表「{sheetName}」由範本產生、不應填寫，但其內容有 {sizeMb} MB，超過 {limitMb} MB 的上限，可能遭到修改；請改用新範本填寫後再上傳',
  'reader.corrupt': '檔案內容損毀或不是有效的 Excel 活頁簿，請在 Excel 開啟後另存為 .xlsx 再上傳',
  'reader.corrupt_xml': '檔案內容損毀或不是有效的 Excel 活頁簿（活頁簿內部的 XML 格式錯誤），請在 Excel 開啟後另存為 .xlsx 再上傳',
  // bounds from the definition (shared-rules definition/bounds.ts): the readers refuse before allocating by them
  'bounds.too_many_names': '活頁簿的定義名稱超過 {limit} 個，遠多於福利專款範本所需，系統不予檢查；請改用新範本填寫後再上傳',
  'bounds.name_too_large':
    '定義名稱「{name}」的範圍有 {rows} 列 × {columns} 欄，超過範本最大 {limitRows} 列 × {limitColumns} 欄，可能遭到修改；請改用新範本填寫後再上傳',
  'bounds.row_out_of_range': `工作表「{sheetName}」第 {row} 列有內容，超過範本最多 {limit} 列；${RESAVE_SMALLER}`,
  'bounds.column_out_of_range': `工作表「{sheetName}」第 {column} 欄有內容，超過範本最多 {limit} 欄；${RESAVE_SMALLER}`,
  'bounds.too_many_styles': `活頁簿的儲存格格式超過 {limit} 種，不像 Excel 儲存的活頁簿；${RESAVE_SMALLER}`,
  'bounds.too_many_strings': `活頁簿的文字超過 {limit} 筆，遠多於福利專款範本所需；${RESAVE_SMALLER}`,
  'bounds.string_too_long': '活頁簿中有一段文字超過 {limit} 個字元（Excel 儲存格的上限），不像 Excel 儲存的活頁簿；請在 Excel 重新存檔後再上傳',
  // the allow-list gate: only the parts a portfund workbook can contain, nothing that runs or reaches outside
  'gate.part_not_allowed': '活頁簿內含福利專款範本不會有的項目「{part}」（例如內嵌物件、ActiveX、巨集、外部資料連線或增益集設定），為安全起見不予接受；請將資料複製到新範本後再上傳',
  'gate.content_type_not_allowed': '活頁簿內「{part}」的內容類型「{contentType}」不是福利專款範本會有的類型，為安全起見不予接受；請將資料複製到新範本後再上傳',
  'gate.external_relationship': '活頁簿內「{part}」含有指向外部的連結（{relationship}：{target}），開啟時可能連線到其他電腦，為安全起見不予接受；請移除連結後再上傳',
  'gate.relationship_not_allowed': '活頁簿內「{part}」含有福利專款範本不會有的關聯（{relationship}：{type}），為安全起見不予接受；請將資料複製到新範本後再上傳',
  'gate.invalid_utf8': '活頁簿內「{part}」的內容不是有效的 UTF-8 文字，可能遭到修改或已損毀；請在 Excel 重新存檔後再上傳',
  'gate.bad_entry_name': '活頁簿內有名稱異常的項目（含控制字元、絕對路徑或上層目錄），可能遭到修改；請在 Excel 重新存檔後再上傳',
  'reader.active_formula': (p, q) =>
    `工作表「${q('sheetName')}」儲存格 ${q('cell')} 的公式${activeText(p, q)}，開啟時可能執行程式或連線到其他電腦，為安全起見不予接受；請刪除該公式後再上傳`,
  'reader.active_name': (p, q) => `定義名稱「${q('name')}」${activeText(p, q)}，開啟時可能執行程式或連線到其他電腦，為安全起見不予接受；請刪除該名稱後再上傳`,
  // the application's PDF attachments (file.attachment_missing's {part}; file.attachment_refused's {reason})
  'attachment.meeting': '會員大會或理監事會議紀錄（PDF）',
  'attachment.method': '福利專款運用補助辦法（PDF）',
  'pdf.empty': '檔案是空的（0 位元組），請重新產生 PDF 後再上傳',
  'pdf.too_large': '檔案大小 {sizeMb} MB，超過附件上限 {limitMb} MB；請降低掃描解析度或分頁壓縮後再上傳',
  'pdf.not_pdf': '這不是 PDF 檔案（可能是改了副檔名的 Excel 活頁簿或其他檔案）；請上傳 PDF 格式的會議紀錄或補助辦法',
  'pdf.polyglot': '檔案同時帶有 PDF 與壓縮檔 (zip) 的結構，可能藏有其他檔案，為安全起見不予接受；請重新產生 PDF 後再上傳',
  'pdf.encrypted': '這個 PDF 設有密碼或加密，系統無法檢查；請移除密碼（或以「列印成 PDF」另存一份）後再上傳',
  'pdf.javascript': '這個 PDF 含有 JavaScript 程式，開啟時可能執行程式，為安全起見不予接受；請以「列印成 PDF」另存一份後再上傳',
  'pdf.launch': '這個 PDF 含有啟動其他程式或開啟其他檔案的動作，為安全起見不予接受；請以「列印成 PDF」另存一份後再上傳',
  'pdf.embedded_file': '這個 PDF 內嵌了其他檔案（附加檔案），為安全起見不予接受；請移除附加檔案，或以「列印成 PDF」另存一份後再上傳',
  'pdf.active_content': '這個 PDF 含有開啟或瀏覽時自動執行的動作、表單程式 (XFA) 或多媒體內容，為安全起見不予接受；請以「列印成 PDF」另存一份後再上傳',
  'pdf.truncated': '這個 PDF 不完整（檔案結尾缺漏，可能下載或複製時中斷），請重新存檔後再上傳',
  'pdf.corrupt': '這個 PDF 已損毀或格式錯誤，無法開啟；請重新產生 PDF 後再上傳',
  'pdf.no_pages': '這個 PDF 沒有任何頁面，請確認檔案內容後再上傳',
  'pdf.too_complex': '這個 PDF 的內容過於龐大或複雜，超過系統檢查所能使用的時間或記憶體，已拒絕；請降低掃描解析度或重新產生 PDF 後再上傳',
  'pdf.name_unknown': '附件檔名須為「年度_統一編號_metting.pdf」（會議紀錄，亦可寫作 meeting）或「年度_統一編號_method.pdf」（運用補助辦法），例如 115_12345678_method.pdf',
  'pdf.no_application': '{year}尚未上傳申請書，附件無法歸檔；請先上傳（或與附件一併上傳）該年度的申請書',
  'pdf.application_closed': '{year}申請書已{status}，不能再更換附件；如需補件請洽地方主管機關',
  // the CLI, before reading a path
  'cli.not_a_file': '不是檔案',
  'cli.not_found': '找不到檔案或沒有讀取權限',
  'cli.too_large': '檔案大小 {sizeMb} MB 超過上限 {limitMb} MB',
  // import files (CSV or XLSX) that cannot be read at all
  'table.empty': '檔案是空的（0 位元組），請重新匯出後再上傳',
  'table.legacy_xls': '這是舊版 Excel 97-2003 (.xls) 檔案，請在 Excel 以「另存新檔」存成 Excel 活頁簿 (.xlsx) 或 CSV 後再上傳',
  'table.binary': '這不是 CSV 文字檔或 Excel 活頁簿 (.xlsx)（內容含二進位資料），請上傳 CSV（UTF-8 或 Big5）或 .xlsx 檔',
  'table.undecodable':
    '檔案不是有效的 UTF-8，也不是 Big5 (CP950)：內容看來是 Big5，但第 {line} 行有 Big5 (CP950) 無法表示的字（可能是造字，或香港增補字符集的字如「堃」）。請以「CSV UTF-8」另存後再上傳',
  'table.bad_utf16': '檔案標示為 UTF-16（Unicode 文字），但第 {line} 行含無效的字元，請重新以「CSV UTF-8」另存後再上傳',
  'table.broken_utf8':
    '檔案不是有效的 UTF-8，也不是 Big5 (CP950)：內容看來是 UTF-8，但第 {line} 行有無效的位元組（檔案可能損毀或混入其他編碼的文字）。請修正該行，或以「CSV UTF-8」重新另存後再上傳',
  'table.control_character': '第 {line} 行含有不可見的控制字元，請刪除該字元（或以 Excel 重新另存為 CSV）後再上傳',
  'table.bad_utf8_bom': '檔案標示為 UTF-8，但第 {line} 行含無效的位元組，請重新以「CSV UTF-8」另存後再上傳',
  'table.csv_quote': 'CSV 格式錯誤（第 {line} 行：引號未結束），請檢查引號是否成對，或以 Excel 重新另存為 CSV',
  'table.csv_syntax': 'CSV 格式錯誤（第 {line} 行：無法解析），請檢查引號是否成對，或以 Excel 重新另存為 CSV',
  'table.record_too_large': 'CSV 第 {line} 行過長（可能缺少結尾引號），請檢查該行',
  'table.sheet_missing': (p, q) => `活頁簿沒有名為「${q('sheetName')}」的工作表（有：${p.sheets === undefined || p.sheets === '' ? '無' : q('sheets')}）`,
  'table.no_sheet': '活頁簿沒有任何工作表',
  'table.xlsx_corrupt': '活頁簿內容損毀或無法解析，請在 Excel 重新存檔後再上傳',
  'table.too_many_columns': '欄位超過 {max} 欄，不像是匯入檔案，請確認檔案內容',
} as const satisfies Record<string, TextTemplate>;
