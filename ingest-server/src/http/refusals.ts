// The one table from a service's refusal code to its HTTP answer: status, the code the API has always answered, and the
// zh-TW message with the refusal's parameters filled in.
import { type Decision, type FilingStatus, PASSWORD_PROBLEM_LABELS, type PasswordProblem, type Role, STATUS_LABELS } from '@portfund/api-contract';
import { taipeiRocTime } from '@portfund/shared-rules';
import { judgementMessage } from '../services/review/state-machine';
import { type Outcome, type Refusal, type RefusalCode, type RefusalParams } from '../services/result';
import { HttpError } from './errors';

interface Answer {
  readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;
  /** The error code of the response body (kept as the API has answered it). */
  readonly code: string;
  readonly message: (params: RefusalParams) => string;
}

const text = (message: string) => () => message;
const param = (params: RefusalParams, key: string): string => String(params[key] ?? '');
const judged = (p: RefusalParams): string => judgementMessage(param(p, 'role') as Role, param(p, 'status') as FilingStatus, param(p, 'decision') as Decision);
// the minute shown is the first one at which the wait is over (Taipei's 民國 date and wall clock, as the user's own clock shows it)
const untilText = (p: RefusalParams): string => taipeiRocTime(new Date(Math.ceil(Date.parse(param(p, 'until')) / 60_000) * 60_000), 'long');
const RATE_LIMITED = (p: RefusalParams): string => `登入失敗次數過多，請於${untilText(p)} 後再試`;
const passwordProblem = (p: RefusalParams): string => PASSWORD_PROBLEM_LABELS[param(p, 'problem') as PasswordProblem] ?? param(p, 'problem');
// one answer whoever holds the UBN: a local government must not learn that a union exists in another jurisdiction
const UBN_TAKEN = text('此統一編號已登錄，請洽勞動部');

export const REFUSALS: Readonly<Record<RefusalCode, Answer>> = {
  'auth.invalid_credentials': { status: 401, code: 'invalid_credentials', message: text('帳號或密碼錯誤') },
  'auth.rate_limited': { status: 429, code: 'rate_limited', message: RATE_LIMITED },
  'auth.wrong_current_password': { status: 400, code: 'invalid_current_password', message: text('目前的密碼不正確') },
  'auth.same_password': { status: 400, code: 'bad_request', message: text('新密碼不可與目前的密碼相同') },
  'auth.weak_password': { status: 400, code: 'bad_request', message: (p) => `新密碼不符密碼規則：${passwordProblem(p)}` },
  'auth.reset_invalid': { status: 400, code: 'reset_invalid', message: text('此重設連結無效、已使用或已過期（連結 30 分鐘內有效且只能使用一次），請重新申請「忘記密碼」') },
  'auth.reset_rate_limited': { status: 429, code: 'rate_limited', message: (p) => `重設密碼的申請次數過多，請於${untilText(p)} 後再試` },
  'setup.not_available': { status: 409, code: 'setup_done', message: text('系統已完成首次設定，請以既有帳號登入') },
  'setup.wrong_code': { status: 403, code: 'setup_code', message: text('設定碼不正確，請查看伺服器啟動時紀錄中印出的設定碼') },
  'organization.admin_required': { status: 403, code: 'admin', message: text('需要勞動部或地方主管機關的系統管理者權限') },
  'organization.ministry_only': { status: 403, code: 'admin', message: text('只有勞動部可以建立地方主管機關') },
  'organization.ubn_required': { status: 400, code: 'admin', message: text('工會須填統一編號') },
  'organization.ubn_invalid': { status: 400, code: 'admin', message: (p) => `統一編號 ${param(p, 'ubn')} 不正確（須為 8 碼數字且檢查碼正確），請確認號碼` },
  'organization.parent_required': { status: 400, code: 'admin', message: text('請指定工會所屬的地方主管機關（parentId）') },
  'organization.ubn_taken': { status: 409, code: 'conflict', message: UBN_TAKEN },
  'organization.not_found': { status: 404, code: 'not_found', message: text('找不到該機關或工會') },
  'organization.disable_own': { status: 400, code: 'admin', message: text('不能停用自己所屬的機關') },
  'organization.move_ministry_only': { status: 403, code: 'admin', message: text('只有勞動部管理者可以變更工會所屬的地方主管機關') },
  'user.demote_self': { status: 400, code: 'admin', message: text('不能取消自己的管理者權限') },
  'bulk.unreadable': { status: 400, code: 'bad_request', message: (p) => `檔案無法讀取：${param(p, 'reason')}` },
  'bulk.header_invalid': { status: 400, code: 'bad_request', message: (p) => `第 1 列須為欄位名稱，缺少：${param(p, 'missing')}` },
  'bulk.too_many_rows': { status: 400, code: 'bad_request', message: (p) => `一次最多 ${param(p, 'max')} 列，請分批上傳` },
  'user.organization_not_found': { status: 404, code: 'admin', message: text('找不到該機關或工會') },
  'user.weak_password': { status: 400, code: 'admin', message: passwordProblem },
  'user.username_taken': { status: 409, code: 'conflict', message: (p) => `帳號 ${param(p, 'username')} 已存在` },
  'user.not_found': { status: 404, code: 'admin', message: text('找不到該使用者') },
  'user.disable_self': { status: 400, code: 'admin', message: text('不能停用自己的帳號') },
  'user.reset_self': { status: 400, code: 'admin', message: text('請以「變更密碼」變更自己的密碼（須輸入目前的密碼）') },
  'review.role_forbidden': { status: 403, code: 'review_forbidden', message: judged },
  'review.wrong_state': { status: 409, code: 'review_state', message: judged },
  'review.stale': { status: 409, code: 'stale', message: text('此申報已被他人更新，請重新整理後再審核') },
  'review.superseded': { status: 409, code: 'superseded', message: (p) => `此申報已有較新的版本（第 ${param(p, 'latest')} 版），請審核最新版本；舊版本只能退回或否決` },
  'review.errors_unacknowledged': {
    status: 409,
    code: 'errors_unacknowledged',
    message: (p) => `此申報仍有 ${param(p, 'errors')} 項錯誤：請先閱讀錯誤，確認仍要核准時勾選「我已閱讀 ${param(p, 'errors')} 項錯誤並仍要核准」（acknowledgeErrors）`,
  },
  'filing.withdraw_union_only': { status: 403, code: 'forbidden', message: text('只有提交申報的工會可以撤回申報') },
  'filing.withdraw_taken_up': {
    status: 409,
    code: 'withdraw_state',
    message: (p) => `此申報目前為「${STATUS_LABELS[param(p, 'status') as FilingStatus] ?? param(p, 'status')}」，已由審核者處理，無法撤回；只有尚未受理的「已提交」版本可以撤回`,
  },
  'filing.file_missing': { status: 404, code: 'not_found', message: text('找不到此申報的原始檔案') },
  'upload.unreadable': { status: 422, code: 'file_rejected', message: text('檔案無法讀取，未建立申報') },
  'upload.not_a_template': { status: 422, code: 'file_rejected', message: text('不是福利專款申請書或現金收支登記簿範本，未建立申報') },
  'upload.template_unknown': { status: 422, code: 'file_rejected', message: text('無法辨識範本，未建立申報') },
  'upload.period_unknown': { status: 422, code: 'file_rejected', message: text('活頁簿的年度、申報月份或統一編號無法辨識，請更正後再上傳') },
  'upload.union_out_of_scope': { status: 422, code: 'file_rejected', message: text('統一編號不在您的管轄範圍，未建立申報') },
  // the server is receiving as many upload bytes as it allows (Config.maxInflightUploadBytes); Retry-After says when
  'attachment.refused': { status: 422, code: 'file_rejected', message: text('附件不予接受，未歸檔') },
  'attachment.no_application': { status: 422, code: 'file_rejected', message: text('該年度尚未上傳申請書，附件未歸檔') },
  'attachment.closed': { status: 422, code: 'file_rejected', message: text('申請書已審核完成，不能再更換附件') },
  'attachment.not_found': { status: 404, code: 'not_found', message: text('此申請書尚未上傳這份附件') },
  'upload.busy': { status: 503, code: 'busy', message: (p) => `伺服器目前正在接收大量上傳檔案，請於 ${param(p, 'seconds')} 秒後再上傳` },
  // every check worker is busy and PORTFUND_CHECK_QUEUE_MAX files already wait for one; Retry-After says when
  'upload.queue_full': { status: 503, code: 'busy', message: (p) => `伺服器目前有許多檔案等待檢查，此檔案未建立申報，請於 ${param(p, 'seconds')} 秒後再上傳` },
  // SIGTERM: the server stopped checking before this file was done; another instance (or this one restarted) takes it
  'upload.shutting_down': { status: 503, code: 'shutting_down', message: (p) => `伺服器正在重新啟動，此檔案未建立申報，請於 ${param(p, 'seconds')} 秒後再上傳` },
  'filing.original_admin_only': { status: 403, code: 'forbidden', message: text('原始上傳檔案僅供勞動部系統管理者稽核下載；請下載重新產生的乾淨檔案') },
  'filing.original_unconfirmed': {
    status: 400,
    code: 'confirm_required',
    message: (p) =>
      `原始上傳檔案未經清理，可能含有外部連結或主動內容，僅供稽核；確認要下載請加上 confirm=${param(p, 'sha256')}（檔案的 SHA-256），下載將記錄於稽核紀錄`,
  },
  'registry.union_account': { status: 403, code: 'forbidden', message: text('工會帳號不能查看志工或工會名冊') },
  'registry.other_authority': { status: 404, code: 'not_found', message: text('找不到此地方主管機關的名冊') },
  'registry.org_required': { status: 400, code: 'bad_request', message: text('請以 org 參數指定地方主管機關') },
  'registry.authority_not_found': { status: 404, code: 'not_found', message: text('找不到地方主管機關') },
  'registry.unit_not_found': { status: 404, code: 'not_found', message: text('找不到此單位') },
  'registry.union_not_found': { status: 404, code: 'not_found', message: text('找不到工會') },
  'registry.year_too_early': { status: 400, code: 'bad_request', message: text('年度須為民國年或西元 1912 年以後') },
};

/** The refusal as the API answers it: { status, code, message }. */
export const refusalAnswer = (refusal: Pick<Refusal, 'code' | 'params'>): { status: number; code: string; message: string } => {
  const answer = REFUSALS[refusal.code];
  return { status: answer.status, code: answer.code, message: answer.message(refusal.params) };
};

/** The refusal as an error for the error middleware to answer. */
export const refusalError = (refusal: Refusal): HttpError => {
  const { status, code, message } = refusalAnswer(refusal);
  return new HttpError(status, code, message);
};

/** What a service made or found; a refusal goes to the error middleware. */
export const orRefuse = <T extends object>(outcome: Outcome<T>): { readonly ok: true } & T => {
  if (!outcome.ok) throw refusalError(outcome);
  return outcome;
};
