// Filings: upload (POST /api/filings), list, one filing with its findings, its raw file.
import { type Response, Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { FileRejected, FilingList, FilingListQuery, FilingWithFindings, IdParams, OriginalDownloadBody, UploadResults } from '@portfund/api-contract/src/schemas';
import { type Config } from '../config';
import { currentUser, requireAuth, requireRole } from '../http/auth';
import { badRequest } from '../http/errors';
import { loadedFiling, loadFiling } from '../http/load-filing';
import { orRefuse, refusalAnswer } from '../http/refusals';
import { bufferSource, streamTo } from '../http/stream-download';
import { refuseWhenCheckQueueFull, retryAfterOn503 } from '../http/check-queue-guard';
import { boundedUpload, uploadedFiles } from '../http/upload-body';
import { safeUploadName } from '../http/upload-name';
import { type User } from '../models/user';
import { recordUpload, type UploadOutcome } from '../observability/metrics';
import { cleanFilingFile, type FilingFile, originalFilingFile } from '../services/filings/download';
import { attachFile, isAttachmentName } from '../services/attachments/attach';
import { ingestFile, type IngestOutcome } from '../services/filings/ingest';
import { findingsWorkbook } from '../services/filings/findings-export';
import { filingWithFindings, listFilings } from '../services/filings/read';

registry.registerPath({
  method: 'post',
  path: '/api/filings',
  summary: '上傳活頁簿（multipart 欄位 file，可多個檔案）：逐格檢查、勾稽後建立新版本；相同檔案重傳回傳原申報。申請書的 PDF 附件（年度_統編_metting.pdf／_method.pdf）可一併上傳，歸於該年度最新的申請書',
  description:
    '一個檔案時直接以該檔的狀態碼回覆（201、200、422；未預期錯誤為 500）。多個檔案時一律回 207，results 依上傳順序逐檔回覆，' +
    '每檔各自處理、各自成立：某一檔發生錯誤（httpStatus 422 或 500）不影響其他檔案已建立的申報。檔名只保留最後一段，並去除控制字元。',
  security: SECURED,
  request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
  responses: {
    201: { description: '已建立新版本', content: { 'application/json': { schema: FilingWithFindings } } },
    200: { description: '同一檔案已申報過（冪等）', content: { 'application/json': { schema: FilingWithFindings } } },
    207: { description: '多個檔案：results 逐檔回覆（各自的 httpStatus）', content: { 'application/json': { schema: UploadResults } } },
    422: { description: '檔案無法建立申報（無法讀取、不是範本、統一編號不在範圍內）', content: { 'application/json': { schema: FileRejected } } },
    ...errorResponses(400, 401, 403, 413, 500),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings',
  summary: '申報清單（依範圍）',
  security: SECURED,
  request: { query: FilingListQuery },
  responses: { 200: { description: '清單', content: { 'application/json': { schema: FilingList } } }, ...errorResponses(400, 401) },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}',
  summary: '一筆申報與其全部檢查結果',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '申報', content: { 'application/json': { schema: FilingWithFindings } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/file',
  summary: '下載申報的活頁簿（乾淨檔案）：以該申報的範本版本重新產生、填入申報內容，重新檢查結果與原檔相同；原檔的外部連結、內嵌物件等一律不含',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/findings.xlsx',
  summary: '下載檢查結果（XLSX，可直接列印：橫向、符合頁寬、每頁重複標題列）：每項發現一列，登記簿的發現附該列分錄的月／日、傳票序號、摘要與金額',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/filings/{id}/original',
  summary: '下載原始上傳檔案（僅勞動部系統管理者、稽核用）：須以檔案的 SHA-256 確認；原檔未經清理，每次下載均記錄',
  security: SECURED,
  request: { params: IdParams, body: { content: { 'application/json': { schema: OriginalDownloadBody } } } },
  responses: { 200: { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } } }, ...errorResponses(400, 401, 403, 404) },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook is checked and filed; a PDF (by its name) goes to its application as an attachment. */
const ingestAny = (db: Knex, user: User, config: Config, file: { name: string; bytes: Buffer }): Promise<IngestOutcome> =>
  isAttachmentName(file.name) ? attachFile(db, user, file, config) : ingestFile(db, user, file);

const outcomeBody = async (db: Knex, outcome: IngestOutcome) => {
  if (outcome.ok) return { status: outcome.created ? 201 : 200, body: await filingWithFindings(db, outcome.filing) };
  const { status, code, message } = refusalAnswer(outcome);
  return { status, body: { error: { code, message }, file: outcome.file, findings: outcome.findings } };
};

type Log = (message: string, error?: unknown) => void;

const OUTCOMES: Readonly<Record<number, UploadOutcome>> = { 201: 'created', 200: 'duplicate', 503: 'busy', 500: 'failed' };
const recordAnswer = (status: number): void => recordUpload(OUTCOMES[status] ?? 'rejected');

/** One file of a multi-file upload, answered on its own: an unexpected failure is this file's 500, not the request's. */
const answerFile = async (db: Knex, user: User, config: Config, file: { name: string; bytes: Buffer }, log: Log) => {
  try {
    return await outcomeBody(db, await ingestAny(db, user, config, file));
  } catch (error) {
    log(`upload of ${JSON.stringify(file.name)} failed`, error);
    const message = '此檔案處理時發生未預期的錯誤，未建立申報（其他檔案不受影響）；請稍後重新上傳此檔案，若持續發生請聯絡系統管理者';
    return { status: 500, body: { error: { code: 'file_failed', message }, file: file.name } };
  }
};

/** An HTTP header parameter for a file name: ASCII fallback plus RFC 5987 UTF-8 (Chinese names survive). */
export const contentDisposition = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

const sendFile = async (res: Response, file: FilingFile): Promise<void> => {
  res.set('Content-Type', XLSX_TYPE).set('Content-Disposition', contentDisposition(file.fileName)).set('X-Content-Type-Options', 'nosniff');
  res.set('Cache-Control', 'private, no-store').set('Content-Length', String(file.bytes.length));
  await streamTo(res, bufferSource(file.bytes));
};

export const filingRoutes = (db: Knex, config: Config, log: Log = () => undefined): Router => {
  const router = Router();
  // bodies go to a temporary folder within the server's in-flight budget and timeouts (http/upload-body.ts)
  const upload = boundedUpload(config, 'file', { files: config.maxFilesPerUpload });
  router.use(requireAuth);

  router.post('/', requireRole('union', 'local_gov'), refuseWhenCheckQueueFull, upload, async (req, res) => {
    const files = await uploadedFiles(req);
    if (files.length === 0) throw badRequest('請以 multipart 欄位 file 上傳至少一個檔案');
    const user = currentUser(req);
    const named = files.map((f) => ({ name: safeUploadName(f.originalname), bytes: f.bytes }));
    const only = named.length === 1 ? named[0] : undefined;
    if (only !== undefined) {
      // a single file: its own status, and an unexpected failure goes to the error handler like any other request
      const result = await outcomeBody(db, await ingestAny(db, user, config, only)).catch((error: unknown) => {
        recordAnswer(500);
        throw error;
      });
      recordAnswer(result.status);
      retryAfterOn503(res, result.status);
      res.status(result.status).json(result.body);
      return;
    }
    // one at a time: each file is checked and filed in its own transaction, answered on its own (in upload order); the
    // workbooks first, so PDFs sent along with their application find it
    const results = new Array<Awaited<ReturnType<typeof answerFile>>>(named.length);
    const order = named.map((f, i) => ({ f, i })).sort((a, b) => Number(isAttachmentName(a.f.name)) - Number(isAttachmentName(b.f.name)));
    for (const { f, i } of order) results[i] = await answerFile(db, user, config, f, log);
    for (const r of results) recordAnswer(r.status);
    if (results.some((r) => r.status === 503)) retryAfterOn503(res, 503);
    res.status(207).json({ results: results.map((r) => ({ httpStatus: r.status, ...r.body })) });
  });

  router.get('/', async (req, res) => {
    res.json(await listFilings(db, currentUser(req), FilingListQuery.parse(req.query)));
  });

  router.get('/:id', loadFiling(db), async (req, res) => {
    res.json(await filingWithFindings(db, loadedFiling(req)));
  });

  // every reviewer gets the clean copy; the uploaded bytes only a ministry administrator, confirmed and recorded
  router.get('/:id/file', loadFiling(db), async (req, res) => {
    await sendFile(res, orRefuse(await cleanFilingFile(db, loadedFiling(req))));
  });

  router.get('/:id/findings.xlsx', loadFiling(db), async (req, res) => {
    await sendFile(res, await findingsWorkbook(db, loadedFiling(req), new Date()));
  });

  router.post('/:id/original', loadFiling(db), async (req, res) => {
    const body = OriginalDownloadBody.safeParse(req.body ?? {});
    const file = orRefuse(await originalFilingFile(db, currentUser(req), loadedFiling(req), body.success ? body.data.confirm : undefined));
    await sendFile(res, file);
  });
  return router;
};
