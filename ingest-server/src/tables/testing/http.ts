// HTTP helpers for import tests: a multipart upload to /api/registry/imports/:kind (waiting for a queued run's result)
// and binary downloads.
export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
}

export const postImport = async <T = any>(
  url: string,
  token: string | null,
  kind: string,
  file: { readonly name: string; readonly bytes: Buffer } | null,
  fields: Readonly<Record<string, string>> = {},
): Promise<Answer<T>> => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file !== null) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  const res = await fetch(`${url}/api/registry/imports/${kind}`, { method: 'POST', headers, body: form });
  const answer = { status: res.status, body: await bodyOf(res) };
  if (res.status !== 202) return answer as Answer<T>;
  // a queued run (a job): poll its Location until it has a result, and answer that with the request's status
  const location = res.headers.get('location');
  if (location === null) throw new Error('202 without Location');
  for (;;) {
    const run = await fetch(`${url}${location}`, { headers });
    const body = (await bodyOf(run)) as { status?: string };
    if (run.status !== 200) throw new Error(`GET ${location}: ${run.status}`);
    if (body.status !== 'queued' && body.status !== 'running') return { status: 202, body: body as T };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const bodyOf = async (res: Response): Promise<unknown> => {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON
  }
};

export const download = async (url: string, token: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
};
