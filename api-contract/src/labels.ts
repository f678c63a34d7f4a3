// The words the server and both UIs share: filing kinds and review statuses, decisions, roles, deadline states (zh-TW).
export const ROLES = ['union', 'local_gov', 'ministry'] as const;
export type Role = (typeof ROLES)[number];

export const FILING_KINDS = ['application', 'cashbook'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

/** An application's two PDFs (seed 004 §1.2(二)3): the meeting minutes and the welfare-fund subsidy rules. */
export const APPLICATION_ATTACHMENTS = ['meeting', 'method'] as const;
export type ApplicationAttachment = (typeof APPLICATION_ATTACHMENTS)[number];
export const ATTACHMENT_LABELS: Readonly<Record<ApplicationAttachment, string>> = {
  meeting: '會員大會或理監事會議紀錄',
  method: '福利專款運用補助辦法',
};

export const FILING_STATUSES = [
  'submitted',
  'local_review',
  'ministry_review',
  'approved',
  'returned',
  'ministry_returned',
  'rejected',
  'superseded',
  'withdrawn',
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const DECISIONS = ['accept', 'approve', 'return', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What the history (審核歷程) records besides the reviewers' decisions: the union's withdrawal, a newer version closing an open one. */
export const HISTORY_ACTIONS = ['submit', ...DECISIONS, 'withdraw', 'supersede'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Versions that are not their period's current one (a newer or an older version is): reports, deadlines and reconciliation skip them. */
export const INACTIVE_STATUSES: ReadonlySet<FilingStatus> = new Set<FilingStatus>(['rejected', 'superseded', 'withdrawn']);

/** Statuses a newer version closes as 已被取代: still waiting for a reviewer (final ones — approved, returned, rejected — stay). */
export const SUPERSEDABLE_STATUSES: readonly FilingStatus[] = ['submitted', 'local_review', 'ministry_review', 'ministry_returned'];

/** Decisions that need a written opinion (the applicant must know what to fix). */
export const OPINION_REQUIRED: ReadonlySet<Decision> = new Set<Decision>(['return', 'reject']);

/** The longest review opinion, in characters. */
export const OPINION_MAX = 1000;

export const DEADLINE_STATES = ['on_time', 'late', 'missing', 'returned', 'not_due'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const NOTIFICATION_KINDS = ['review', 'reminder', 'overdue', 'recon', 'submission'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  submitted: '已提交',
  local_review: '地方審核中',
  ministry_review: '部審核中',
  approved: '核准',
  returned: '退回申請人',
  ministry_returned: '勞動部退回',
  rejected: '否決',
  superseded: '已被取代',
  withdrawn: '已撤回',
};

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  accept: '受理',
  approve: '核准',
  return: '退回',
  reject: '否決',
};

export const HISTORY_ACTION_LABELS: Readonly<Record<HistoryAction, string>> = {
  submit: '提交',
  ...DECISION_LABELS,
  withdraw: '撤回',
  supersede: '由新版本取代',
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

/** Why a row of a bulk creation (organisations or users from a file) is refused: the per-row report's words. */
export const BULK_PROBLEM_LABELS = {
  name_missing: '名稱未填',
  name_too_long: '名稱超過 200 字',
  ubn_missing: '統一編號未填',
  ubn_invalid: '統一編號不正確（須為 8 碼數字且檢查碼正確）',
  ubn_duplicate: '統一編號在檔案中重複',
  ubn_taken: '統一編號已由其他機關使用',
  username_invalid: '帳號須為 3–100 字，只能使用英數字與 . _ @ -',
  username_duplicate: '帳號在檔案中重複',
  username_taken: '帳號已存在',
  display_name_too_long: '姓名超過 100 字',
  email_invalid: 'Email 格式不正確',
  organization_missing: '請填「統一編號」或「機關」',
  organization_not_found: '找不到此機關或工會（或不在您的管理範圍內）',
  organization_disabled: '此機關已停用',
  text_invalid: '含有控制字元，請移除後再送出',
} as const;
export type BulkProblemCode = keyof typeof BULK_PROBLEM_LABELS;

export const BULK_STATUS_LABELS = { create: '將建立', exists: '已存在（略過）', refused: '不能建立', created: '已建立' } as const;
