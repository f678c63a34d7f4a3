// The words the server and both UIs share: filing kinds and review statuses, decisions, roles, deadline states (zh-TW).
export const ROLES = ['union', 'local_gov', 'ministry'] as const;
export type Role = (typeof ROLES)[number];

export const FILING_KINDS = ['application', 'cashbook'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const FILING_STATUSES = ['submitted', 'local_review', 'ministry_review', 'approved', 'returned', 'ministry_returned', 'rejected'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const DECISIONS = ['accept', 'approve', 'return', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Decisions that need a written opinion (the applicant must know what to fix). */
export const OPINION_REQUIRED: ReadonlySet<Decision> = new Set<Decision>(['return', 'reject']);

/** The longest review opinion, in characters. */
export const OPINION_MAX = 1000;

export const DEADLINE_STATES = ['on_time', 'late', 'missing', 'returned', 'not_due'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const NOTIFICATION_KINDS = ['review', 'reminder', 'overdue', 'recon'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  submitted: '已提交',
  local_review: '地方審核中',
  ministry_review: '部審核中',
  approved: '核准',
  returned: '退回申請人',
  ministry_returned: '勞動部退回',
  rejected: '否決',
};

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  accept: '受理',
  approve: '核准',
  return: '退回',
  reject: '否決',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  union: '工會',
  local_gov: '地方主管機關',
  ministry: '勞動部',
};

export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  on_time: '準時',
  late: '逾期',
  missing: '未申報',
  returned: '退回',
  not_due: '未到期',
};

export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The two severities of a finding, worded alike in the console, the CLI and the add-in. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '錯誤', warning: '警告' };

/** "3 個錯誤、1 個警告", or "沒有發現問題". */
export const findingCountText = (errors: number, warnings: number): string =>
  errors === 0 && warnings === 0 ? '沒有發現問題' : `${errors} 個${SEVERITY_LABELS.error}、${warnings} 個${SEVERITY_LABELS.warning}`;

/** Statuses in which the union must act on a reviewer's opinion. */
export const RETURNED_STATUSES: ReadonlySet<string> = new Set<FilingStatus>(['returned', 'ministry_returned', 'rejected']);

/** Why a new password is refused (the server's password policy); the console may show the same words. */
export const PASSWORD_PROBLEMS = ['too_short', 'letters_and_digits', 'contains_username', 'common', 'guessable'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const PASSWORD_PROBLEM_LABELS: Readonly<Record<PasswordProblem, string>> = {
  too_short: '密碼至少 10 個字元',
  letters_and_digits: '密碼須同時包含英文字母與數字',
  contains_username: '密碼不可等於或包含帳號名稱',
  common: '此密碼是常見或已外洩的密碼，請改用他人猜不到的密碼',
  guessable: '密碼太容易猜到（避免常見單字、鍵盤排列、年份、日期或重複字元），請加長或改用不相關的字詞組合',
};

/** What an administrator did, as the audit log (admin_audit) records it. */
export const ADMIN_ACTIONS = [
  'setup.admin',
  'org.create',
  'org.update',
  'org.disable',
  'org.enable',
  'org.bulk_create',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_link',
  'user.reset_temporary',
  'user.unlock',
  'user.bulk_create',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export const ADMIN_ACTION_LABELS: Readonly<Record<AdminAction, string>> = {
  'setup.admin': '首次設定建立管理者',
  'org.create': '建立機關',
  'org.update': '修改機關資料',
  'org.disable': '停用機關',
  'org.enable': '重新啟用機關',
  'org.bulk_create': '批次建立工會',
  'user.create': '建立使用者',
  'user.update': '修改使用者資料',
  'user.disable': '停用使用者',
  'user.enable': '重新啟用使用者',
  'user.reset_link': '寄送密碼重設連結',
  'user.reset_temporary': '設定臨時密碼',
  'user.unlock': '解除登入鎖定',
  'user.bulk_create': '批次建立使用者',
};
