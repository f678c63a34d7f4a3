// An application's PDFs (seed 004 §1.2(二)3): the list, one PDF inline or as a download, a PDF uploaded for the filing page.
// Scope as the filing's own (loadFiling: outside it, 404); uploads by the union and its local government.
import { type Response, Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { AttachmentList, AttachmentParams, AttachmentQuery, FileRejected, FilingWithFindings } from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { type Config } from '../config';
import { currentUser, requireAuth, requireRole } from '../http/auth';
import { badRequest } from '../http/errors';
import { loadedFiling, loadFiling } from '../http/load-filing';
import { orRefuse, refusalAnswer } from '../http/refusals';
import { bufferSource, streamTo } from '../http/stream-download';
import { refuseWhenCheckQueueFull, retryAfterOn503 } from '../http/check-queue-guard';
import { boundedUpload, uploadedFiles } from '../http/upload-body';
import { safeUploadName } from '../http/upload-name';
import { attachFile } from '../services/attachments/attach';
import { attachmentFile, attachmentList } from '../services/attachments/read';
import { filingWithFindings } from '../services/filings/read';
import { refuse } from '../services/result';

registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/attachments',
  summary: '申請書的 PDF 附件（會議紀錄、運用補助辦法）與尚缺的附件',
  security: SECURED,
  request: { params: z.object({ id: z.number() }) },
  responses: { 200: { description: '附件清單', content: { 'application/json': { schema: AttachmentList } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/attachments/{kind}',
  summary: '開啟（inline）或下載（?download=1）一份附件：application/pdf，以 sandbox CSP 回覆',
  security: SECURED,
  request: { params: AttachmentParams, query: AttachmentQuery },
  responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.any() } } }, ...errorResponses(400, 401, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/filings/{id}/attachments/{kind}',
  summary: '上傳申請書的一份 PDF 附件（multipart 欄位 file）：通過 PDF 檢查後成為該類附件的新版本，歸於該年度最新的申請書版本',
  security: SECURED,
  request: {
    params: AttachmentParams,
    body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
  },
  responses: {
    201: { description: '已歸檔為新版本', content: { 'application/json': { schema: FilingWithFindings } } },
    200: { description: '同一檔案已是目前的附件', content: { 'application/json': { schema: FilingWithFindings } } },
    422: { description: '附件不予接受（原因見 findings）', content: { 'application/json': { schema: FileRejected } } },
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

/** An inline (or attachment) disposition with the RFC 5987 UTF-8 name. */
const disposition = (type: 'inline' | 'attachment', fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

const sendPdf = async (res: Response, file: { fileName: string; bytes: Buffer }, download: boolean): Promise<void> => {
  // the browser's own PDF viewer shows it; the sandbox keeps any script in it away from the console's origin
  res.set('Content-Type', 'application/pdf').set('Content-Disposition', disposition(download ? 'attachment' : 'inline', file.fileName));
  res.set('Content-Security-Policy', "sandbox; default-src 'none'; object-src 'self'; plugin-types application/pdf").set('X-Content-Type-Options', 'nosniff');
  res.set('Cache-Control', 'private, no-store').set('Content-Length', String(file.bytes.length));
  await streamTo(res, bufferSource(file.bytes));
};

const params = (req: { params: unknown }) => {
  const parsed = AttachmentParams.safeParse(req.params);
  if (!parsed.success) throw badRequest('附件種類須為 meeting（會議紀錄）或 method（運用補助辦法）');
  return parsed.data;
};

export const attachmentRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  const upload = boundedUpload(config, 'file', { files: 1 });
  router.use(requireAuth);

  router.get('/:id/attachments', loadFiling(db), async (req, res) => {
    res.json(await attachmentList(db, loadedFiling(req)));
  });

  router.get('/:id/attachments/:kind', loadFiling(db), async (req, res) => {
    const { kind } = params(req);
    const query = AttachmentQuery.safeParse(req.query);
    if (!query.success) throw badRequest('download 只能是 1');
    const file = await attachmentFile(db, loadedFiling(req), kind);
    await sendPdf(res, orRefuse(file === undefined ? refuse('attachment.not_found') : { ok: true, ...file }), query.data.download === '1');
  });

  router.post('/:id/attachments/:kind', requireRole('union', 'local_gov'), loadFiling(db), refuseWhenCheckQueueFull, upload, async (req, res) => {
    const { kind } = params(req);
    const filing = loadedFiling(req);
    if (filing.kind !== 'application') throw badRequest('只有申請書需要附件（會議紀錄、運用補助辦法）');
    const [file] = await uploadedFiles(req);
    if (file === undefined) throw badRequest('請以 multipart 欄位 file 上傳一個 PDF 檔案');
    const outcome = await attachFile(db, currentUser(req), { name: safeUploadName(file.originalname), bytes: file.bytes }, config, { filing, kind });
    if (outcome.ok) {
      res.status(outcome.created ? 201 : 200).json(await filingWithFindings(db, outcome.filing));
      return;
    }
    const { status, code, message } = refusalAnswer(outcome);
    retryAfterOn503(res, status);
    res.status(status).json({ error: { code, message }, file: outcome.file, findings: outcome.findings });
  });
  return router;
};
