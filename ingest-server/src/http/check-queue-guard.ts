// Back-pressure on the check queue (issue 19): when every check worker is busy and PORTFUND_CHECK_QUEUE_MAX files already
// wait, an upload is answered 503 with Retry-After before its body is read — nothing is received, checked or written.
import { type RequestHandler, type Response } from 'express';
import { recordUpload } from '../observability/metrics';
import { CHECK_RETRY_SECONDS } from '../services/filings/ingest';
import { refuse } from '../services/result';
import { checkQueueFull } from '../workbook/check/check-pool';
import { refusalError } from './refusals';

export const refuseWhenCheckQueueFull: RequestHandler = (_req, res, next) => {
  if (!checkQueueFull()) {
    next();
    return;
  }
  recordUpload('busy');
  // the connection closes so the unread body is not drained
  res.set('Retry-After', String(CHECK_RETRY_SECONDS)).set('Connection', 'close');
  next(refusalError(refuse('upload.queue_full', { seconds: CHECK_RETRY_SECONDS })));
};

/** A 503 answer (queue full, shutting down) tells the client when to try again. */
export const retryAfterOn503 = (res: Response, status: number): void => {
  if (status === 503) res.set('Retry-After', String(CHECK_RETRY_SECONDS));
};
