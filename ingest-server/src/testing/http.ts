// Small fetch helpers for tests: JSON calls with a bearer token and multipart uploads.
export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** The reply with its body parsed as JSON, or kept as text when it is not JSON (a file download, an HTML page). */
const reply = async <T>(res: Response): Promise<Reply<T>> => {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
};

export const call = async <T = any>(url: string, token: string | null, method = 'GET', body?: unknown): Promise<Reply<T>> => {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return reply<T>(await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
};

export const upload = async <T = any>(url: string, token: string | null, files: readonly { name: string; bytes: Buffer }[]): Promise<Reply<T>> => {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(`${url}/api/filings`, { method: 'POST', headers: token === null ? {} : { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T, headers: res.headers };
};

/**
 * A multipart/form-data body built byte by byte, so a test can send what a browser never would: a file name with control
 * characters, raw (filename="…") or percent-encoded as RFC 5987 allows (filename*=utf-8''…).
 */
export const multipartBody = (
  parts: readonly { filename: string; bytes: Buffer; encoded?: boolean }[],
  boundary = 'portfund-test-boundary',
): { body: Buffer; contentType: string } => {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const name = p.encoded === true ? `filename*=utf-8''${encodeURIComponent(p.filename)}` : `filename="${p.filename}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${name}\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'));
    chunks.push(p.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
};

/** POSTs raw bytes with a content type of the test's choosing (malformed multipart, hand-built parts). */
export const rawPost = async <T = any>(url: string, token: string | null, body: Buffer | string, contentType: string): Promise<Reply<T>> => {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return reply<T>(await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) }));
};
