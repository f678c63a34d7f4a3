// The 填表說明 sheet's text, generated from the definition and the rule catalogue, so instructions and checks never disagree.
import { CATALOGUE, FINDING_CODES, type Category } from '../findings/catalogue';
import { MANUAL_NOTES, SUBSIDY_LIMITS } from './manual-notes';
import { type WorkbookDefinition, type WorkbookKind } from './types';
import { CURRENT_VERSION, findVersion, hasManualLayout } from './versions';

export interface InstructionLine {
  readonly text: string;
  readonly role: 'title' | 'section' | 'header' | 'text' | 'rule';
  /** For rule lines: code, severity label, title, explanation, source. */
  readonly columns?: readonly string[];
}

export const KIND_CATEGORIES: Readonly<Record<WorkbookKind, readonly Category[]>> = {
  application: ['file', 'template', 'cell', 'date', 'id', 'contact', 'sum', 'fa', 'ratio', 'xsheet', 'budget', 'roster', 'training', 'recon'],
  cashbook: ['file', 'template', 'cell', 'date', 'id', 'ledger', 'ratio', 'recon'],
};

// the application's PDF attachments concern applications only; a refused PDF is an upload's answer, not a rule of the workbook
const CASHBOOK_EXCLUDED = new Set(['file.attachment_missing', 'file.attachment_refused', 'ratio.interest_education_min', 'recon.cashbook_vs_final_accounts', 'recon.carry', 'recon.education_two_years', 'id.national_id']);
const APPLICATION_EXCLUDED = new Set(['recon.history_changed', 'recon.opening_balance', 'file.attachment_refused']);

/** The finding codes that apply to a workbook kind (in the workbook itself or on the server after upload). */
export const codesForKind = (kind: WorkbookKind): string[] =>
  FINDING_CODES.filter((code) => {
    const entry = CATALOGUE[code];
    if (!KIND_CATEGORIES[kind].includes(entry.category)) return false;
    return kind === 'cashbook' ? !CASHBOOK_EXCLUDED.has(code) : !APPLICATION_EXCLUDED.has(code);
  });

const GENERAL: Readonly<Record<WorkbookKind, readonly string[]>> = {
  application: [
    '1. 本檔共 7 個工作表：申請書、會員名冊、決算、教育訓練成果、教育訓練經費、工作計畫、預算。',
    '2. 表單內非填寫區域已設定保護，僅填寫紅色區域；合計與結轉欄位自動計算。',
    '3. 數字不可使用全形字（使用半形字）；日期為民國年月日 7 碼，例如 0840301。',
    '4. 請勿變更表單結構（不可插入或刪除任一行列）。',
    '5. 上傳檔名：申請年度_統一編號_application.xlsx，例如 115_12345678_application.xlsx；會員大會或理監事會議紀錄 115_12345678_metting.pdf；福利專款運用補助辦法 115_12345678_method.pdf。',
    '6. 每年 1 月 31 日前，連同會議紀錄及運用補助辦法送地方主管機關審核。',
  ],
  cashbook: [
    '1. 表單內非填寫區域已設定保護，僅填寫白色區域；摘要(一)與結存自動計算。',
    '2. 字、項目、號請依「參數表」工作表由下拉選單點選，輸入後自動代出摘要(一)。',
    '3. 日期請依時間順序輸入月、日；傳票序號必填，最多 10 個字；摘要(二)記錄會員姓名，最多 50 個字。',
    '4. 數字不可使用全形字（使用半形字）；金額最多 9 位數字。',
    '5. 請勿變更表單結構（不可插入或刪除任一行列）。',
    '6. 上傳檔名：上傳年月_統一編號_accounting.xlsx，例如 11503_12345678_accounting.xlsx（月份 03、06、09、12）。',
    '7. 每年 3、6、9 及 12 月底將當年度累計的現金收支記錄提交地方主管機關審核。',
  ],
};

export const instructionLines = (def: WorkbookDefinition): InstructionLine[] => {
  const version = findVersion(def.version);
  if (version !== undefined && hasManualLayout(version)) return manualInstructionLines(def);
  const lines: InstructionLine[] = [
    { text: `${def.title}\u3000填表說明`, role: 'title' },
    { text: `範本版本 ${def.version}${version === undefined ? '' : `（${version.released}，${version.notes}）`}；最新版本 ${CURRENT_VERSION}`, role: 'text' },
    { text: '一、填表須知', role: 'section' },
    ...GENERAL[def.kind].map((text) => ({ text, role: 'text' as const })),
    { text: '二、各欄位填寫規定', role: 'section' },
    ...fieldLines(def),
  ];
  lines.push({ text: '三、系統檢查規則（Excel 增益集、離線檢查與上傳後皆依同一套規則檢查）', role: 'section' }, ...ruleLines(def, (text) => text, (source) => source));
  return lines;
};

/** The rule table: one row per check of this workbook, its explanation and source as the sheet's readers should see them. */
const ruleLines = (def: WorkbookDefinition, explanation: (text: string) => string, source: (text: string) => string): InstructionLine[] => [
  { text: '', role: 'header', columns: ['代碼', '等級', '規則', '說明', '依據'] },
  ...codesForKind(def.kind).map((code): InstructionLine => {
    const entry = CATALOGUE[code as keyof typeof CATALOGUE];
    const where = entry.scope === 'server' ? '（上傳後由系統比對其他申報資料）' : '';
    return { text: code, role: 'rule', columns: [code, entry.severity === 'error' ? '錯誤' : '提醒', entry.title, `${explanation(entry.explanation)}${where}`, source(entry.source)] };
  }),
];

const fieldLines = (def: WorkbookDefinition): InstructionLine[] =>
  def.fields.flatMap((field): InstructionLine[] => {
    if (field.kind === 'formula') return [];
    if (field.kind === 'single') {
      const hint = field.spec.hint === undefined ? '' : `：${field.spec.hint}`;
      return [{ text: `${field.sheet}｜${field.spec.label}${field.spec.required === true ? '（必填）' : ''}${hint}`, role: 'text' }];
    }
    const headers = field.columns.filter((c) => c.spec !== undefined).map((c) => c.header);
    return [{ text: `${field.sheet}｜${headers.slice(0, 8).join('、')}${headers.length > 8 ? '等' : ''}`, role: 'text' }];
  });

/** 依據 as a union reads it: the manual's sections only (「填表說明書 §2.3(二)5」), never the project's own documents. */
export const manualSource = (source: string): string =>
  source
    .split('；')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('004'))
    .map((part) => part.replace(/^004\s*/, '填表說明書 '))
    .join('；');

/** A rule's explanation without advice meant for developers (a command line in parentheses). */
const unionFacing = (text: string): string => text.replace(/（[^（）]*portfund[^（）]*）/g, '');

/**
 * From 1.3, as the ministry's manual is laid out: the general notes, the §1.3 limits, each form's own 填寫說明 (seed 004
 * §2.1–§2.8 (二)), the field rules, then the checks with the manual's sections — no version history and no developer text.
 */
const manualInstructionLines = (def: WorkbookDefinition): InstructionLine[] => {
  const lines: InstructionLine[] = [
    { text: `${def.title}\u3000填表說明（範本版本 ${def.version}）`, role: 'title' },
    { text: '一、填表須知', role: 'section' },
    ...GENERAL[def.kind].map((text) => ({ text, role: 'text' as const })),
    { text: '二、福利專款補助注意事項', role: 'section' },
    ...SUBSIDY_LIMITS.map((text) => ({ text, role: 'text' as const })),
    { text: '三、各表填寫說明', role: 'section' },
  ];
  for (const notes of MANUAL_NOTES[def.kind]) {
    lines.push({ text: `【${notes.sheet}】${notes.form}`, role: 'header' });
    lines.push(...notes.lines.map((text) => ({ text, role: 'text' as const })));
  }
  lines.push({ text: '四、各欄位填寫規定', role: 'section' }, ...fieldLines(def));
  lines.push({ text: '五、系統檢查規則（上傳前後皆依同一套規則檢查）', role: 'section' }, ...ruleLines(def, unionFacing, manualSource));
  return lines;
};
