// An application's two PDFs over real HTTP (seed 004 §1.2(二)3): file.attachment_missing until both are there, the hostile
// set refused each with its reason (the server healthy after), versions, inline/download with a sandboxing CSP.
import { embeddedFilePdf, encryptedPdf, javascriptPdf, launchPdf, truncatedPdf, validPdf } from '../attachments/testing/pdfs';
import { call, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, applicationVariantBytes } from '../testing/workbooks';

const CAP = 64 * 1024;
const MEETING = `115_${UNION_X_UBN}_metting.pdf`;
const METHOD = `115_${UNION_X_UBN}_method.pdf`;

let server: TestServer;
let unionX: string;
let localA: string;
let applicationId: number;

const missingOf = (body: { findings: { code: string; params: Record<string, unknown> }[] }): unknown[] =>
  body.findings.filter((f) => f.code === 'file.attachment_missing').map((f) => f.params.attachment);

const postPdf = async (path: string, token: string, name: string, bytes: Buffer) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  server = await startTestServer({ config: { maxPdfBytes: CAP } });
  unionX = await server.login('union-x');
  localA = await server.login('taichung');
});
afterAll(() => server.close());

describe('an application without its PDFs', () => {
  it('is filed with file.attachment_missing for each, counted as errors', async () => {
    const res = await upload(server.url, unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes() }]);
    expect(res.status).toBe(201);
    applicationId = res.body.id;
    expect(missingOf(res.body)).toEqual(['meeting', 'method']);
    expect(res.body.summary.errors).toBe(res.body.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    expect(res.body.attachments).toEqual([]);
    const list = await call(`${server.url}/api/filings/${applicationId}/attachments`, localA);
    expect(list.body).toEqual({ attachments: [], missing: ['meeting', 'method'] });
  });

  it('refuses every hostile PDF with its reason, files nothing and stays healthy', async () => {
    const over = Buffer.concat([await validPdf(), Buffer.alloc(CAP)]);
    const cases: [string, Buffer, string][] = [
      [MEETING, await encryptedPdf(), 'pdf.encrypted'],
      [MEETING, await javascriptPdf(), 'pdf.javascript'],
      [METHOD, await launchPdf(), 'pdf.launch'],
      [METHOD, await embeddedFilePdf(), 'pdf.embedded_file'],
      [MEETING, await truncatedPdf(), 'pdf.truncated'],
      [METHOD, await applicationBytes(), 'pdf.not_pdf'],
      [MEETING, Buffer.alloc(0), 'pdf.empty'],
      [METHOD, over, 'pdf.too_large'],
      ['會議紀錄.pdf', await validPdf(), 'pdf.name_unknown'],
      [`116_${UNION_X_UBN}_method.pdf`, await validPdf(), 'pdf.no_application'],
    ];
    const res = await upload(server.url, unionX, cases.map(([name, bytes]) => ({ name, bytes })));
    expect(res.status).toBe(207);
    const answers = res.body.results.map((r: any) => [r.httpStatus, r.findings?.[0]?.code, r.findings?.[0]?.params.reason]);
    expect(answers).toEqual(cases.map(([, , reason]) => [422, 'file.attachment_refused', reason]));
    for (const r of res.body.results) expect(r.findings[0].message).toMatch(/^附件「.+」不予接受：.*[\u4e00-\u9fff]/);
    expect((await call(`${server.url}/api/health`, null)).status).toBe(200);
    expect((await call(`${server.url}/api/filings/${applicationId}/attachments`, unionX)).body.missing).toEqual(['meeting', 'method']);
  });
});

describe('a valid pair', () => {
  let meeting: Buffer;
  let method: Buffer;

  it('is accepted with the application and completes it', async () => {
    meeting = await validPdf(2, 'meeting');
    method = await validPdf(1, 'method');
    const res = await upload(server.url, unionX, [
      { name: MEETING, bytes: meeting },
      { name: METHOD, bytes: method },
    ]);
    expect(res.body.results.map((r: { httpStatus: number }) => r.httpStatus)).toEqual([201, 201]);
    const filing = await call(`${server.url}/api/filings/${applicationId}`, localA);
    expect(missingOf(filing.body)).toEqual([]);
    expect(filing.body.attachments.map((a: any) => [a.kind, a.version, a.pages, a.fileName, a.filingVersion])).toEqual([
      ['meeting', 1, 2, MEETING, 1],
      ['method', 1, 1, METHOD, 1],
    ]);
    // the same bytes again: nothing new
    const again = await upload(server.url, localA, [{ name: MEETING, bytes: meeting }]);
    expect([again.status, again.body.id]).toEqual([200, applicationId]);
  });

  it('opens inline as application/pdf in a sandbox, and downloads with its name', async () => {
    const inline = await fetch(`${server.url}/api/filings/${applicationId}/attachments/meeting`, { headers: { authorization: `Bearer ${localA}` } });
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    expect(inline.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    expect(inline.headers.get('content-disposition')).toBe(`inline; filename="${MEETING}"; filename*=UTF-8''${MEETING}`);
    expect(Buffer.from(await inline.arrayBuffer()).equals(meeting)).toBe(true);
    const download = await fetch(`${server.url}/api/filings/${applicationId}/attachments/method?download=1`, { headers: { authorization: `Bearer ${unionX}` } });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="115_04595257_method.pdf"/);
    expect(Buffer.from(await download.arrayBuffer()).equals(method)).toBe(true);
    expect((await call(`${server.url}/api/filings/${applicationId}/attachments/other`, unionX)).status).toBe(400);
  });

  it('stays with a new application version, and a replaced PDF shows on the latest version only', async () => {
    const v2 = await upload(server.url, unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationVariantBytes('王小明') }]);
    expect([v2.status, v2.body.version, missingOf(v2.body)]).toEqual([201, 2, []]);
    const replaced = await postPdf(`/api/filings/${applicationId}/attachments/method`, localA, '運用補助辦法.pdf', await validPdf(3, 'method v2'));
    // given on the first version's page, it goes to the latest application version
    expect([replaced.status, replaced.body.id, replaced.body.version]).toEqual([201, v2.body.id, 2]);
    const latest = await call(`${server.url}/api/filings/${v2.body.id}/attachments`, unionX);
    expect(latest.body.attachments.map((a: any) => [a.kind, a.version, a.pages, a.filingVersion])).toEqual([
      ['meeting', 1, 2, 1],
      ['method', 2, 3, 2],
    ]);
    const first = await call(`${server.url}/api/filings/${applicationId}/attachments`, unionX);
    expect(first.body.attachments.map((a: any) => [a.kind, a.version])).toEqual([
      ['meeting', 1],
      ['method', 1],
    ]);
  });

  it('refuses a hostile PDF given on the filing page with its reason', async () => {
    const res = await postPdf(`/api/filings/${applicationId}/attachments/meeting`, unionX, 'minutes.pdf', await javascriptPdf());
    expect([res.status, res.body.findings[0].params.reason]).toEqual([422, 'pdf.javascript']);
    expect((await call(`${server.url}/api/health`, null)).status).toBe(200);
  });
});
