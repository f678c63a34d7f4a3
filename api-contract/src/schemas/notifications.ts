// Notifications of the caller's organisation (/api/notifications).
import { NOTIFICATION_KINDS } from '../labels';
import { objectIssue } from './review';
import { z } from './zod';

export const NotificationView = z
  .object({
    id: z.number(),
    kind: z.enum(NOTIFICATION_KINDS),
    filingId: z.number().nullable(),
    title: z.string(),
    message: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    read: z.boolean(),
  })
  .openapi('Notification');

const flag = z.enum(['1', '0', 'true', 'false'], { error: 'unread 須為 1 或 0' }).transform((v) => v === '1' || v === 'true');

export const NotificationQuery = z.strictObject(
  {
    unread: flag.optional(),
    limit: z.coerce.number({ error: 'limit 須為數字' }).int({ error: 'limit 須為整數' }).min(1, { error: 'limit 須介於 1 到 200' }).max(200, { error: 'limit 須介於 1 到 200' }).default(50),
    offset: z.coerce.number({ error: 'offset 須為數字' }).int({ error: 'offset 須為整數' }).min(0, { error: 'offset 不可為負數' }).default(0),
  },
  { error: objectIssue('查詢參數格式錯誤') },
);

// notification ids are bigint: anything beyond a safe integer cannot be one (and must not reach the database)
export const NotificationId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const NotificationPage = z.object({ notifications: z.array(NotificationView), total: z.number(), unread: z.number() });

export const NotificationsUpdated = z.object({ updated: z.number() });
