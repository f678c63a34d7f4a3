// zh-TW texts of the template checks' sub-codes (template.unknown, template.structure).
import { type FindingParams } from '../params';
import { type TextTemplate } from './template';

const OFFICIAL = '請改用官方範本填寫';

const OPERATOR_TEXT: Readonly<Record<string, string>> = {
  between: '介於 {1} 與 {2}',
  notBetween: '不介於 {1} 與 {2}',
  equal: '等於 {1}',
  notEqual: '不等於 {1}',
  lessThan: '小於 {1}',
  lessThanOrEqual: '不超過 {1}',
  greaterThan: '大於 {1}',
  greaterThanOrEqual: '至少 {1}',
};

const TYPE_TEXT: Readonly<Record<string, string>> = { whole: '整數', decimal: '數值', textLength: '文字長度', date: '日期', time: '時間' };

/** "範本的下拉選單", "文字長度不超過 50", "整數介於 0 與 999999999" for the rule in params {side}Type, {side}Operator, {side}Bound1/2. */
const describeRule = (p: FindingParams, q: (name: string) => string, side: 'want' | 'found'): string => {
  const type = String(p[`${side}Type`] ?? '');
  const operator = String(p[`${side}Operator`] ?? '');
  const bound = (i: 1 | 2): string => q(`${side}Bound${i}`);
  // the template's lists are defined names in hidden sheets: say whose list it is, not its name
  if (type === 'list') return side === 'want' ? '範本的下拉選單' : String(p[`${side}Bound1`] ?? '').startsWith('"') ? `下拉選單 ${bound(1)}` : '其他來源的下拉選單';
  if (type === 'custom') return `自訂公式 ${bound(1)}`;
  if (type === 'any') return '不限制';
  const template = OPERATOR_TEXT[operator];
  const bounds = template === undefined ? `${q(`${side}Operator`)} ${[1, 2].filter((i) => p[`${side}Bound${i}`] !== undefined).map((i) => bound(i as 1 | 2)).join('、')}` : template.replace('{1}', bound(1)).replace('{2}', bound(2));
  return `${TYPE_TEXT[type] ?? q(`${side}Type`)}${bounds}`;
};

const changed =
  (what: string): TextTemplate =>
  (p, q) =>
    `「${q('title')}」的${what}已被變更（${q('range')}：應為${describeRule(p, q, 'want')}，目前為${describeRule(p, q, 'found')}），${OFFICIAL}`;

export const TEMPLATE_TEXTS = {
  // template.unknown
  'template.no_meta': '找不到範本識別資料',
  'template.kind_unknown': '範本種類「{kind}」不明',
  'template.version_unknown': '範本版本「{version}」不存在',
  // template.structure
  'structure.sheet_missing': '找不到工作表「{sheetName}」',
  'structure.name_missing': '工作表「{wantSheet}」{wantRef} 的「{title}」已不在範本的位置（可能刪除了列、欄或工作表），請將資料複製到新範本的填寫欄位',
  'structure.name_moved': '「{title}」應在工作表「{wantSheet}」{wantRef}，目前在「{foundSheet}」{foundRef}（可能插入或刪除了列或欄），請將資料複製到新範本的填寫欄位',
  'structure.fingerprint': '隱藏的範本識別資料與 {version} 版範本不符，可能不是原始範本或已被修改，請改用官方範本填寫',
  'structure.layout_moved': '工作表或列、欄的位置已變動，其餘標題、公式與填寫內容皆未檢查；請將資料複製到新範本的填寫欄位後重新檢查',
  'structure.label_changed': '「{text}」被改為「{found}」',
  'structure.formula_changed': '公式被修改，請從新範本複製此儲存格的公式',
  'structure.more_changes': '另有 {count} 處標題或公式被變更',
  'structure.more_overwritten': '另有 {count} 個公式儲存格被覆寫為固定值',
  'structure.list_removed': `「{title}」的下拉選單已被移除（{range}），${OFFICIAL}`,
  'structure.validation_removed': `「{title}」的資料驗證已被移除（{range}），${OFFICIAL}`,
  'structure.list_changed': changed('下拉選單'),
  'structure.validation_changed': changed('資料驗證'),
  'structure.label_unlocked': `標題「{text}」的儲存格已被取消鎖定（保護），${OFFICIAL}`,
  'structure.formula_unlocked': `公式儲存格已被取消鎖定（保護），公式可被改寫，${OFFICIAL}`,
  'structure.unprotected': `工作表「{sheetName}」的保護已被取消，標題、公式與下拉選單都可被修改，${OFFICIAL}`,
  'structure.more_protection': `另有 {count} 處下拉選單、資料驗證或儲存格鎖定被變更，${OFFICIAL}`,
} as const satisfies Record<string, TextTemplate>;
