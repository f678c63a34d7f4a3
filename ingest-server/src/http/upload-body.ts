// Upload bodies (issue 14): written to a temporary folder of their own (removed when the request ends, whatever happened),
// within a server-wide budget of upload bytes in flight (beyond it: 503 with Retry-After, before a byte is read), and cut
// off when the body stalls (idle timeout) or takes too long (body timeout). Nothing of a body is held in memory.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { type Config } from '../config';
import { recordUpload } from '../observability/metrics';
import { refusalError } from './refusals';
import { refuse } from '../services/result';
import { readFileShared } from '../workbook/check/shared-bytes';

export type UploadBounds = Pick<Config, 'maxUploadBytes' | 'maxInflightUploadBytes' | 'uploadIdleMs' | 'uploadBodyMs' | 'uploadTmpDir'>;

/** Seconds a client is told to wait when the server is receiving as many upload bytes as it allows. */
export const RETRY_AFTER_SECONDS = 30;
/** Multipart overhead allowed beyond the files themselves (headers, boundaries, small fields). */
const FORM_OVERHEAD = 1024 * 1024;

/** The bytes of upload bodies being received or checked, server-wide (one budget per Config, shared by every route). */
export class UploadBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get inFlight(): number {
    return this.used;
  }

  reserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

// this process's upload folders not yet removed: a shutdown removes what is left, so no body outlives the process
const liveFolders = new Set<string>();
const removeFolder = (folder: string): Promise<void> =>
  rm(folder, { recursive: true, force: true, maxRetries: 3 }).then(
    () => void liveFolders.delete(folder),
    () => undefined,
  );

/** Removes every upload folder this process still has (shutdown, once no request runs). */
export const removeUploadFolders = async (): Promise<void> => {
  await Promise.all([...liveFolders].map(removeFolder));
};

const budgets = new WeakMap<object, UploadBudget>();

/** The server's budget: every route mounted with the same Config shares it. */
export const uploadBudget = (bounds: UploadBounds): UploadBudget => {
  let budget = budgets.get(bounds);
  if (budget === undefined) {
    budget = new UploadBudget(bounds.maxInflightUploadBytes);
    budgets.set(bounds, budget);
  }
  return budget;
};

/** What a request may hold: its declared length, or (chunked, no Content-Length) the largest body the route accepts. */
const declaredBytes = (req: Request, largest: number): number => {
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? Math.min(length, largest) : largest;
};

export interface UploadOptions {
  readonly files: number;
  readonly fields?: number;
}

/** multer into a per-request temporary folder, inside the budget and the timeouts; files arrive with .path (no .buffer). */
export const boundedUpload = (bounds: UploadBounds, field: string, options: UploadOptions): RequestHandler => {
  const budget = uploadBudget(bounds);
  const largest = bounds.maxUploadBytes * options.files + FORM_OVERHEAD;
  const fields = options.fields ?? 10;
  return (req: Request, res: Response, next: NextFunction) => {
    const bytes = declaredBytes(req, largest);
    if (!budget.reserve(bytes)) {
      // answered before the body is read; the connection closes so the unread body is not drained
      res.set('Retry-After', String(RETRY_AFTER_SECONDS)).set('Connection', 'close');
      recordUpload('busy');
      next(refusalError(refuse('upload.busy', { seconds: RETRY_AFTER_SECONDS })));
      return;
    }
    let folder: string | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(bodyTimer);
      budget.release(bytes);
      if (folder !== undefined) void removeFolder(folder);
    };
    // the request ends (answered, failed or abandoned): the budget is freed and the folder removed
    res.once('close', finish);
    const cutOff = (): void => {
      req.destroy();
      finish();
    };
    req.setTimeout(bounds.uploadIdleMs, cutOff);
    const bodyTimer = setTimeout(cutOff, bounds.uploadBodyMs);
    void (async () => {
      await mkdir(bounds.uploadTmpDir, { recursive: true });
      folder = await mkdtemp(join(bounds.uploadTmpDir, 'req-'));
      liveFolders.add(folder);
      if (done) {
        void removeFolder(folder);
        return;
      }
      const storage = multer.diskStorage({ destination: folder });
      const upload = multer({
        storage,
        defParamCharset: 'utf8',
        limits: { fileSize: bounds.maxUploadBytes, files: options.files, fields, parts: options.files + fields },
      });
      upload.array(field, options.files)(req, res, (error?: unknown) => {
        // the body is in: checking may take long with an idle socket, which is not a stalled upload
        clearTimeout(bodyTimer);
        req.setTimeout(0);
        next(error);
      });
    })().catch((error: unknown) => {
      finish();
      next(error);
    });
  };
};

/** The uploaded files of a request, each read from its temporary file. */
export const uploadedFiles = async (req: Request): Promise<{ readonly originalname: string; readonly bytes: Buffer }[]> => {
  const files = (req.files as Express.Multer.File[] | undefined) ?? [];
  return Promise.all(files.map(async (f) => ({ originalname: f.originalname, bytes: await readFileShared(f.path) })));
};
