// Notifications (通知訊息) of the caller's organisation, mounted at /api/notifications: list, mark one or all read.
import { Router } from 'express';
import { type Knex } from 'knex';
import { IdParams, NotificationId, NotificationPage, NotificationQuery, NotificationsUpdated, NotificationView, UnreadCount } from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAuth } from '../http/auth';
import { notFound } from '../http/errors';
import { listNotifications, markAllNotificationsRead, markNotificationRead, notificationView, unreadNotificationCount } from '../services/notifications/notifications';

registry.registerPath({
  method: 'get',
  path: '/api/notifications',
  summary: '您所屬機關的通知訊息（新到舊，分頁）',
  security: SECURED,
  request: { query: NotificationQuery },
  responses: { 200: { description: '通知', content: { 'application/json': { schema: NotificationPage } } }, ...errorResponses(400, 401) },
});
registry.registerPath({
  method: 'get',
  path: '/api/notifications/unread-count',
  summary: '您所屬機關的未讀通知數（主選單「通知訊息」的數字）',
  security: SECURED,
  responses: { 200: { description: '未讀數', content: { 'application/json': { schema: UnreadCount } } }, ...errorResponses(401) },
});
registry.registerPath({
  method: 'post',
  path: '/api/notifications/{id}/read',
  summary: '將一則通知標為已讀（僅限您所屬機關的通知）',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '已讀', content: { 'application/json': { schema: NotificationView } } }, ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/notifications/read-all',
  summary: '將您所屬機關的所有通知標為已讀',
  security: SECURED,
  responses: { 200: { description: '已讀', content: { 'application/json': { schema: NotificationsUpdated } } }, ...errorResponses(401, 403) },
});

export const notificationRoutes = (db: Knex): Router => {
  const router = Router();
  // every signed-in role has its organisation's notifications
  router.use(requireAuth);

  router.get('/', async (req, res) => {
    const q = NotificationQuery.parse(req.query);
    res.json(await listNotifications(db, currentUser(req), { unreadOnly: q.unread ?? false, limit: q.limit, offset: q.offset }));
  });

  router.get('/unread-count', async (req, res) => {
    res.json({ unread: await unreadNotificationCount(db, currentUser(req)) });
  });

  router.post('/read-all', async (req, res) => {
    res.json({ updated: await markAllNotificationsRead(db, currentUser(req)) });
  });

  router.post('/:id/read', async (req, res) => {
    const id = NotificationId.safeParse(req.params.id);
    const read = id.success ? await markNotificationRead(db, currentUser(req), id.data) : undefined;
    if (read === undefined) throw notFound('通知');
    res.json(notificationView(read));
  });

  return router;
};
