// GET /templates/application.xlsx and /templates/cashbook.xlsx (?year=115&ubn=…&quarter=…): blank protected templates, public.
import { Router } from 'express';
import { z } from 'zod';
import { checkUbn } from '@portfund/shared-rules';
import { writeTemplate } from '@portfund/templates';
import { registry } from '../api/registry';
import { badRequest } from '../http/errors';
import { contentDisposition } from './filings';

const Query = z
  .object({
    year: z.coerce.number().int().min(100).max(999).optional(),
    ubn: z.string().regex(/^\d{8}$/).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
  })
  .strict();

registry.registerPath({
  method: 'get',
  path: '/templates/{kind}.xlsx',
  summary: '下載空白保護範本（application 申請書、cashbook 現金收支登記簿），可預填年度與統一編號；登記簿可指定季別（quarter 1–4，預填期別並以 11503_統一編號_accounting.xlsx 命名）',
  request: { params: z.object({ kind: z.enum(['application', 'cashbook']) }), query: Query },
  responses: { 200: { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } } } },
});

export const templateRoutes = (): Router => {
  const router = Router();
  router.get('/:kind.xlsx', async (req, res) => {
    const kind = req.params.kind;
    if (kind !== 'application' && kind !== 'cashbook') throw badRequest('範本種類為 application 或 cashbook');
    const q = Query.parse(req.query);
    if (q.ubn !== undefined && !checkUbn(q.ubn).ok) throw badRequest(`統一編號 ${q.ubn} 不正確`);
    const period = kind === 'cashbook' && q.quarter !== undefined ? q.quarter * 3 : undefined;
    const bytes = await writeTemplate(kind, {
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.ubn !== undefined ? { ubn: q.ubn } : {}),
      ...(period !== undefined ? { fill: { cb_period: period } } : {}),
    });
    // the seed's file names: 115_04595257_application.xlsx, 11503_04595257_accounting.xlsx (no literal placeholder)
    const year = q.year === undefined ? '' : String(q.year);
    const ubn = q.ubn ?? '';
    const name =
      kind === 'application'
        ? [year, ubn, 'application'].filter((p) => p !== '').join('_') + '.xlsx'
        : [`${year}${year !== '' && period !== undefined ? String(period).padStart(2, '0') : ''}`, ubn, 'accounting'].filter((p) => p !== '').join('_') + '.xlsx';
    res.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').set('Content-Disposition', contentDisposition(name));
    res.send(bytes);
  });
  return router;
};
