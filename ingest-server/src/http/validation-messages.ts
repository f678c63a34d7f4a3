// zh-TW wording for request validation (zod issues), naming the field, so no English message ever reaches a user.
import { z } from 'zod';

/** How users call the request fields (the English key stays in the message so developers find it too). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  username: '帳號',
  password: '密碼',
  currentPassword: '目前的密碼',
  newPassword: '新密碼',
  name: '名稱',
  kind: '種類',
  ubn: '統一編號',
  parentId: '所屬地方主管機關',
  code: '代碼',
  organizationId: '所屬機關或工會',
  displayName: '顯示名稱',
  email: '電子信箱',
  isAdmin: '系統管理者',
  disabled: '停用',
  year: '年度',
  quarter: '季別',
  status: '狀態',
  limit: '筆數上限',
  offset: '起始筆數',
  format: '格式',
  org: '地方主管機關',
  unit: '單位',
  q: '關鍵字',
  asOf: '計算日期',
  half: '半年別',
  mode: '匯入方式',
  sheet: '工作表',
  decision: '審核結果',
  opinion: '審核意見',
  lockVersion: '版本號',
  unread: '未讀',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '數字',
  int: '整數',
  boolean: '布林值（true 或 false）',
  object: 'JSON 物件',
  array: '陣列',
  date: '日期',
};

const UNITS: Readonly<Record<string, string>> = { string: '個字元', array: '項', set: '項', file: '位元組' };

const quote = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? `「${v}」` : String(v))).join('、');

/** zh-TW text of one raw zod issue (installed as zod's error map), without the field name. */
export const issueText = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '為必填' : `須為${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const unit = UNITS[issue.origin];
      const min = String(issue.minimum);
      if (unit !== undefined) return issue.minimum === 1 && issue.origin === 'string' ? '不可空白' : `至少 ${min} ${unit}`;
      return issue.inclusive ? `不可小於 ${min}` : `須大於 ${min}`;
    }
    case 'too_big': {
      const unit = UNITS[issue.origin];
      const max = String(issue.maximum);
      if (unit !== undefined) return `不可超過 ${max} ${unit}`;
      return issue.inclusive ? `不可大於 ${max}` : `須小於 ${max}`;
    }
    case 'invalid_format':
      return issue.format === 'email' ? '不是有效的電子郵件地址' : '格式不正確';
    case 'invalid_value':
      return `須為${quote(issue.values)}其中之一`;
    case 'not_multiple_of':
      return `須為 ${String(issue.divisor)} 的倍數`;
    case 'unrecognized_keys':
      return `不支援的欄位：${issue.keys.join('、')}`;
    default:
      return '內容不正確';
  }
};

/** The user's name of a field path ("帳號（username）"), or null for the body or query itself. */
export const fieldLabel = (path: readonly PropertyKey[]): string | null => {
  if (path.length === 0) return null;
  const key = path.map(String).join('.');
  const label = FIELD_LABELS[String(path[path.length - 1])];
  return label === undefined ? `欄位 ${key}` : `${label}（${key}）`;
};

/** Whether a schema's own message already names its field ("年度須為數字", "lockVersion 須為整數"); the wording above never does. */
const namesField = (message: string, key: string): boolean => {
  const label = FIELD_LABELS[key];
  return (label !== undefined && message.includes(label)) || message.includes(`（${key}）`) || message.startsWith(`${key} `);
};

/** One issue as a sentence naming its field: "帳號（username）：不可空白" (a message that names it already stands as written). */
export const issueMessage = (issue: z.core.$ZodIssue): string => {
  const label = fieldLabel(issue.path);
  if (label === null || namesField(issue.message, String(issue.path[issue.path.length - 1]))) return issue.message;
  return `${label}：${issue.message}`;
};

/** The 400 answer of a request that failed its schema: the first problem, and every problem by field. */
export const validationError = (issues: readonly z.core.$ZodIssue[]): { message: string; details: { path: string; message: string }[] } => {
  const details = issues.map((i) => ({ path: i.path.join('.'), message: issueMessage(i) }));
  return { message: details[0]?.message ?? '請求內容格式錯誤', details };
};

/** Makes every zod schema without its own message speak zh-TW. */
export const installValidationMessages = (): void => {
  z.config({ customError: issueText });
};
