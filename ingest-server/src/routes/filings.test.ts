// Uploads over real HTTP with real generated workbooks: findings, idempotency, versions, hostile files, downloads.
import { legacyXls, textFileNamedXlsx, zipBomb } from '../workbook/testing/hostile-files';
import { call, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN, UNION_Y_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, cashbookBytes, cashbookName } from '../testing/workbooks';

let server: TestServer;
let unionX: string;
let localA: string;
let localB: string;
let ministry: string;

beforeAll(async () => {
  server = await startTestServer();
  unionX = await server.login('union-x');
  localA = await server.login('taichung');
  localB = await server.login('kaohsiung');
  ministry = await server.login('reviewer');
});
afterAll(() => server.close());

describe('POST /api/filings', () => {
  it('files a clean December cash book as version 1 with no findings, and the same bytes again answer 200 with the same filing', async () => {
    const bytes = await cashbookBytes(4);
    const first = await upload(server.url, unionX, [{ name: cashbookName(115, 4, UNION_X_UBN), bytes }]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'cashbook', ubn: UNION_X_UBN, year: 115, quarter: 4, version: 1, status: 'submitted', summary: { errors: 0, warnings: 0 } });
    const again = await upload(server.url, localA, [{ name: 'renamed.xlsx', bytes }]);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('files a changed workbook for the same period as the next version, keeping the first', async () => {
    const v1 = await upload(server.url, unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes() }]);
    const v2 = await upload(server.url, unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes({ app_contact: '王小明' }) }]);
    expect([v1.status, v2.status]).toEqual([201, 201]);
    expect(v2.body.version).toBe(v1.body.version + 1);
    const list = await call(`${server.url}/api/filings?kind=application&year=115`, unionX);
    expect(list.body.filings.map((f: { version: number }) => f.version).sort()).toEqual([1, 2]);
  });

  it('answers a workbook with mistakes with its findings at the right cells', async () => {
    const bytes = await cashbookBytes(1, { cb_open_petty: '５７９０４' });
    const res = await upload(server.url, unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes }]);
    expect(res.status).toBe(201);
    expect(res.body.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'cell.fullwidth', sheet: '現金收支登記簿', cell: 'C11', source: 'check' })]),
    );
    expect(res.body.summary.errors).toBeGreaterThan(0);
    const stored = await call(`${server.url}/api/filings/${res.body.id}`, unionX);
    expect(stored.body.findings).toEqual(res.body.findings);
  });

  it('refuses a hostile file with 422 and its finding, and stays healthy', async () => {
    for (const [name, bytes] of [
      ['bomb.xlsx', zipBomb()],
      ['old.xlsx', legacyXls()],
      ['notes.xlsx', textFileNamedXlsx()],
    ] as const) {
      const res = await upload(server.url, unionX, [{ name, bytes }]);
      expect(res.status).toBe(422);
      expect(res.body.findings[0]).toMatchObject({ code: 'file.unreadable', severity: 'error' });
    }
    expect((await call(`${server.url}/api/health`, null)).status).toBe(200);
  });

  it('refuses a workbook of a union outside the uploader\'s jurisdiction', async () => {
    const bytes = await cashbookBytes(1, { cb_ubn: UNION_Y_UBN });
    const res = await upload(server.url, localA, [{ name: cashbookName(115, 1, UNION_Y_UBN), bytes }]);
    expect(res.status).toBe(422);
    expect(res.body.findings[0]).toMatchObject({ code: 'recon.union_unknown' });
    const byKaohsiung = await upload(server.url, localB, [{ name: cashbookName(115, 1, UNION_Y_UBN), bytes }]);
    expect(byKaohsiung.status).toBe(201);
  });

  it('answers several files in one request one by one', async () => {
    const res = await upload(server.url, localA, [
      { name: cashbookName(115, 2, UNION_X_UBN), bytes: await cashbookBytes(2) },
      { name: 'x.xlsx', bytes: legacyXls() },
    ]);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: { httpStatus: number }) => r.httpStatus)).toEqual([201, 422]);
  });

  it('lets those in scope download the raw file, and no one else', async () => {
    const bytes = await cashbookBytes(3);
    const res = await upload(server.url, unionX, [{ name: cashbookName(115, 3, UNION_X_UBN), bytes }]);
    const file = await fetch(`${server.url}/api/filings/${res.body.id}/file`, { headers: { authorization: `Bearer ${ministry}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(file.headers.get('content-disposition')).toContain('accounting.xlsx');
    const other = await call(`${server.url}/api/filings/${res.body.id}/file`, localB);
    expect(other.status).toBe(404);
  });

  it('requires a signed-in union or local government', async () => {
    const bytes = await cashbookBytes(1);
    expect((await upload(server.url, null, [{ name: 'a.xlsx', bytes }])).status).toBe(401);
    expect((await upload(server.url, ministry, [{ name: 'a.xlsx', bytes }])).status).toBe(403);
  });
});
