// An upload that reports how much has been sent (fetch cannot): XMLHttpRequest with upload.onprogress, answered like the
// contract client's api.upload — every file on its own, a refusal as data with its zh-TW message.
import { OFFLINE_MESSAGE, type Result, type UploadAnswer } from '@portfund/api-contract';
import { currentCsrfToken, sessionExpired } from './api';

export interface UploadProgress {
  readonly sent: number;
  readonly total: number;
}

const EXPIRED = '登入已逾時，請重新登入';

export const uploadWithProgress = (files: readonly File[], onProgress: (p: UploadProgress) => void): Promise<Result<readonly UploadAnswer[]>> =>
  new Promise((resolve) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/filings');
    xhr.withCredentials = true;
    const csrf = currentCsrfToken();
    if (csrf !== null) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ sent: e.loaded, total: e.total });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, code: 'offline', message: OFFLINE_MESSAGE });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // not JSON: answered below by its status
      }
      const status = xhr.status;
      if (status === 200 || status === 201 || status === 207 || status === 422) {
        // several files answer 207 with results; one file answers with its own status
        const results = (body as { results?: UploadAnswer[] } | null)?.results;
        resolve({ ok: true, value: results ?? [{ ...(body as object), httpStatus: status } as UploadAnswer] });
        return;
      }
      if (status === 401) sessionExpired();
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      resolve({
        ok: false,
        status,
        code: error?.code ?? 'http',
        message: typeof error?.message === 'string' ? error.message : status === 401 ? EXPIRED : `伺服器回應 ${status}`,
      });
    };
    xhr.send(form);
  });
