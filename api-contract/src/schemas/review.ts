// Review of a filing: the decision body, the review summary and the history (/api/filings/{id}/review, …/history).
import { DECISION_LABELS, DECISIONS, FILING_STATUSES, HISTORY_ACTIONS, OPINION_MAX, OPINION_REQUIRED, ROLES } from '../labels';
import { FilingView } from './filings';
import { z } from './zod';

/** zh-TW messages for an object's own issues: unknown fields, or not an object at all. */
export const objectIssue =
  (notAnObject: string) =>
  (issue: { code?: string; keys?: string[] }): string =>
    issue.code === 'unrecognized_keys' ? `不支援的欄位：${(issue.keys ?? []).join('、')}` : notAnObject;

const reviewFields = {
  decision: z.enum(DECISIONS, { error: '審核結果（decision）須為 accept（受理）、approve（核准）、return（退回）或 reject（否決）' }).openapi({
    description: 'accept 受理（地方）；approve 核准（地方：轉陳勞動部；勞動部：核准）；return 退回；reject 否決（地方）',
  }),
  // control characters never get this far: the server refuses them in every /api body
  opinion: z
    .string({ error: '審核意見（opinion）須為文字' })
    .optional()
    .transform((s) => (s ?? '').trim())
    .refine((s) => Array.from(s).length <= OPINION_MAX, { error: `審核意見不可超過 ${OPINION_MAX} 字` })
    .openapi({ description: `審核意見（退回、否決必填，最多 ${OPINION_MAX} 字）` }),
  lockVersion: z
    .number({ error: '請附上申報目前的版本號（lockVersion）' })
    .int({ error: 'lockVersion 須為整數' })
    .min(0, { error: 'lockVersion 須為整數' })
    .openapi({ description: '審核畫面載入時的 lockVersion；申報已被他人更新時回 409' }),
  acknowledgeErrors: z
    .boolean({ error: 'acknowledgeErrors 須為 true 或 false' })
    .optional()
    .openapi({ description: '核准仍有錯誤的申報時須為 true（審核者已閱讀錯誤並仍要核准，記錄於審核歷程）；未附上時回 409 errors_unacknowledged 並說明錯誤數' }),
};

export const ReviewBody = z
  .strictObject(reviewFields, { error: objectIssue('請求內容須為 JSON 物件') })
  .superRefine((body, ctx) => {
    if (OPINION_REQUIRED.has(body.decision) && body.opinion === '') {
      ctx.addIssue({ code: 'custom', path: ['opinion'], message: `「${DECISION_LABELS[body.decision]}」須填寫審核意見，讓申請人知道要修正什麼` });
    }
  })
  .openapi('ReviewBody');

const Actor = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string().nullable(),
  organization: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
});

export const ReviewHistoryEntry = z
  .object({
    id: z.number().nullable().openapi({ description: 'null 為提交（上傳）本身' }),
    decision: z.enum(HISTORY_ACTIONS).openapi({ description: 'submit 提交；accept／approve／return／reject 審核決定；withdraw 工會撤回；supersede 由新版本取代' }),
    decisionLabel: z.string(),
    actor: Actor,
    role: z.enum(ROLES),
    roleLabel: z.string(),
    from: z.enum(FILING_STATUSES).nullable(),
    fromLabel: z.string().nullable(),
    to: z.enum(FILING_STATUSES),
    toLabel: z.string(),
    opinion: z.string(),
    acknowledgedErrors: z.number().nullable().openapi({ description: '核准時審核者確認仍有的錯誤數（無錯誤或非核准為 null）' }),
    at: z.string(),
  })
  .openapi('ReviewHistoryEntry');

export const AllowedDecision = z.object({ decision: z.enum(DECISIONS), label: z.string(), to: z.enum(FILING_STATUSES), toLabel: z.string(), opinionRequired: z.boolean() });

export const ReviewSummaryView = z
  .object({
    filingId: z.number(),
    status: z.enum(FILING_STATUSES),
    statusLabel: z.string(),
    lockVersion: z.number(),
    version: z.number(),
    latestVersion: z.number(),
    superseded: z.boolean().openapi({ description: '已有較新版本：只能退回或否決（尚在審核中的舊版本於新版本上傳時自動成為「已被取代」）' }),
    latestFilingId: z.number().openapi({ description: '同一期別最新版本的申報 id（連結至最新版本）' }),
    errors: z.number().openapi({ description: '此版本目前的錯誤數：大於 0 時核准須附 acknowledgeErrors: true' }),
    mayWithdraw: z.boolean().openapi({ description: '您（提交的工會）可撤回此版本：「已提交」且尚無審核者處理' }),
    allowedDecisions: z.array(AllowedDecision),
    latestOpinion: z
      .object({ decision: z.string(), decisionLabel: z.string(), opinion: z.string(), actor: Actor, at: z.string() })
      .nullable()
      .openapi({ description: '最近一筆審核意見（例如退回理由）' }),
    history: z.array(ReviewHistoryEntry),
  })
  .openapi('ReviewSummary');

export const ReviewDecided = z.object({ filing: FilingView, review: ReviewSummaryView });

export const WithdrawBody = z
  .strictObject(
    {
      lockVersion: z
        .number({ error: '請附上申報目前的版本號（lockVersion）' })
        .int({ error: 'lockVersion 須為整數' })
        .min(0, { error: 'lockVersion 須為整數' })
        .openapi({ description: '畫面載入時的 lockVersion；申報已被更新（例如已受理）時回 409' }),
    },
    { error: objectIssue('請求內容須為 JSON 物件') },
  )
  .openapi('WithdrawBody');

export const ReviewHistory = z.object({ filingId: z.number(), history: z.array(ReviewHistoryEntry) });

/** One filing awaiting the caller (待辦): since when, how long, and whether the review is overdue. */
export const WorklistItem = FilingView.extend({
  since: z.string().openapi({ description: '開始等待您處理的時間（提交、或上一次審核決定）' }),
  waitingDays: z.number().openapi({ description: '已等待的日數（臺北日期）' }),
  reviewDueDate: z.string().openapi({ description: '審核期限（ISO 日期，since 起算 REVIEW_DAYS 日）' }),
  overdue: z.boolean().openapi({ description: '已超過審核期限' }),
}).openapi('WorklistItem');

export const Worklist = z
  .object({
    items: z.array(WorklistItem).openapi({ description: '等待您處理的申報，等最久的在前；已被取代、撤回的版本不在其中' }),
    total: z.number(),
    overdue: z.number(),
    reviewDays: z.number().openapi({ description: '審核期限的日數' }),
  })
  .openapi('Worklist');

export const UnreadCount = z.object({ unread: z.number() }).openapi('UnreadCount');
