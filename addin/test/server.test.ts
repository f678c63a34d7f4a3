// The pane's server calls (through the shared client) against the real ingest server (PGlite or, with TEST_DATABASE_URL, PostgreSQL; seeded): sign in,
// upload, 422 for a foreign file, and the opinion on a returned version found through the list and review endpoints.
import ExcelJS from 'exceljs';
import { type FilingWithFindings } from '@portfund/api-contract';
import { call } from '../../ingest-server/src/testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../ingest-server/src/testing/test-server';
import { applicationBytes, applicationName, cashbookBytes, cashbookName } from '../../ingest-server/src/testing/workbooks';
import { findReturned, isReturned, keyOfFiling, login, missingAttachments, normaliseServerUrl, submitAttachment, submitWorkbook } from '../src/api/server';
import { javascriptPdf, validPdf } from '../../ingest-server/src/attachments/testing/pdfs';
import { type Session } from '../src/api/session';

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
    await expect(login(server.url, 'union-x', 'wrong-password')).resolves.toEqual({ ok: false, status: 401, code: 'invalid_credentials', message: '帳號或密碼錯誤' });
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

describe('findReturned: the opinion on a returned earlier version', () => {
  const blob = (bytes: Buffer) => new Blob([new Uint8Array(bytes)]);

  const filed = async (session: Session, bytes: Buffer, name: string): Promise<FilingWithFindings> => {
    const result = await submitWorkbook(session, blob(bytes), name);
    if (!result.ok || result.value.rejected || !result.value.created) throw new Error(`upload of ${name} did not file a new version`);
    return result.value.filing;
  };

  /** The local government (臺中市政府勞工局) accepts the filing, then returns it with an opinion; answers when it returned it. */
  const returnWithOpinion = async (filingId: number, opinion: string): Promise<string> => {
    const token = await server.login('taichung');
    const url = `${server.url}/api/filings/${filingId}/review`;
    const summary = await call<{ lockVersion: number }>(url, token);
    const accepted = await call<{ filing: { lockVersion: number } }>(url, token, 'POST', { decision: 'accept', lockVersion: summary.body.lockVersion });
    expect(accepted.status).toBe(200);
    const returned = await call<{ filing: { status: string }; review: { history: { at: string }[] } }>(url, token, 'POST', {
      decision: 'return',
      opinion,
      lockVersion: accepted.body.filing.lockVersion,
    });
    expect([returned.status, returned.body.filing.status]).toEqual([200, 'returned']);
    return returned.body.review.history.at(-1)?.at ?? '';
  };

  it.each([
    ['an application (quarter 0)', applicationName(115, UNION_X_UBN), () => applicationBytes(), () => applicationBytes({ app_contact_phone: '04-26561299' })],
    ['a third-quarter cash book', cashbookName(115, 3, UNION_X_UBN), () => cashbookBytes(3), () => cashbookBytes(3, { cb_open_petty: 57905 })],
  ])('%s: v1 filed, returned with an opinion, v2 filed → the opinion on v1 is reported', async (_kind, name, firstBytes, secondBytes) => {
    const session = await signIn();
    const opinion = '聯絡電話與零用金期初餘額請更正。\n更正後重新送出。';
    const v1 = await filed(session, await firstBytes(), name);
    expect(v1).toMatchObject({ version: 1, status: 'submitted' });
    await expect(findReturned(session, keyOfFiling(v1))).resolves.toEqual({ ok: true, value: null });

    const at = await returnWithOpinion(v1.id, opinion);
    expect(Number.isNaN(Date.parse(at))).toBe(false);
    const returned = {
      filingId: v1.id,
      version: 1,
      status: 'returned',
      statusLabel: '退回申請人',
      decisionLabel: '退回',
      roleLabel: '地方主管機關',
      organization: server.seed.localA.name,
      opinion,
      at,
    };
    // signed in with the returned workbook open: the latest filed version is the returned one
    await expect(findReturned(session, keyOfFiling(v1))).resolves.toEqual({ ok: true, value: returned });

    const v2 = await filed(session, await secondBytes(), name);
    expect(v2).toMatchObject({ version: 2, status: 'submitted' });
    // after the upload: the version before the new one was returned, with this opinion
    await expect(findReturned(session, keyOfFiling(v2), v2.version - 1)).resolves.toEqual({ ok: true, value: returned });
    // …while the new version itself stands, so a later sign-in reports nothing
    await expect(findReturned(session, keyOfFiling(v2))).resolves.toEqual({ ok: true, value: null });
  }, 120_000);

  it('answers the server error for a token the server refuses, and nothing to look up before version 1', async () => {
    const session = { ...(await signIn()), token: 'x'.repeat(40) };
    const key = { kind: 'cashbook', ubn: UNION_X_UBN, year: 115, quarter: 2 } as const;
    await expect(findReturned(session, key)).resolves.toMatchObject({ ok: false, status: 401 });
    await expect(findReturned(session, key, 0)).resolves.toEqual({ ok: true, value: null });
  });

  it('knows which statuses return a filing to the union', () => {
    expect(['returned', 'ministry_returned', 'rejected'].every(isReturned)).toBe(true);
    expect(['submitted', 'local_review', 'ministry_review', 'approved'].some(isReturned)).toBe(false);
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

describe('the application PDFs after submitting', () => {
  it('says which PDFs the server lacks, sends one, and reports a hostile one with its reason', async () => {
    const session = await signIn();
    const sent = await submitWorkbook(session, new Blob([new Uint8Array(await applicationBytes())]), applicationName(115, UNION_X_UBN));
    if (!sent.ok || sent.value.rejected) throw new Error('the application was not filed');
    const filing = sent.value.filing;
    expect(missingAttachments(filing)).toEqual(['meeting', 'method']);
    const minutes = await submitAttachment(session, filing.id, 'meeting', new Blob([new Uint8Array(await validPdf(1))]), '會議紀錄.pdf');
    expect(minutes.ok && !minutes.value.rejected && missingAttachments(minutes.value.filing)).toEqual(['method']);
    const hostile = await submitAttachment(session, filing.id, 'method', new Blob([new Uint8Array(await javascriptPdf())]), 'method.pdf');
    expect(hostile.ok && hostile.value.rejected && hostile.value.findings.map((f) => [f.code, f.params.reason])).toEqual([['file.attachment_refused', 'pdf.javascript']]);
  });
});
