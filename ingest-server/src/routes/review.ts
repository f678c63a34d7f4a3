// Review of filings (SPEC §6): decisions and history (審核歷程), notifications (通知訊息), deadline reminders and overdue filings.
import { Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { FilingView } from '../api/schemas';
import { currentUser, requireAdmin, requireAuth, requireRole } from '../http/auth';
import { badRequest, HttpError, notFound } from '../http/errors';
import { loadedFiling, loadFiling } from '../http/load-filing';
import { FILING_STATUSES } from '../models/filing';
import { filingView } from '../services/filings/view';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationView,
} from '../services/notifications/notifications';
import { isIsoDate, rocYearOf, taipeiDate } from '@portfund/shared-rules';
import { decideReview } from '../services/review/decide';
import { reviewHistory, reviewSummary } from '../services/review/history';
import { listOverdue, runReminders } from '../services/review/reminders';
import { DECISIONS, DECISION_LABELS, OPINION_REQUIRED } from '../services/review/state-machine';

const OPINION_MAX = 1000;

/** zh-TW messages for an object's own issues: unknown fields, or not an object at all. */
const objectIssue =
  (notAnObject: string) =>
  (issue: { code?: string; keys?: string[] }): string =>
    issue.code === 'unrecognized_keys' ? `不支援的欄位：${(issue.keys ?? []).join('、')}` : notAnObject;

const reviewFields = {
  decision: z.enum(DECISIONS, { error: '審核結果（decision）須為 accept（受理）、approve（核准）、return（退回）或 reject（否決）' }).openapi({
    description: 'accept 受理（地方）；approve 核准（地方：轉陳勞動部；勞動部：核准）；return 退回；reject 否決（地方）',
  }),
  // control characters never get this far: http/input-guard refuses them in every /api body
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

export const ReviewBody = registry.register(
  'ReviewBody',
  z.strictObject(reviewFields, { error: objectIssue('請求內容須為 JSON 物件') }).superRefine((body, ctx) => {
    if (OPINION_REQUIRED.has(body.decision) && body.opinion === '') {
      ctx.addIssue({ code: 'custom', path: ['opinion'], message: `「${DECISION_LABELS[body.decision]}」須填寫審核意見，讓申請人知道要修正什麼` });
    }
  }),
);

const Actor = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string().nullable(),
  organization: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
});

export const ReviewHistoryEntry = registry.register(
  'ReviewHistoryEntry',
  z.object({
    id: z.number().nullable().openapi({ description: 'null 為提交（上傳）本身' }),
    decision: z.enum(['submit', ...DECISIONS]),
    decisionLabel: z.string(),
    actor: Actor,
    role: z.enum(['union', 'local_gov', 'ministry']),
    roleLabel: z.string(),
    from: z.enum(FILING_STATUSES).nullable(),
    fromLabel: z.string().nullable(),
    to: z.enum(FILING_STATUSES),
    toLabel: z.string(),
    opinion: z.string(),
    at: z.string(),
  }),
);

export const ReviewSummaryView = registry.register(
  'ReviewSummary',
  z.object({
    filingId: z.number(),
    status: z.enum(FILING_STATUSES),
    statusLabel: z.string(),
    lockVersion: z.number(),
    version: z.number(),
    latestVersion: z.number(),
    superseded: z.boolean().openapi({ description: '已有較新版本：只能退回或否決' }),
    allowedDecisions: z.array(
      z.object({ decision: z.enum(DECISIONS), label: z.string(), to: z.enum(FILING_STATUSES), toLabel: z.string(), opinionRequired: z.boolean() }),
    ),
    latestOpinion: z
      .object({ decision: z.string(), decisionLabel: z.string(), opinion: z.string(), actor: Actor, at: z.string() })
      .nullable()
      .openapi({ description: '最近一筆審核意見（例如退回理由）' }),
    history: z.array(ReviewHistoryEntry),
  }),
);

export const NotificationView = registry.register(
  'Notification',
  z.object({
    id: z.number(),
    kind: z.enum(['review', 'reminder', 'overdue', 'recon']),
    filingId: z.number().nullable(),
    title: z.string(),
    message: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    read: z.boolean(),
  }),
);

const flag = z.enum(['1', '0', 'true', 'false'], { error: 'unread 須為 1 或 0' }).transform((v) => v === '1' || v === 'true');

export const NotificationQuery = z.strictObject(
  {
    unread: flag.optional(),
    limit: z.coerce.number({ error: 'limit 須為數字' }).int({ error: 'limit 須為整數' }).min(1, { error: 'limit 須介於 1 到 200' }).max(200, { error: 'limit 須介於 1 到 200' }).default(50),
    offset: z.coerce.number({ error: 'offset 須為數字' }).int({ error: 'offset 須為整數' }).min(0, { error: 'offset 不可為負數' }).default(0),
  },
  { error: objectIssue('查詢參數格式錯誤') },
);

const isoDate = z.string().refine(isIsoDate, { error: '日期格式須為 YYYY-MM-DD' });

export const OverdueQuery = z.strictObject(
  {
    year: z.coerce.number({ error: '年度須為數字' }).int({ error: '年度須為整數' }).min(100, { error: '年度為 3 碼民國年，例如 115' }).max(999, { error: '年度為 3 碼民國年，例如 115' }).optional(),
    quarter: z.coerce.number({ error: '季別須為 0 到 4' }).int({ error: '季別須為 0（申請書）或 1 到 4' }).min(0, { error: '季別須為 0（申請書）或 1 到 4' }).max(4, { error: '季別須為 0（申請書）或 1 到 4' }).optional(),
    asOf: isoDate.optional().openapi({ description: '以此日期（臺北時間）計算，預設今天' }),
  },
  { error: objectIssue('查詢參數格式錯誤') },
);

export const OverdueEntry = registry.register(
  'OverdueEntry',
  z.object({
    union: z.object({ id: z.number(), name: z.string(), ubn: z.string().nullable() }),
    localGovernment: z.object({ id: z.number(), name: z.string() }).nullable(),
    kind: z.enum(['application', 'cashbook']),
    year: z.number(),
    quarter: z.number().nullable(),
    periodLabel: z.string(),
    dueDate: z.string(),
    daysOverdue: z.number(),
    state: z.enum(['missing', 'returned']).openapi({ description: 'missing 未提交；returned 退回或否決後尚未上傳新版本' }),
    latestFilingId: z.number().nullable(),
  }),
);

// notification ids are bigint: anything beyond a safe integer cannot be one (and must not reach the database)
const NotificationId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const idParam = { params: z.object({ id: z.number() }) };

registry.registerPath({
  method: 'post',
  path: '/api/filings/{id}/review',
  summary: '審核一筆申報：地方主管機關受理、核准（轉陳勞動部）、退回申請人、否決；勞動部核准或退回地方主管機關',
  security: SECURED,
  request: { ...idParam, body: { content: { 'application/json': { schema: ReviewBody } } } },
  responses: {
    200: { description: '已審核：新的狀態與審核摘要', content: { 'application/json': { schema: z.object({ filing: FilingView, review: ReviewSummaryView }) } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/review',
  summary: '申報的審核狀態、您可做的審核決定、最近的審核意見與審核歷程',
  security: SECURED,
  request: idParam,
  responses: { 200: { description: '審核摘要', content: { 'application/json': { schema: ReviewSummaryView } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/history',
  summary: '審核歷程（提交與每一次審核：審核者、角色、決定、狀態變化、意見、時間），由舊到新',
  security: SECURED,
  request: idParam,
  responses: {
    200: { description: '審核歷程', content: { 'application/json': { schema: z.object({ filingId: z.number(), history: z.array(ReviewHistoryEntry) }) } } },
    ...errorResponses(401, 404),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/notifications',
  summary: '您所屬機關的通知訊息（新到舊，分頁）',
  security: SECURED,
  request: { query: NotificationQuery },
  responses: {
    200: {
      description: '通知',
      content: { 'application/json': { schema: z.object({ notifications: z.array(NotificationView), total: z.number(), unread: z.number() }) } },
    },
    ...errorResponses(400, 401),
  },
});
registry.registerPath({
  method: 'post',
  path: '/api/notifications/{id}/read',
  summary: '將一則通知標為已讀（僅限您所屬機關的通知）',
  security: SECURED,
  request: idParam,
  responses: { 200: { description: '已讀', content: { 'application/json': { schema: NotificationView } } }, ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/notifications/read-all',
  summary: '將您所屬機關的所有通知標為已讀',
  security: SECURED,
  responses: { 200: { description: '已讀', content: { 'application/json': { schema: z.object({ updated: z.number() }) } } }, ...errorResponses(401, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/reminders/overdue',
  summary: '逾期未申報的工會（依範圍：地方主管機關為轄下工會，勞動部為全部，工會為自己），含逾期天數',
  security: SECURED,
  request: { query: OverdueQuery },
  responses: {
    200: {
      description: '逾期清單',
      content: {
        'application/json': {
          schema: z.object({ today: z.string(), year: z.number(), quarter: z.number().nullable(), overdue: z.array(OverdueEntry) }),
        },
      },
    },
    ...errorResponses(400, 401),
  },
});
registry.registerPath({
  method: 'post',
  path: '/api/reminders/run',
  summary: '立即產生期限提醒與逾期通知（勞動部系統管理者；伺服器也會每小時自動執行，重複執行不會重複通知）',
  security: SECURED,
  responses: {
    200: {
      description: '本次新建的通知數',
      content: { 'application/json': { schema: z.object({ today: z.string(), created: z.number(), reminders: z.number(), overdue: z.number() }) } },
    },
    ...errorResponses(401, 403),
  },
});

/** Parses with a schema; a failure is a 400 whose message is the first problem, in zh-TW. */
const parseOr400 = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw badRequest(details[0]?.message ?? '請求內容格式錯誤', details);
};

export const reviewRoutes = (db: Knex): Router => {
  const router = Router();

  router.post('/filings/:id/review', requireAuth, loadFiling(db), async (req, res) => {
    const body = parseOr400(ReviewBody, req.body ?? {});
    const user = currentUser(req);
    const outcome = await decideReview(db, user, loadedFiling(req), body);
    if (!outcome.ok) throw new HttpError(outcome.status, outcome.code, outcome.message);
    res.json({ filing: filingView(outcome.filing), review: await reviewSummary(db, user, outcome.filing) });
  });

  router.get('/filings/:id/review', requireAuth, loadFiling(db), async (req, res) => {
    res.json(await reviewSummary(db, currentUser(req), loadedFiling(req)));
  });

  router.get('/filings/:id/history', requireAuth, loadFiling(db), async (req, res) => {
    const filing = loadedFiling(req);
    res.json({ filingId: filing.id, history: await reviewHistory(db, filing) });
  });

  router.get('/notifications', requireAuth, async (req, res) => {
    const q = parseOr400(NotificationQuery, req.query);
    res.json(await listNotifications(db, currentUser(req), { unreadOnly: q.unread ?? false, limit: q.limit, offset: q.offset }));
  });

  router.post('/notifications/read-all', requireAuth, async (req, res) => {
    res.json({ updated: await markAllNotificationsRead(db, currentUser(req)) });
  });

  router.post('/notifications/:id/read', requireAuth, async (req, res) => {
    const id = NotificationId.safeParse(req.params.id);
    const read = id.success ? await markNotificationRead(db, currentUser(req), id.data) : undefined;
    if (read === undefined) throw notFound('通知');
    res.json(notificationView(read));
  });

  router.get('/reminders/overdue', requireAuth, async (req, res) => {
    const q = parseOr400(OverdueQuery, req.query);
    const today = q.asOf ?? taipeiDate(new Date());
    res.json(await listOverdue(db, currentUser(req), { year: q.year ?? rocYearOf(today), quarter: q.quarter, today }));
  });

  router.post('/reminders/run', requireAuth, requireRole('ministry'), requireAdmin, async (_req, res) => {
    res.json(await runReminders(db));
  });

  return router;
};
