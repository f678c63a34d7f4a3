// HTTP errors as data ({ error: { code, message } }, zh-TW messages); the one place exceptions become responses.
import { type ErrorRequestHandler } from 'express';
import multer from 'multer';
import { ZodError } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = '資料'): HttpError => new HttpError(404, 'not_found', `找不到${what}`);
export const forbidden = (message = '您沒有執行此操作的權限'): HttpError => new HttpError(403, 'forbidden', message);
export const badRequest = (message: string, details?: unknown): HttpError => new HttpError(400, 'bad_request', message, details);

const MULTER_MESSAGES: Readonly<Record<string, [number, string]>> = {
  LIMIT_FILE_SIZE: [413, '檔案超過大小上限'],
  LIMIT_FILE_COUNT: [413, '一次上傳的檔案數超過上限'],
  LIMIT_UNEXPECTED_FILE: [400, '請以欄位名稱 file 上傳檔案'],
  LIMIT_PART_COUNT: [413, '表單欄位過多'],
  LIMIT_FIELD_VALUE: [413, '表單欄位內容過長'],
};

export const errorHandler =
  (log: (message: string, error: unknown) => void): ErrorRequestHandler =>
  (error: unknown, _req, res, _next) => {
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } });
      return;
    }
    if (error instanceof ZodError) {
      const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      res.status(400).json({ error: { code: 'bad_request', message: '請求內容格式錯誤', details } });
      return;
    }
    if (error instanceof multer.MulterError) {
      const [status, message] = MULTER_MESSAGES[error.code] ?? [400, '上傳內容格式錯誤'];
      res.status(status).json({ error: { code: 'upload_rejected', message } });
      return;
    }
    if (typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'bad_request', message: '請求內容不是有效的 JSON' } });
      return;
    }
    if (typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'too_large', message: '請求內容過大' } });
      return;
    }
    log('unexpected error', error);
    res.status(500).json({ error: { code: 'internal', message: '伺服器發生錯誤，請稍後再試；若持續發生請聯絡系統管理者' } });
  };
