// The console's calls to the API: the HttpOnly session cookie authenticates, the CSRF token (kept in memory only)
// proves a write came from this page. Results, not exceptions.
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const OFFLINE = '無法連線到伺服器，請確認網路連線後再試';

const messageOf = async (res: Response): Promise<string> => {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not JSON: say the status
  }
  return res.status === 401 ? '登入已逾時，請重新登入' : `伺服器回應 ${res.status}`;
};

const send = async (path: string, init: RequestInit = {}): Promise<Response | null> => {
  const headers = new Headers(init.headers);
  if (init.method !== undefined && init.method !== 'GET' && csrfToken !== null) headers.set('x-csrf-token', csrfToken);
  try {
    return await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    return null;
  }
};

/** Calls an API path and reads the JSON answer; `accept` lists the statuses whose body is a result, not an error. */
export const call = async <T>(path: string, init: RequestInit = {}, accept: readonly number[] = []): Promise<Result<T>> => {
  const res = await send(path, init);
  if (res === null) return { ok: false, status: 0, message: OFFLINE };
  if (!res.ok && !accept.includes(res.status)) return { ok: false, status: res.status, message: await messageOf(res) };
  if (res.status === 204) return { ok: true, value: undefined as T };
  return { ok: true, value: (await res.json()) as T };
};

export const postJson = <T>(path: string, body: unknown): Promise<Result<T>> =>
  call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const postForm = <T>(path: string, form: FormData, accept: readonly number[] = []): Promise<Result<T>> =>
  call<T>(path, { method: 'POST', body: form }, accept);

/** A query string from the set values only. */
export const query = (params: Readonly<Record<string, string | number | undefined | null>>): string => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
};
