// GET /api/health/live (the process answers) and GET /api/health/ready (it can serve: database, migrations, check workers,
// not shutting down): public, for a load balancer or an orchestrator. GET /api/health answers as it always has (meta.ts).
import { Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { registry } from '../api/registry';
import { readiness } from '../observability/readiness';

const ReadinessBody = z.object({
  ready: z.boolean(),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.enum(['current', 'pending', 'unknown']),
  checkWorkers: z.enum(['ok', 'failing', 'stopped']),
  checkQueue: z.object({ busy: z.number().int(), waiting: z.number().int(), max: z.number().int() }),
  shuttingDown: z.boolean(),
});

registry.registerPath({
  method: 'get',
  path: '/api/health/live',
  summary: '程序是否運作中（公開；不檢查資料庫）',
  responses: { 200: { description: '運作中', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/health/ready',
  summary: '可否接受請求（公開）：資料庫可連線、資料庫遷移為最新、檢查程序可執行、未在關閉中；另附檢查佇列深度',
  responses: {
    200: { description: '可接受請求', content: { 'application/json': { schema: ReadinessBody } } },
    503: { description: '暫不可接受請求（各項狀態說明原因）', content: { 'application/json': { schema: ReadinessBody } } },
  },
});

export const healthRoutes = (db: Knex): Router => {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ok: true });
  });
  router.get('/health/ready', async (_req, res) => {
    const state = await readiness(db);
    res.set('Cache-Control', 'no-store').status(state.ready ? 200 : 503).json(state);
  });
  return router;
};
