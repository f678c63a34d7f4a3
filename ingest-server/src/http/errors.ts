// HTTP errors as data ({ error: { code, message } }, zh-TW messages); the one place exceptions become responses.
import { type ErrorRequestHandler } from 'express';
import multer from 'multer';
import { ZodError } from 'zod';
import { pgErrorCode } from '../db/pg-errors';
import { CheckUnavailable } from '../workbook/check/check-pool';
import { validationError } from './validation-messages';

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

// busboy's own errors for a body that is not well-formed multipart (they are plain Errors, not MulterErrors)
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Malformed part header|Unexpected end of (form|file)|Malformed content type|Unsupported content type|Missing Content-Type|Malformed urlencoded form)/;

// PostgreSQL data errors: a value the validation let through that the column cannot take — the request is at fault
const DATA_ERRORS: Readonly<Record<string, string>> = {
  '22P02': '請求含有格式不正確的值',
  '22003': '請求含有超出範圍的數字',
  '22021': '請求含有無法儲存的字元（例如 NUL）',
  '22001': '請求含有過長的文字',
};

const statusOf = (error: object): number | undefined => {
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = e.status ?? e.statusCode;
  return typeof status === 'number' ? status : undefined;
};

export const errorHandler =
  (log: (message: string, error: unknown) => void): ErrorRequestHandler =>
  (error: unknown, _req, res, _next) => {
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } });
      return;
    }
    if (error instanceof CheckUnavailable) {
      // a clean copy or a check the pool could not take (queue full, shutting down): try again shortly
      res.status(503).set('Retry-After', '30').json({ error: { code: 'busy', message: '伺服器目前忙碌中，請於 30 秒後再試' } });
      return;
    }
    if (error instanceof ZodError) {
      const { message, details } = validationError(error.issues);
      res.status(400).json({ error: { code: 'bad_request', message, details } });
      return;
    }
    if (error instanceof URIError) {
      // the router could not decode a percent-encoded path segment (e.g. /api/filings/%E0%A4%A)
      res.status(400).json({ error: { code: 'bad_request', message: '網址含有無效的百分比編碼（%），請檢查網址' } });
      return;
    }
    if (error instanceof Error && error.constructor === Error && MALFORMED_MULTIPART.test(error.message)) {
      res.status(400).json({ error: { code: 'upload_rejected', message: '上傳內容不是完整的 multipart/form-data 表單，請重新上傳' } });
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
    const dataError = typeof error === 'object' && error !== null ? DATA_ERRORS[pgErrorCode(error) ?? ''] : undefined;
    if (dataError !== undefined) {
      // the last line of defence: log it, since the request validation should have caught the value
      log('request value refused by the database', error);
      res.status(400).json({ error: { code: 'bad_request', message: `${dataError}，請檢查後再試` } });
      return;
    }
    const status = typeof error === 'object' && error !== null ? statusOf(error) : undefined;
    if (status !== undefined && status >= 400 && status < 500) {
      // body-parser and the router mark client errors with a status (bad charset, unsupported encoding, …)
      res.status(status).json({ error: { code: 'bad_request', message: '請求格式錯誤，請檢查後再試' } });
      return;
    }
    log('unexpected error', error);
    res.status(500).json({ error: { code: 'internal', message: '伺服器發生錯誤，請稍後再試；若持續發生請聯絡系統管理者' } });
  };
