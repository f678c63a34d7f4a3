// Words of the 管理 pages: organisation kinds, a user's state, an audit entry's details.
import { ADMIN_ACTION_LABELS, type AdminAuditEntry, type User } from '@portfund/api-contract';
import { taipeiTime } from '../../labels';

export { ADMIN_ACTION_LABELS };

export const ORG_KIND_LABELS: Readonly<Record<string, string>> = { ministry: '勞動部', local_gov: '地方主管機關', union: '工會' };

/** "停用", "登入鎖定至 115/12/08 10:30", "須變更密碼", or "使用中". */
export const userStateLabel = (u: User): string => {
  const parts: string[] = [];
  if (u.disabled) parts.push('停用');
  if (u.lockedUntil !== null) parts.push(`登入鎖定至 ${taipeiTime(u.lockedUntil)}`);
  if (u.mustChangePassword) parts.push('須變更密碼');
  return parts.length === 0 ? '使用中' : parts.join('、');
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '名稱',
  code: '代碼',
  kind: '類別',
  ubn: '統一編號',
  parent_id: '所屬機關',
  contact_name: '聯絡人',
  contact_phone: '電話',
  contact_email: '電子郵件',
  display_name: '姓名',
  email: '電子郵件',
  is_admin: '管理者',
  isAdmin: '管理者',
  username: '帳號',
  password: '密碼',
  row: '檔案列',
  mode: '方式',
};

const valueText = (value: string | number | boolean | null): string => (value === null || value === '' ? '（空白）' : value === true ? '是' : value === false ? '否' : String(value));

/** An entry's details as "名稱：臺中港務工會；電話：04-…" (the password itself is never in the log, only that it changed). */
export const detailsText = (details: AdminAuditEntry['details']): string =>
  Object.entries(details)
    .map(([key, value]) =>
      key === 'password' ? '密碼已變更' : `${FIELD_LABELS[key] ?? key}：${key === 'kind' && typeof value === 'string' ? (ORG_KIND_LABELS[value] ?? value) : valueText(value)}`,
    )
    .join('；');
