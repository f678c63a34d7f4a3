// The server client against the real ingest server (PGlite, seeded): sign in, upload, 422 for a foreign file; the review
// history and its latest opinion against a stub (that endpoint's shape is fixed by the API, its server side is separate).
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../../ingest-server/src/testing/test-server';
import { cashbookBytes, cashbookName } from '../../../ingest-server/src/testing/workbooks';
import { fetchReview, isReturned, latestOpinion, login, normaliseServerUrl, submitWorkbook } from './client';
import { type Session } from './types';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

const signIn = async (): Promise<Session> => {
  const result = await login(server.url, 'union-x', 'Portfund2026pw');
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('login', () => {
  it('returns a session with the bearer token and the user', async () => {
    const session = await signIn();
    expect(session.serverUrl).toBe(server.url);
    expect(session.token.length).toBeGreaterThanOrEqual(20);
    expect(session.user).toMatchObject({ username: 'union-x', role: 'union', organization: { ubn: UNION_X_UBN } });
  });

  it('answers the server message for a wrong password, and a clear one when the server is unreachable', async () => {
    await expect(login(server.url, 'union-x', 'wrong-password')).resolves.toEqual({ ok: false, status: 401, message: '帳號或密碼錯誤' });
    const offline = await login('http://127.0.0.1:9', 'union-x', 'x');
    expect(offline).toMatchObject({ ok: false, status: 0 });
  });
});

describe('submitWorkbook', () => {
  it('uploads the workbook bytes under its file name and returns the filing with its findings', async () => {
    const session = await signIn();
    const name = cashbookName(115, 1, UNION_X_UBN);
    const blob = new Blob([new Uint8Array(await cashbookBytes(1))]);
    const first = await submitWorkbook(session, blob, name);
    expect(first.ok && !first.value.rejected && first.value.created).toBe(true);
    if (!first.ok || first.value.rejected) return;
    expect(first.value.filing).toMatchObject({ kind: 'cashbook', ubn: UNION_X_UBN, year: 115, quarter: 1, version: 1 });
    expect(Array.isArray(first.value.filing.findings)).toBe(true);
    // the same bytes again: the same filing, answered 200
    const again = await submitWorkbook(session, blob, name);
    expect(again.ok && !again.value.rejected && again.value.created).toBe(false);
    expect(again.ok && !again.value.rejected ? again.value.filing.id : null).toBe(first.value.filing.id);
  });

  it('reports a file the server refuses (422) with the findings that say why', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('工作表1').getCell('A1').value = 'x';
    const blob = new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
    const result = await submitWorkbook(await signIn(), blob, 'book1.xlsx');
    expect(result.ok && result.value.rejected).toBe(true);
    if (!result.ok || !result.value.rejected) return;
    expect(result.value.findings.map((f) => f.code)).toContain('template.unknown');
  });

  it('reports an expired or invalid token as 401', async () => {
    const session = { ...(await signIn()), token: 'x'.repeat(40) };
    const result = await submitWorkbook(session, new Blob(['x']), 'a.xlsx');
    expect(result).toMatchObject({ ok: false, status: 401 });
  });
});

describe('review history', () => {
  const session: Session = {
    serverUrl: 'https://portfund.example',
    token: 't'.repeat(30),
    expiresAt: '2999-01-01T00:00:00Z',
    user: { id: 1, username: 'u', displayName: null, role: 'union', organization: { name: 'x', ubn: null } },
  };

  it('GETs /api/filings/:id/review with the bearer token and picks the latest opinion', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const stub = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(
        JSON.stringify({
          status: 'returned',
          history: [
            { decision: 'forward', opinion: '' },
            { decision: 'return', opinion: '請補附收據。' },
            { decision: 'comment', opinion: '  ' },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }) as typeof fetch;
    const review = await fetchReview(session, 7, stub);
    expect(calls[0]?.[0]).toBe('https://portfund.example/api/filings/7/review');
    expect((calls[0]?.[1]?.headers as Record<string, string>).authorization).toBe(`Bearer ${session.token}`);
    expect(review.ok && latestOpinion(review.value)?.opinion).toBe('請補附收據。');
  });

  it('knows which statuses return a filing to the union', () => {
    expect(['returned', 'ministry_returned', 'rejected'].every(isReturned)).toBe(true);
    expect(['submitted', 'local_review', 'approved'].some(isReturned)).toBe(false);
  });
});

describe('normaliseServerUrl', () => {
  it.each([
    ['https://portfund.example.gov.tw/', 'https://portfund.example.gov.tw'],
    [' http://localhost:3000 ', 'http://localhost:3000'],
    ['https://intranet.example/portfund/', 'https://intranet.example/portfund'],
    ['ftp://x', null],
    ['not a url', null],
  ])('%s → %s', (input, output) => expect(normaliseServerUrl(input)).toBe(output));
});
