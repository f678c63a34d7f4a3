// The rule catalogue: every finding code once, with its severity, zh-TW title, explanation, message and the seed rule it enforces.
// Messages use named {params}; rules never write message text (see findings/make.ts).

export type Category =
  | 'file'
  | 'template'
  | 'cell'
  | 'date'
  | 'id'
  | 'contact'
  | 'sum'
  | 'fa'
  | 'ratio'
  | 'xsheet'
  | 'budget'
  | 'roster'
  | 'training'
  | 'ledger'
  | 'recon'
  | 'import'
  | 'union'
  | 'officer'
  | 'volunteer';

export interface CatalogueEntry {
  readonly severity: 'error' | 'warning';
  readonly category: Category;
  /** Short zh-TW title. */
  readonly title: string;
  /** zh-TW explanation of the rule and how to fix it (the 填表說明 sheet and help page show it). */
  readonly explanation: string;
  /** zh-TW message template with {named} parameters. */
  readonly message: string;
  /** The seed section (or SPEC section, where SPEC states the interpretation) the rule enforces. */
  readonly source: string;
  /** zh-TW: how the rule reads the seed where a reading had to be chosen (what a reviewer checks against the manual). */
  readonly reading?: string;
  /** Where the rule runs: in the workbook alone, or only where the server has other filings / registries. */
  readonly scope: 'workbook' | 'server' | 'import';
}

const entries = {
  // ── file ──────────────────────────────────────────────────────────────
  'file.unreadable': {
    severity: 'error',
    category: 'file',
    title: '檔案無法讀取',
    explanation:
      '檔案必須是以勞動部範本填寫、另存為 Excel 活頁簿 (.xlsx) 的檔案。舊版 .xls、加密、含巨集 (.xlsm)、含外部連結、損毀或過大的檔案都無法檢查，請以最新範本重新填寫後上傳。',
    message: '無法讀取檔案：{reason}',
    source: '004 §1.2(二)2(1)；SPEC §5',
    scope: 'workbook',
  },
  'file.name': {
    severity: 'warning',
    category: 'file',
    title: '檔名不符規定',
    explanation:
      '上傳檔名須使用英文檔名：申請書為「年度_統編_application.xlsx」(例：115_12345678_application.xlsx)；現金收支登記簿為「年度月份_統編_accounting.xlsx」(例：11503_12345678_accounting.xlsx，月份為 03、06、09、12)。',
    message: '檔名「{actual}」不符規定，應為「{expected}」',
    source: '004 §1.2(二)2(7)、(三)1(7)',
    scope: 'workbook',
  },
  'file.name_mismatch': {
    severity: 'error',
    category: 'file',
    title: '檔名與檔案內容不一致',
    explanation: '檔名中的年度、月份或統一編號必須與活頁簿內填寫的內容相同，否則無法歸檔。請確認是否上傳錯檔，或更正檔名。',
    message: '檔名的{part}為「{actual}」，但活頁簿內為「{expected}」',
    source: '004 §1.2；SPEC §5',
    reading: '只拿通過本身檢查的年度與統一編號比對檔名：活頁簿內的統一編號檢查碼錯誤或年度格式錯誤時，只報該儲存格的錯誤，不再推論檔名不符。',
    scope: 'workbook',
  },

  // the application's two PDFs (seed 004 §1.2(二)3): checked by the server (stored with the filing) and by `portfund check`
  // an error, not a warning: the seed requires both documents with the application, so without them it is incomplete and
  // a reviewer should not approve it as it stands (a warning would let an application without its minutes pass as clean)
  'file.attachment_missing': {
    severity: 'error',
    category: 'file',
    title: '申請書缺少附件',
    explanation:
      '申請書須連同兩個 PDF 附件送審：會員大會或理監事會議紀錄（年度_統編_metting.pdf，亦可寫作 meeting）及福利專款運用補助辦法（年度_統編_method.pdf）。可與申請書一併上傳，或日後在申報頁面補上傳；兩者都上傳後此錯誤即消失。',
    message: '申請書缺少{part}，請上傳「{expected}」',
    source: '004 §1.2(二)3',
    scope: 'server',
  },
  'file.attachment_refused': {
    severity: 'error',
    category: 'file',
    title: '附件 PDF 不予接受',
    explanation:
      '附件須為一般的 PDF 檔案：不可設定密碼（加密），不可含 JavaScript、開啟時執行的動作、啟動其他程式的動作或內嵌檔案，且不可損毀或超過大小上限。請以「列印成 PDF」或掃描重新產生 PDF 後再上傳。',
    message: '附件「{actual}」不予接受：{reason}',
    source: '004 §1.2(二)3；SPEC §5',
    scope: 'server',
  },

  // ── template ──────────────────────────────────────────────────────────
  'template.unknown': {
    severity: 'error',
    category: 'template',
    title: '不是本系統的範本',
    explanation: '請從勞動部網站或本系統下載福利專款申請書或現金收支登記簿範本填寫，不要使用自行製作或其他來源的表格。',
    message: '此活頁簿不是福利專款申請書或現金收支登記簿範本（{reason}），請下載最新範本重新填寫',
    source: '004 §1.2(二)2(1)',
    scope: 'workbook',
  },
  'template.outdated': {
    severity: 'warning',
    category: 'template',
    title: '範本版本過舊',
    explanation: '舊版範本仍可檢查，但請改用最新版範本（可用 portfund migrate 轉換），以免參數表或公式與現行規定不同。',
    message: '此活頁簿使用 {actual} 版範本，最新版為 {expected}，請改用最新範本',
    source: 'SPEC §3',
    scope: 'workbook',
  },
  'template.structure': {
    severity: 'error',
    category: 'template',
    title: '表單結構已被變更',
    explanation: '表單內非填寫區域已設定保護，請勿變更表單結構（不可插入或刪除任一行列、不可修改標題或公式、不可取消工作表保護或儲存格鎖定、不可刪改下拉選單與資料驗證）。請將資料複製到新範本的填寫欄位。',
    message: '表單結構已被變更：{reason}',
    source: '004 §1.2(二)2(6)',
    reading: '訊息以工作表、儲存格位置與欄位標題說明被變更之處，不提範本內部的名稱（defined names），使用者才能對照表單找到。',
    scope: 'workbook',
  },
  'template.formula_overwritten': {
    severity: 'error',
    category: 'template',
    title: '公式被覆寫',
    explanation: '合計、結存與摘要(一)等欄位由公式自動計算，不可直接輸入數值。請從新範本複製此儲存格的公式還原。',
    message: '此儲存格應為自動計算的公式，卻被填入固定值「{actual}」，請還原公式',
    source: '004 §2.3(二)3、§2.5(二)2、§2.7(二)3、§2.8(二)3(2)',
    scope: 'workbook',
  },

  // ── cell ──────────────────────────────────────────────────────────────
  'cell.required': {
    severity: 'error',
    category: 'cell',
    title: '必填欄位未填',
    explanation: '此欄位為必填。填寫資料完整，地方主管機關才能上傳系統。',
    message: '「{label}」為必填欄位，請填寫',
    source: '004 §2.1(二)1、§2.3(二)1、7、§2.4(二)、§2.6(二)1、§2.7(二)1、§2.8(二)3(3)',
    reading: '決算受益情形：§2.3(二)1「所有欄位必填」及 7，範本 1.3 起每一格受益人次、場次、時數都須填寫（無人受益填 0，如填寫範例）。',
    scope: 'workbook',
  },
  'cell.type': {
    severity: 'error',
    category: 'cell',
    title: '資料型態不符',
    explanation: '數字欄位請只填阿拉伯數字（不加千分位逗號、單位或文字，例如 2000 而非 2,000）；日期欄位請依民國年月日 7 碼格式填寫。',
    message: '「{label}」應為{expectedType}，目前內容為「{actual}」',
    reading: '金額欄以文字輸入「2,000」時，提示刪除千分位逗號並輸入 2000（§1.2(二)2(5) 數字請用半形阿拉伯數字）。',
    source: '004 §2.1(二)13、§2.3(二)7',
    scope: 'workbook',
  },
  'cell.fullwidth': {
    severity: 'error',
    category: 'cell',
    title: '使用了全形字',
    explanation: '數字不可使用全形字，請使用半形字。',
    message: '「{label}」含全形字元「{actual}」，請改為半形「{suggestion}」',
    source: '004 §1.2(二)2(5)、(三)1(5)',
    scope: 'workbook',
  },
  'cell.max_digits': {
    severity: 'error',
    category: 'cell',
    title: '數字位數超過上限',
    explanation: '金額最多 9 位數字、場次使用經費最多 7 位、受益人數與場次時數最多 5 位。',
    message: '「{label}」最多 {limit} 位數字，目前為 {actual}',
    reading: '訊息中的數字以千分位顯示（1,234,567,890），便於數位數；超過位數的金額不再參與任何合計、比率或比對。',
    source: '004 §2.3(二)2、4；§2.4(三)8、9；§2.7(二)2；§2.8(二)2(4)、3(5)',
    scope: 'workbook',
  },
  'cell.max_length': {
    severity: 'error',
    category: 'cell',
    title: '文字長度超過上限',
    explanation: '文字長度以字元計算（中文字一字算一個字元）。',
    message: '「{label}」最多 {limit} 個字，目前 {actual} 個字',
    source: '004 §2.1(二)7、§2.4(二)4、7、9、§2.6(二)7、§2.7(二)4(6)、§2.8(二)3(3)(4)',
    reading:
      '課程名稱：§2.4(二)7「每場次同一課程類別可填寫多項不同課程名稱，最多 100 個文字」優先於 §2.4(三)6 的 50 字（範本 1.3 起；1.0–1.2 版仍為 50 字）。',
    scope: 'workbook',
  },
  'cell.negative': {
    severity: 'error',
    category: 'cell',
    title: '不可為負數',
    explanation: '金額、人數與時數不可為負數。沖銷或更正請以「7、福利專款誤植或扣抵」或「收-非商港服務費福利專款」登錄。',
    message: '「{label}」不可為負數（{actual}）',
    source: 'SPEC §2',
    scope: 'workbook',
  },
  'cell.not_integer': {
    severity: 'error',
    category: 'cell',
    title: '須為整數',
    explanation: '金額以新臺幣元為單位，人數、場次亦須為整數，不可有小數。',
    message: '「{label}」須為整數，目前為 {actual}',
    source: 'SPEC §2',
    scope: 'workbook',
  },
  'cell.enum': {
    severity: 'error',
    category: 'cell',
    title: '不是下拉選單的選項',
    explanation: '此欄位請由下拉選單點選，只能填入選單提供的選項。',
    message: '「{label}」的內容「{actual}」不是可選的選項（{expected}）',
    source: '004 §2.4(二)3、§2.8(二)3(2)(6)；SPEC §2、§4.1',
    scope: 'workbook',
  },
  'cell.forbidden': {
    severity: 'error',
    category: 'cell',
    title: '此欄位不可填寫',
    explanation: '教育訓練、會員福利與行政事務費不得動支結餘款（表上以「/」標示），請改列分配款或利息欄。',
    message: '「{label}」不可填寫（表上標示「/」），請刪除「{actual}」並改列於可填欄位',
    source: '004 §2.3(一)(二)6(1)',
    scope: 'workbook',
  },
  'cell.formula': {
    severity: 'error',
    category: 'cell',
    title: '填寫欄位不可使用公式',
    explanation:
      '此欄請直接輸入數值或文字，不可使用公式或參照其他儲存格（例如 =B4*2、=SUM(B3:B9)、=HYPERLINK(…)）。單純的數字四則運算（例如 =1200*3）由系統自行計算；其他公式的結果無法確認，系統不採用檔案中儲存的計算結果，此欄視為未能判讀。',
    message: '「{label}」含公式「{actual}」：此欄請直接輸入數值或文字，不可使用公式或參照其他儲存格',
    source: '004 §1.2(二)2(3)(4)、(三)1(3)(4)；SPEC §7',
    scope: 'workbook',
  },

  // ── date ──────────────────────────────────────────────────────────────
  'date.roc_invalid': {
    severity: 'error',
    category: 'date',
    title: '民國日期格式錯誤',
    explanation: '日期格式為民國年年年月月日日共 7 碼文字，例如 0840301（民國 84 年 3 月 1 日），且須為實際存在的日期。',
    message: '「{label}」填寫的「{actual}」不是有效的日期：{reason}',
    source: '004 §2.1(二)5、§2.4(二)2；SPEC §2',
    scope: 'workbook',
  },
  'date.out_of_range': {
    severity: 'error',
    category: 'date',
    title: '日期超出範圍',
    explanation: '日期必須落在該表單所屬的年度或期間內，例如教育訓練成果報告須為上一年度，申請年度不可低於 100。',
    message: '「{label}」填寫的「{actual}」超出範圍：{reason}',
    source: '004 §2.1(二)2、§2.4；SPEC §3.4',
    scope: 'workbook',
  },

  // ── identifiers and contacts ─────────────────────────────────────────
  'id.ubn_checksum': {
    severity: 'error',
    category: 'id',
    title: '統一編號錯誤',
    explanation:
      '統一編號為 8 碼數字並須通過財政部檢查碼（112 年新制：加權和可被 5 整除；第 7 碼為 7 時加權和加 1 可被 5 整除亦可）。若 Excel 吃掉開頭的 0，請將儲存格設為文字後重新輸入。',
    message: '「{label}」填寫的「{actual}」{reason}',
    source: '004 §2.1(二)4、§2.8(二)2(3)；SPEC §2',
    scope: 'workbook',
  },
  'id.national_id': {
    severity: 'error',
    category: 'id',
    title: '身分證字號或居留證號錯誤',
    explanation: '身分證字號為 1 個英文字母加 9 碼數字，第 2 碼 1 為男、2 為女；居留證號（舊式第 2 碼 A–D、新式第 2 碼 8、9）亦適用檢查碼。性別欄須與第 2 碼相符。',
    message: '「{label}」填寫的「{actual}」{reason}',
    source: '004 §2.2；SPEC §2',
    scope: 'workbook',
  },
  'contact.phone_format': {
    severity: 'error',
    category: 'contact',
    title: '電話格式錯誤',
    explanation: '電話、傳真請加區域碼及「-」，例如 04-25670000、049-2345678、0836-22123；手機為 0912-345678；分機以 #123 表示。',
    message: '「{label}」填寫的「{actual}」格式錯誤：{reason}',
    source: '004 §2.1(二)11；SPEC §2',
    scope: 'workbook',
  },
  'contact.email_format': {
    severity: 'error',
    category: 'contact',
    title: '電子信箱格式錯誤',
    explanation: '電子信箱格式為 xxx@xxx.xxx.tw 之類的一般地址，不可含空白或全形字。',
    message: '「{label}」填寫的「{actual}」格式錯誤',
    source: '004 §2.1(二)15',
    scope: 'workbook',
  },

  // ── sums ──────────────────────────────────────────────────────────────
  'sum.mismatch': {
    severity: 'error',
    category: 'sum',
    title: '合計不符',
    explanation: '合計、小計、總計及結餘由各細項自動加總；若公式被覆寫為固定值，該值必須等於細項重新計算的結果。',
    message: '「{label}」為 {actual}，依各細項重新計算應為 {expected}',
    source: '004 §2.3(二)3、§2.5(二)2、§2.7(二)3',
    scope: 'workbook',
  },

  // ── final accounts (決算) ─────────────────────────────────────────────
  'fa.allocation_overspent': {
    severity: 'error',
    category: 'fa',
    title: '分配款支出超過分配款收入',
    explanation: '決算表分配款欄的小計不得超過當年度分配款金額。',
    message: '分配款支出小計 {actual} 超過分配款金額 {expected}',
    source: '004 §2.3(二)5(1)、6；SPEC §3.3',
    scope: 'workbook',
  },
  'fa.interest_overspent': {
    severity: 'error',
    category: 'fa',
    title: '利息支出超過利息收入',
    explanation: '決算表利息欄的小計不得超過截至該年度的累積利息收入。',
    message: '利息支出小計 {actual} 超過截至該年度利息收入 {expected}',
    source: '004 §2.3(二)5(2)；SPEC §3.3',
    scope: 'workbook',
  },
  'fa.surplus_mismatch': {
    severity: 'error',
    category: 'fa',
    title: '結餘款支出與動支結餘款不符',
    explanation:
      '決算表結餘款欄（包括其他收入）的小計，不得少於「動支歷年累積結餘款金額」，也不得多於「動支歷年累積結餘款金額」加「其他收入」；未動支的其他收入併入歷年累積結餘款。',
    message: '結餘款欄小計 {actual}，應介於動支結餘款 {min} 與動支結餘款加其他收入 {max} 之間',
    source: '004 §2.3(一)、(二)5；SPEC §3.3',
    reading:
      '§2.3(二)5：動支的結餘款須全數列於結餘款欄，其他收入可當年動支（同列結餘款欄「包括其他收入」）或留待以後；未動支部分由「截至決算年度歷年累積結餘款」公式結轉。故小計須在動支結餘款與動支結餘款加其他收入之間（含兩端）。',
    scope: 'workbook',
  },
  'fa.interest_option': {
    severity: 'error',
    category: 'fa',
    title: '利息運用方式不符',
    explanation: '選 A 者利息只能運用於 (2)急難救助至 (4)退休補助；教育訓練、會員福利與行政事務費不得動支利息。若要運用於 (1)-(6) 項，請改選 B。',
    message: '利息運用方式為 A（只用於第 2–4 項），但「{label}」動支利息 {actual}',
    source: '004 §2.3(二)5(2)',
    scope: 'workbook',
  },
  'fa.benefit_without_spend': {
    severity: 'warning',
    category: 'fa',
    title: '支出與受益人次不一致',
    explanation: '有支出金額的項目應填受益人次；有受益人次的項目應有支出金額。請確認是否漏填。',
    message: '「{label}」{reason}',
    source: '004 §2.3(二)7',
    scope: 'workbook',
  },

  // ── ratios ────────────────────────────────────────────────────────────
  'ratio.education_min': {
    severity: 'error',
    category: 'ratio',
    title: '教育訓練支出未達 40%',
    explanation:
      '自 103 年起，教育訓練支出比率須達分配款 40% 以上，連續 2 年未依規定比率辦理者，次 1 年度不予分配。預算書未達為錯誤，請調整預算；決算與 12 月現金收支登記簿記錄的是已發生的收支，未達時提醒，不必改寫紀錄。',
    message: '教育訓練 {actual} 僅占分配款 {base} 的 {percent}，須至少 40%（{expected}）；連續 2 年未達者，次 1 年度不予分配',
    source: '004 §1.3(一)、§2.7(一)',
    reading:
      '§1.3(一) 的後果以「連續 2 年」未達為準：預算（計畫）未達為錯誤；決算與 12 月現金收支登記簿（已發生的紀錄）未達為警告並說明後果，連續 2 年的錯誤由伺服器比對兩年決算（recon.education_two_years）。百分比以足以判斷的位數顯示，不會把未達的比率顯示成 40%。',
    scope: 'workbook',
  },
  'ratio.interest_education_min': {
    severity: 'warning',
    category: 'ratio',
    title: '利息用於教育訓練未達 40%',
    explanation: '利息收入如運用於 (1)-(6) 項（選 B），用於教育訓練的利息不得低於所動支利息的 40%。決算記錄的是已發生的收支，未達時提醒。',
    message: '教育訓練動支利息 {actual} 僅占動支利息 {base} 的 {percent}，須至少 40%（{expected}）',
    source: '004 §2.3(二)5(2)、6(1)、§2.7(一)',
    reading: '決算為已發生的紀錄（與 ratio.education_min 在決算相同），未達為警告，不要求改寫決算。',
    scope: 'workbook',
  },
  'ratio.admin_max': {
    severity: 'error',
    category: 'ratio',
    title: '行政事務費超過 10%',
    explanation: '行政事務費不得超過當年分配總數 10%。現金收支登記簿於 12 月申報前為提醒，12 月申報時為錯誤。',
    message: '行政事務費 {actual} 占分配款 {base} 的 {percent}，不得超過 10%（{expected}）',
    source: '004 §1.3(六)、§2.7(一)',
    reading: '百分比可用計算機驗算：最多 3 位小數時照實顯示（10.71%），否則顯示到足以看出在 10% 哪一側的位數（10.0002%），不會把超過的比率顯示成 10%。',
    scope: 'workbook',
  },

  // ── cross-sheet ───────────────────────────────────────────────────────
  'xsheet.training_cost': {
    severity: 'error',
    category: 'xsheet',
    title: '教育訓練經費前後不一致',
    explanation: '教育訓練成果報告各場次使用經費的總和，須等於教育訓練經費表合計，也須等於決算表教育訓練的分配款加利息。',
    message: '{reason}：{actual}，應為 {expected}',
    source: '004 §2.4(二)8、§2.5(二)1；SPEC §3.4',
    scope: 'workbook',
  },
  'xsheet.training_beneficiaries': {
    severity: 'error',
    category: 'xsheet',
    title: '教育訓練場次、時數或人次前後不一致',
    explanation: '決算受益情形的教育訓練場次、課程時數、男女受益人次，須等於教育訓練成果報告的場次數、時數總和與男女受益人數總和。',
    message: '決算「{label}」為 {actual}，依教育訓練成果報告應為 {expected}',
    source: '004 §2.3(二)7(1)、§2.4；SPEC §3.4',
    scope: 'workbook',
  },
  'xsheet.plan_budget': {
    severity: 'error',
    category: 'xsheet',
    title: '工作計畫與預算不一致',
    explanation: '工作計畫書各項合計金額須與歲入歲出預算書相同項目的金額一致。',
    message: '工作計畫「{label}」合計金額 {actual}，預算書為 {expected}',
    source: '004 §2.7(二)5；SPEC §3.6',
    scope: 'workbook',
  },

  // ── budget ────────────────────────────────────────────────────────────
  'budget.unbalanced': {
    severity: 'error',
    category: 'budget',
    title: '歲入歲出不平衡',
    explanation: '歲出合計須等於歲入合計。',
    message: '歲出合計 {actual} 不等於歲入合計 {expected}',
    source: '004 §2.7；SPEC §3.7',
    scope: 'workbook',
  },
  'budget.interest_line': {
    severity: 'error',
    category: 'budget',
    title: '預算利息收入(支用)不符',
    explanation: '歲出「利息收入」一列應等於「截至上一年度利息收入」加「本年度利息收入(預估)」。',
    message: '利息收入(支用) {actual}，應為截至上一年度利息加本年度預估利息 {expected}',
    source: '004 §2.7(三)；SPEC §3.7',
    scope: 'workbook',
  },
  'budget.surplus_carry': {
    severity: 'error',
    category: 'budget',
    title: '歷年累積結餘款剩餘數不符',
    explanation: '預算書「上一年度歷年累積結餘款剩餘數」應等於決算「截至上一年度歷年累積結餘款」減本年度動支的結餘款。',
    message: '剩餘數 {actual}，應為累積結餘款減動支結餘款 {expected}',
    source: '004 §2.7(二)4(5)、(三)；SPEC §3.7',
    scope: 'workbook',
  },

  // ── roster and training ──────────────────────────────────────────────
  'roster.count_mismatch': {
    severity: 'error',
    category: 'roster',
    title: '會員名冊人數與會員人數不符',
    explanation: '會員名冊列出的會員數須等於申請書的會員人數。',
    message: '會員名冊共 {actual} 人，申請書會員人數為 {expected}',
    source: '004 §2.1(二)13、§2.2；SPEC §3.2',
    scope: 'workbook',
  },
  'roster.duplicate_id': {
    severity: 'error',
    category: 'roster',
    title: '會員身分證字號重複',
    explanation: '同一會員只能列在名冊一次。',
    message: '身分證字號「{actual}」與第 {otherRow} 列重複',
    source: 'SPEC §3.2',
    scope: 'workbook',
  },
  'training.day2': {
    severity: 'error',
    category: 'training',
    title: '第 2 天日期不符',
    explanation: '上課天數為 2 日者須填第 2 天日期，且為第 1 天的次日；天數為 0.5 或 1 日者不填第 2 天。',
    message: '第 {session} 場 {reason}',
    source: '004 §2.4(二)2、3；SPEC §3.4',
    scope: 'workbook',
  },
  'training.session_order': {
    severity: 'error',
    category: 'training',
    title: '場次編號重複或未依順序',
    explanation: '場次請依辦理順序由 1 起以阿拉伯數字編號，每一場次一個編號、不可重複；決算受益情形的場次數即依此計算。',
    message: '場次 {actual} {reason}',
    source: '004 §2.4(二)1、§2.3(二)7(1)',
    reading: '§2.4(二)1「輸入辦理教育訓練之場次」：場次是每一場的編號，故不可重複，並依列出的順序遞增（不要求連號）。',
    scope: 'workbook',
  },
  'training.hours_max': {
    severity: 'warning',
    category: 'training',
    title: '課程時數偏高',
    explanation: '每場次各課程時數合計一般不超過每日 8 小時乘以天數；單一課程時數不可超過 24 小時。',
    message: '第 {session} 場課程時數合計 {actual} 小時，超過 {days} 日 × 8 小時 = {expected} 小時',
    source: '004 §2.4(三)7；SPEC §3.4',
    scope: 'workbook',
  },

  // ── ledger (cash book) ───────────────────────────────────────────────
  'ledger.code_unknown': {
    severity: 'error',
    category: 'ledger',
    title: '字、項目、號不在參數表',
    explanation: '字、項目及號請依表單內參數表由下拉選單點選，三者須為參數表的同一列。',
    message: '字「{zi}」、項目「{item}」、號「{no}」不是參數表中的組合',
    source: '004 §2.8(二)3(2)、4',
    scope: 'workbook',
  },
  'ledger.summary_mismatch': {
    severity: 'error',
    category: 'ledger',
    title: '摘要(一)與參數表不符',
    explanation: '摘要(一)由字與號自動代出，不可自行輸入。',
    message: '摘要(一)為「{actual}」，依參數表應為「{expected}」',
    source: '004 §2.8(二)3(2)',
    scope: 'workbook',
  },
  'ledger.category_not_allowed': {
    severity: 'error',
    category: 'ledger',
    title: '動支類別不符參數表',
    explanation:
      '動支類別須為參數表中該字號允許的類別：教育訓練、會員福利、行政事務費只能以分配款或利息收入支應；天然災害救助金(2-1)、團體意外保險(3-1)、離職(4-2)、資遣(4-3)不得以分配款支應。轉帳（轉）不動支經費，動支類別請留空（填了僅提醒）。',
    message: '{code} 不可使用動支類別「{actual}」，可選：{expected}',
    source: '004 §2.8(二)4；SPEC §4.1',
    reading:
      '範本 1.3 起依 §2.8(二)4 參數表的勾選：只勾「利息收入」「其他收入」者（2-1、3-1、4-2、4-3）不得選分配款；勾「其他收入」者亦可選結餘款，二者都列入決算「結餘款金額（包括其他收入）」欄（§2.3(一)）。1.0–1.2 版的活頁簿依其本身的參數表檢查。轉帳不動支經費，填了動支類別為警告而非錯誤。',
    scope: 'workbook',
  },
  'ledger.account_not_allowed': {
    severity: 'error',
    category: 'ledger',
    title: '動支帳戶不符參數表',
    explanation: '動支帳戶須為參數表中該字號允許的帳戶。',
    message: '{code} 不可使用動支帳戶「{actual}」，可選：{expected}',
    source: '004 §2.8(二)4；SPEC §4.1',
    scope: 'workbook',
  },
  'ledger.date_order': {
    severity: 'error',
    category: 'ledger',
    title: '日期未依時間順序',
    explanation: '現金收支請依時間順序輸入月、日。',
    message: '{actual} 早於前一筆的 {expected}，請依時間順序登錄',
    source: '004 §2.8(二)3(1)',
    reading: '只比較實際存在的日期：不存在的日期（例如 2 月 31 日）由 ledger.date_out_of_period 報告，不再與前後筆比較順序。',
    scope: 'workbook',
  },
  'ledger.date_out_of_period': {
    severity: 'error',
    category: 'ledger',
    title: '日期不在申報期間',
    explanation: '每筆收支日期須為該年度實際存在的日期，且不晚於申報月份的月底。',
    message: '日期「{actual}」{reason}',
    source: '004 §1.2(三)2、§2.8(二)2(2)；SPEC §4.2',
    scope: 'workbook',
  },
  'ledger.negative_balance': {
    severity: 'error',
    category: 'ledger',
    title: '帳戶餘額為負',
    explanation: '任何一筆收支登錄後，專戶存款1、專戶存款2、定期存款與零用金的結存都不可小於 0。請檢查是否漏記收入或轉帳，或金額、帳戶選錯。',
    message: '登錄此筆後「{account}」結存為 {actual}，不可為負數',
    source: 'SPEC §4.2',
    scope: 'workbook',
  },
  'ledger.balance_mismatch': {
    severity: 'error',
    category: 'ledger',
    title: '結存與收支不符',
    explanation: '結存欄由公式依上年度結存與各筆收支自動計算；被覆寫為固定值時，必須等於重新計算的結果。',
    message: '「{account}」結存為 {actual}，依上年度結存與收支重新計算應為 {expected}',
    source: '004 §2.8；SPEC §4.2',
    scope: 'workbook',
  },
  'ledger.voucher_duplicate': {
    severity: 'warning',
    category: 'ledger',
    title: '傳票序號重複',
    explanation: '同一年度的傳票序號通常不重複，請確認是否重複登錄。',
    message: '傳票序號「{actual}」與第 {otherRow} 列重複',
    source: '004 §2.8(二)3(3)',
    scope: 'workbook',
  },
  'ledger.person_cap': {
    severity: 'error',
    category: 'ledger',
    title: '每名補助金額超過上限',
    explanation:
      '急難救助金每名最高 6 萬元；職災慰問金每名最高 10 萬元；退休補助金（退休、離職、資遣合計）每名最高 15 萬元；福利金每名最高 1 萬元（依摘要(二)記載的會員姓名合計全年金額，姓名後括號內的說明不影響合計）。',
    message: '「{person}」本年度{category}合計 {actual}，超過每名上限 {expected}',
    source: '004 §1.3(二)–(五)、§2.8(二)3(4)',
    reading:
      '§1.3(四)「退休補助金」指參數表整個「4、退休」項目：4-1 退休、4-2 離職、4-3 資遣同一人合計 15 萬元。姓名先正規化再合計：全形轉半形、去除空白及括號內文字，「王小明(颱風)」「王小明（颱風）」都計入王小明（伺服器的跨期福利金上限使用同一正規化）。',
    scope: 'workbook',
  },

  'ledger.person_name_required': {
    severity: 'error',
    category: 'ledger',
    title: '每名有上限的補助未填會員姓名',
    explanation:
      '急難救助（2-1、2-2）、職災慰問金（3-2-1、3-2-2）與退休補助（4-1 退休、4-2 離職、4-3 資遣）每名有補助上限，摘要(二)須記錄領取會員的姓名，才能合計每人全年金額。',
    message: '{code} 屬{category}（每名最高 {limit} 元），摘要(二)須填領取會員的姓名',
    source: '004 §1.3(二)–(四)、§2.8(二)3(4)',
    reading: '§2.8(二)3(4)「摘要(二)：記錄會員姓名」配合 §1.3 的每名上限：有上限的項目每筆都須有姓名，否則上限無從合計。範本 1.3 起檢查。',
    scope: 'workbook',
  },
  'ledger.person_name_note': {
    severity: 'warning',
    category: 'ledger',
    title: '摘要(二)除姓名外另有說明',
    explanation: '每名有上限的補助，摘要(二)請只填會員姓名；事由（例如颱風、住院）請記在傳票或附件。括號內的說明不計入姓名，合計上限時以括號外的姓名為準。',
    message: '摘要(二)「{actual}」除姓名外另有括號說明，已併入「{name}」合計每名上限；請只填會員姓名',
    source: '004 §1.3(二)–(四)、§2.8(二)3(4)',
    reading: '「記錄會員姓名」：括號（半形、全形或【】）內的文字視為事由而非姓名，「王小明(颱風)」計入王小明，並提醒只填姓名。',
    scope: 'workbook',
  },

  // ── reconciliation (server) ──────────────────────────────────────────
  'recon.history_changed': {
    severity: 'error',
    category: 'recon',
    title: '前季已申報的收支被更動',
    explanation:
      '現金收支登記簿為年度累計資料，本季檔案須原封不動保留前一季已申報的每一筆收支（順序相同），也不可在已申報期間（前一季季末以前的月份）補登收支。每一筆被新增、刪除、修改或調換順序的收支各列一項。漏記或需更正的收支，請以本季日期另立分錄並說明。',
    message: '與第 {prevQuarter} 季已申報資料比較，{change}：{entry}{diff}。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明',
    source: '004 §1.2(三)2；SPEC §6',
    scope: 'server',
  },
  'recon.opening_balance': {
    severity: 'error',
    category: 'recon',
    title: '上年度結存與去年 12 月申報不符',
    explanation: '本年度現金收支登記簿的上年度結存，須等於上一年度 12 月申報的期末結存。',
    message: '「{account}」上年度結存 {actual}，去年 12 月申報的期末結存為 {expected}',
    source: 'SPEC §6',
    scope: 'server',
  },
  'recon.cashbook_vs_final_accounts': {
    severity: 'error',
    category: 'recon',
    title: '決算與現金收支登記簿不符',
    explanation: '申請書的決算（上一年度）須與上一年度 12 月現金收支登記簿的實際收支一致：分配款、利息收入及每一項支出（依動支類別）。',
    message: '決算「{part}」為 {actual}，上一年度 12 月現金收支登記簿合計為 {expected}',
    source: 'SPEC §6',
    scope: 'server',
  },
  'recon.carry': {
    severity: 'error',
    category: 'recon',
    title: '前後年度結轉數不符',
    explanation: '本年度申請書的結轉數（例如上一年度歷年累積結餘款剩餘數）須與上一年度申請書的對應數字一致。',
    message: '「{part}」為 {actual}，上一年度申請書為 {expected}',
    source: 'SPEC §6',
    scope: 'server',
  },
  'recon.union_unknown': {
    severity: 'error',
    category: 'recon',
    title: '工會不在管轄名冊',
    explanation: '統一編號須屬於系統中已登錄、且在上傳者管轄範圍內的工會。請先建立工會基本資料或確認統一編號。',
    message: '統一編號「{actual}」{reason}',
    source: 'SPEC §6',
    scope: 'server',
  },
  'recon.union_name_mismatch': {
    severity: 'warning',
    category: 'recon',
    title: '工會名稱與登錄資料不同',
    explanation: '活頁簿的工會名稱與工會基本資料不同，請確認是否更名或填寫錯誤。',
    message: '工會名稱為「{actual}」，工會基本資料為「{expected}」',
    source: 'SPEC §6',
    scope: 'server',
  },
  'recon.registry_members': {
    severity: 'warning',
    category: 'recon',
    title: '會員人數與工會名冊不同',
    explanation: '申請書的會員人數與地方主管機關工會基本資料（名冊匯入）的會員合計不同，請確認是否有會員增減未更新。',
    message: '申請書會員人數 {actual} 人，工會基本資料的會員合計為 {expected} 人',
    source: 'SPEC §8 registry links',
    scope: 'server',
  },
  'recon.education_two_years': {
    severity: 'error',
    category: 'recon',
    title: '連續 2 年教育訓練未達 40%',
    explanation: '自 103 年起，教育訓練支出比率連續 2 年未達 40% 者，次 1 年度不予分配。',
    message: '{years} 年度教育訓練比率分別為 {percents}，連續 2 年未達 40%，次 1 年度不予分配',
    source: '004 §1.3(一)',
    scope: 'server',
  },

  // ── imports ──────────────────────────────────────────────────────────
  'import.header': {
    severity: 'error',
    category: 'import',
    title: '欄位標題不符',
    explanation:
      '第一列須為欄位標題（中文，亦接受英文別名），必填欄位都要有，同一欄位不可重複；無法辨識的欄位會略過並提醒。檔案沒有的欄位不會變更名冊中的資料；欄位存在但儲存格空白，則會清除該資料。',
    message: '欄位標題有誤：{reason}',
    source: '003；SPEC §8',
    scope: 'import',
  },
  'import.duplicate': {
    severity: 'error',
    category: 'import',
    title: '檔案內資料重複',
    explanation: '同一檔案內不可有相同鍵值（統一編號、身分證字號等）的兩列。',
    message: '「{actual}」與第 {otherRow} 列重複',
    source: 'SPEC §8',
    scope: 'import',
  },
  'import.findings_omitted': {
    severity: 'warning',
    category: 'import',
    title: '同類問題未全部列出',
    explanation:
      '一次匯入每一種檢查結果只保存並列出前 200 筆，其餘只記筆數，以免一個有大量錯誤的檔案佔滿系統空間；請依已列出的問題修正整個檔案（同類問題通常出自同一原因）後重新試算。',
    message: '代碼 {findingCode} 另有 {count} 筆同類問題未列出',
    source: 'SPEC §8',
    scope: 'import',
  },
  'import.unknown_unit': {
    severity: 'error',
    category: 'import',
    title: '單位不存在',
    explanation: '運用單位、志工隊、志工小隊須為系統已建立的單位（主管機關 > 目的機關 > 運用單位 > 志工隊 > 志工小隊）。',
    message: '單位「{actual}」不存在{detail}',
    source: '003；SPEC §8',
    scope: 'import',
  },
  'union.gender_total': {
    severity: 'error',
    category: 'union',
    title: '男女人數與合計不符',
    explanation: '理事、監事、會員的男、女人數加總須等於合計。',
    message: '{label}男 {male} 人、女 {female} 人，合計應為 {expected}，卻填 {actual}',
    source: '000；SPEC §8',
    scope: 'import',
  },
  'union.federation_members_required': {
    severity: 'error',
    category: 'union',
    title: '聯合組織須填會員工會家數',
    explanation: '工會類型為聯合組織者，會員工會家數為必填。',
    message: '聯合組織「{actual}」未填會員工會家數',
    source: '000；SPEC §8',
    scope: 'import',
  },
  'union.gender_one_third': {
    severity: 'warning',
    category: 'union',
    title: '理事單一性別未達 1/3',
    explanation: '章程或選舉辦法訂有單一性別達 1/3 者，理事任一性別人數應達理事總數的 1/3。',
    message: '理事{sex}性 {actual} 人，未達理事 {total} 人的 1/3（{expected} 人）',
    source: '001；SPEC §8',
    scope: 'import',
  },
  'officer.leader_count': {
    severity: 'error',
    category: 'officer',
    title: '負責人人數錯誤',
    explanation:
      '每一工會每一任期須恰有一位負責人，以匯入後的名冊計算：已登錄的職員加上檔案中的職員（同一統一編號、任期起、身分證號者以檔案為準）。更換負責人時，請在同一檔案將原負責人改為「否」。',
    message: '統一編號「{ubn}」任期 {term} 的負責人有 {actual} 位，應恰為 1 位{detail}',
    source: '000；SPEC §8',
    scope: 'import',
  },
  'officer.term_order': {
    severity: 'error',
    category: 'officer',
    title: '任期迄早於任期起',
    explanation: '任期迄日不可早於任期起日。',
    message: '任期迄 {actual} 早於任期起 {expected}',
    source: '000；SPEC §8',
    scope: 'import',
  },
  'volunteer.hours_implausible': {
    severity: 'error',
    category: 'volunteer',
    title: '時數不合理',
    explanation: '一筆服務時數或受訓時數不可超過其日期區間的天數 × 24 小時（例如同一天最多 24 小時）；請確認時數與起訖日期。',
    message: '「{label}」{actual} 小時超過 {days} 天最多的 {expected} 小時，請確認時數或起訖日期',
    source: '003 志工服務時數管理、教育訓練歷程匯入；SPEC §8',
    scope: 'import',
  },
  'volunteer.category_unmapped': {
    severity: 'warning',
    category: 'volunteer',
    title: '無法歸入半年報類別',
    explanation:
      '半年報依學歷統計教育程度（國中及以下、高中(高職)、大專、研究所），依現職統計身分別（公教人員_現職、工商界人士、家庭管理、其他、公教人員_已退休、退休人員、學生）。無法歸類的學歷列為「其他/未填」，現職列為「其他」；請改填上列類別或常見寫法（例如「大學」、「家管」、「退休」）。',
    message: '{label}「{actual}」無法歸入半年報的{category}（{options}），將列為「{bucket}」',
    source: '003 半年報填報；SPEC §8',
    scope: 'import',
  },
  'volunteer.eligibility': {
    severity: 'warning',
    category: 'volunteer',
    title: '志工資格不符',
    explanation: '紀錄冊、榮譽卡號與獎勵須符合訓練時數、服務年資與服務時數的條件。',
    message: '{name}：{reason}',
    source: '003；SPEC §8',
    scope: 'import',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingCode = keyof typeof entries;

export const CATALOGUE: Readonly<Record<FindingCode, CatalogueEntry>> = entries;

export const FINDING_CODES = Object.keys(entries) as FindingCode[];

export const isFindingCode = (code: string): code is FindingCode => Object.prototype.hasOwnProperty.call(entries, code);
