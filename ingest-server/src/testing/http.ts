// Small fetch helpers for tests: JSON calls with a bearer token and multipart uploads.
export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export const call = async <T = any>(url: string, token: string | null, method = 'GET', body?: unknown): Promise<Reply<T>> => {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON (a file download): keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
};

export const upload = async <T = any>(url: string, token: string | null, files: readonly { name: string; bytes: Buffer }[]): Promise<Reply<T>> => {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(`${url}/api/filings`, { method: 'POST', headers: token === null ? {} : { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T, headers: res.headers };
};
