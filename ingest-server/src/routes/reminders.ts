// Deadlines, mounted at /api/reminders: filings overdue within the caller's scope, and running the reminders now.
import { Router } from 'express';
import { type Knex } from 'knex';
import { OverdueList, OverdueQuery, RemindersRun } from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAdmin, requireAuth, requireRole } from '../http/auth';
import { rocYearOf, taipeiDate } from '@portfund/shared-rules';
import { listOverdue, runReminders } from '../services/review/reminders';

registry.registerPath({
  method: 'get',
  path: '/api/reminders/overdue',
  summary: '逾期未申報的工會（依範圍：地方主管機關為轄下工會，勞動部為全部，工會為自己），含逾期天數',
  security: SECURED,
  request: { query: OverdueQuery },
  responses: { 200: { description: '逾期清單', content: { 'application/json': { schema: OverdueList } } }, ...errorResponses(400, 401) },
});
registry.registerPath({
  method: 'post',
  path: '/api/reminders/run',
  summary: '立即產生期限提醒與逾期通知（勞動部系統管理者；伺服器也會每小時自動執行，重複執行不會重複通知）',
  security: SECURED,
  responses: { 200: { description: '本次新建的通知數', content: { 'application/json': { schema: RemindersRun } } }, ...errorResponses(401, 403) },
});

export const reminderRoutes = (db: Knex): Router => {
  const router = Router();
  router.use(requireAuth);
  // anyone reads what is overdue in their scope; only a ministry administrator runs the reminders
  router.use('/run', requireRole('ministry'), requireAdmin);

  router.get('/overdue', async (req, res) => {
    const q = OverdueQuery.parse(req.query);
    const today = q.asOf ?? taipeiDate(new Date());
    res.json(await listOverdue(db, currentUser(req), { year: q.year ?? rocYearOf(today), quarter: q.quarter, today }));
  });

  router.post('/run', async (_req, res) => {
    res.json(await runReminders(db));
  });

  return router;
};
