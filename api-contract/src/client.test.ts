// The shared client over a stand-in fetch: credentials, the CSRF header, errors as data and upload answers file by file.
import { createClient, OFFLINE_MESSAGE, queryString } from './client';

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
}

const fakeFetch = (status: number, body: unknown, sent: Sent[] = []) =>
  (async (url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

describe('createClient', () => {
  it('signs with the bearer token and never sends a cookie along', async () => {
    const sent: Sent[] = [];
    const client = createClient({ baseUrl: 'https://pf.example', token: 't'.repeat(30), fetch: fakeFetch(200, { filings: [], total: 0 }, sent) });
    await expect(client.filings({ year: 115, kind: 'cashbook', ubn: '' })).resolves.toEqual({ ok: true, value: { filings: [], total: 0 } });
    expect(sent[0]?.url).toBe('https://pf.example/api/filings?year=115&kind=cashbook');
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe(`Bearer ${'t'.repeat(30)}`);
    expect(sent[0]?.init.credentials).toBe('omit');
  });

  it('sends the session cookie, and the CSRF token with writes only', async () => {
    const sent: Sent[] = [];
    const client = createClient({ csrfToken: () => 'csrf-1', fetch: fakeFetch(200, {}, sent) });
    await client.review(7);
    await client.decide(7, { decision: 'accept', lockVersion: 0 });
    expect(sent.map((s) => [s.init.method, s.init.credentials, new Headers(s.init.headers).get('x-csrf-token')])).toEqual([
      ['GET', 'same-origin', null],
      ['POST', 'same-origin', 'csrf-1'],
    ]);
    expect(sent[1]?.init.body).toBe('{"decision":"accept","lockVersion":0}');
  });

  it('answers a refusal as data: status, code and the server message', async () => {
    const client = createClient({ fetch: fakeFetch(409, { error: { code: 'stale', message: '此申報已被他人更新，請重新整理後再審核' } }) });
    await expect(client.decide(1, { decision: 'approve', lockVersion: 3 })).resolves.toEqual({ ok: false, status: 409, code: 'stale', message: '此申報已被他人更新，請重新整理後再審核' });
  });

  it('says what happened when the answer is not JSON, or there is no answer at all', async () => {
    await expect(createClient({ fetch: fakeFetch(401, 'no') }).me()).resolves.toMatchObject({ ok: false, status: 401, message: '登入已逾時，請重新登入' });
    await expect(createClient({ fetch: fakeFetch(502, '<html>') }).me()).resolves.toMatchObject({ ok: false, status: 502, message: '伺服器回應 502' });
    const offline = (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(createClient({ fetch: offline }).me()).resolves.toEqual({ ok: false, status: 0, code: 'offline', message: OFFLINE_MESSAGE });
  });

  it('answers an upload file by file: one file with its own status, several from results', async () => {
    const blob = { blob: new Blob(['x']), name: 'a.xlsx' };
    const refused = { error: { code: 'file_rejected', message: '檔案無法讀取，未建立申報' }, file: 'a.xlsx', findings: [] };
    await expect(createClient({ fetch: fakeFetch(422, refused) }).upload([blob])).resolves.toEqual({ ok: true, value: [{ ...refused, httpStatus: 422 }] });
    const results = [{ ...refused, httpStatus: 422 }];
    await expect(createClient({ fetch: fakeFetch(207, { results }) }).upload([blob, blob])).resolves.toEqual({ ok: true, value: results });
  });
});

describe('queryString', () => {
  it('keeps the set values only', () => {
    expect(queryString({ year: 115, quarter: '', ubn: undefined, kind: null, limit: 20 })).toBe('?year=115&limit=20');
    expect(queryString({})).toBe('');
  });
});
