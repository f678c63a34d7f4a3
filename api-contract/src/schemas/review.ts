// Review of a filing: the decision body, the review summary and the history (/api/filings/{id}/review, …/history).
import { DECISION_LABELS, DECISIONS, FILING_STATUSES, OPINION_MAX, OPINION_REQUIRED, ROLES } from '../labels';
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
    decision: z.enum(['submit', ...DECISIONS]),
    decisionLabel: z.string(),
    actor: Actor,
    role: z.enum(ROLES),
    roleLabel: z.string(),
    from: z.enum(FILING_STATUSES).nullable(),
    fromLabel: z.string().nullable(),
    to: z.enum(FILING_STATUSES),
    toLabel: z.string(),
    opinion: z.string(),
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
    superseded: z.boolean().openapi({ description: '已有較新版本：只能退回或否決' }),
    allowedDecisions: z.array(AllowedDecision),
    latestOpinion: z
      .object({ decision: z.string(), decisionLabel: z.string(), opinion: z.string(), actor: Actor, at: z.string() })
      .nullable()
      .openapi({ description: '最近一筆審核意見（例如退回理由）' }),
    history: z.array(ReviewHistoryEntry),
  })
  .openapi('ReviewSummary');

export const ReviewDecided = z.object({ filing: FilingView, review: ReviewSummaryView });

export const ReviewHistory = z.object({ filingId: z.number(), history: z.array(ReviewHistoryEntry) });
