// Bad input is the client's mistake, answered 400 with a zh-TW message that names the field — never a 500: NUL and other
// control characters, values outside an enumeration, oversized ids, malformed multipart bodies, broken percent-encoding.
import { call, rawPost } from '../testing/http';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let localA: string;
let ministry: string;
const logged: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ log: (message) => logged.push(message) });
  localA = await server.login('taichung');
  ministry = await server.login('reviewer');
});
afterAll(() => server.close());

const expect400 = (reply: { status: number; body: { error?: { message?: string } } }, ...words: string[]): void => {
  expect(reply.status).toBe(400);
  const message = reply.body.error?.message ?? '';
  for (const w of words) expect(message).toContain(w);
  // zh-TW for people, never the validator's English
  expect(message).not.toMatch(/Invalid|expected|received|Unexpected|Boundary|Failed/);
};

describe('query strings', () => {
  it('takes only the real filing states as ?status=', async () => {
    expect400(await call(`${server.url}/api/filings?status=%00`, localA), '狀態（status）', '控制字元');
    expect400(await call(`${server.url}/api/filings?status=pending`, localA), '狀態（status）', 'submitted');
    const ok = await call(`${server.url}/api/filings?status=local_review`, localA);
    expect(ok.status).toBe(200);
  });

  it('names the field of a bad list parameter in zh-TW', async () => {
    expect400(await call(`${server.url}/api/filings?limit=abc`, localA), '筆數上限（limit）', '數字');
    expect400(await call(`${server.url}/api/filings?year=5`, localA), '年度（year）', '100');
    expect400(await call(`${server.url}/api/reports/unions?year=115`, ministry), '季別（quarter）');
  });

  it('refuses control characters in a keyword', async () => {
    expect400(await call(`${server.url}/api/registry/volunteers?q=%E7%8E%8B%00`, localA), '關鍵字（q）', '控制字元');
  });

  it('answers an id beyond PostgreSQL integers with 400, not a database error', async () => {
    expect400(await call(`${server.url}/api/registry/units?org=99999999999`, ministry));
  });
});

describe('bodies', () => {
  it('refuses NUL in any JSON string, also nested or in a key', async () => {
    expect400(await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'a\u0000', password: 'x' }), '帳號（username）');
    const admin = await server.login('admin');
    expect400(await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'local_gov', name: '臺南市政府\u0000勞工局' }), '名稱（name）');
    expect400(await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'local_gov', name: 'x', ['co\u0000de']: 'y' }), '控制字元');
  });

  it('refuses a malformed multipart body with 400', async () => {
    const truncated = '--b1\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK';
    expect400(await rawPost(`${server.url}/api/filings`, localA, truncated, 'multipart/form-data; boundary=b1'), 'multipart');
    expect400(await rawPost(`${server.url}/api/filings`, localA, 'anything', 'multipart/form-data'), 'multipart');
    const badHeader = '--b2\r\nContent-Disposition form-data name file\r\n\r\nPK\r\n--b2--\r\n';
    expect((await rawPost(`${server.url}/api/filings`, localA, badHeader, 'multipart/form-data; boundary=b2')).status).toBe(400);
    expect(logged).not.toContain('unexpected error');
  });
});

describe('paths', () => {
  it('answers broken percent-encoding in a path with 400', async () => {
    expect400(await call(`${server.url}/api/filings/%E0%A4%A`, localA), '網址');
    expect400(await call(`${server.url}/api/reports/unions/%E0%A4%A/balances?year=115`, ministry), '網址');
  });

  it('answers an oversized or non-numeric filing id with 404', async () => {
    expect((await call(`${server.url}/api/filings/99999999999`, localA)).status).toBe(404);
    expect((await call(`${server.url}/api/filings/%00`, localA)).status).toBe(404);
  });
});
