// GET /api/health and GET /api/openapi.json: public, so monitoring and API clients need no account. Also documents the
// other public route that is not under /api, the add-in's run-time setting (served by routes/addin-config.ts).
import { Router } from 'express';
import { z } from 'zod';
import { openApiDocument, registry } from '../api/registry';

registry.registerPath({
  method: 'get',
  path: '/api/health',
  summary: '伺服器是否運作中（公開，供監控使用）',
  responses: { 200: { description: '運作中', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/openapi.json',
  summary: '本 API 的 OpenAPI 3 說明文件（公開）',
  responses: { 200: { description: 'OpenAPI 文件', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

registry.registerPath({
  method: 'get',
  path: '/addin/config.js',
  summary: 'Excel 增益集工作窗格的執行時設定（公開）：Office.js 自 Microsoft CDN 或本伺服器載入（PORTFUND_OFFICE_JS）',
  responses: { 200: { description: 'JavaScript（不快取）', content: { 'text/javascript': { schema: z.string() } } } },
});

export const metaRoutes = (): Router => {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  return router;
};
