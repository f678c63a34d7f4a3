// HTTP helpers for import tests: a multipart upload to /api/registry/imports/:kind and binary downloads.
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
  const res = await fetch(`${url}/api/registry/imports/${kind}`, { method: 'POST', headers: token === null ? {} : { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T };
};

export const download = async (url: string, token: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
};
