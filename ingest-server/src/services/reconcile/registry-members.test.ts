// recon.registry_members: the application's 會員人數 against the union registry's 會員合計 — on upload, and again when the
// registry is re-imported after the application came in.
import { postImport } from '../../tables/testing/http';
import { call, upload } from '../../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../testing/test-server';
import { applicationBytes, applicationName } from '../../testing/workbooks';

let server: TestServer;
let localA: string;

beforeAll(async () => {
  server = await startTestServer();
  localA = await server.login('taichung');
});
afterAll(() => server.close());

/** The import's status once its job has finished (the request answers 202; postImport waits for the run's result). */
const importUnions = async (membersTotal: number): Promise<string> => {
  const csv = `工會名稱,統一編號,工會類型,會員男,會員女,會員合計\n臺中市港區裝卸職業工會,${UNION_X_UBN},職業工會,${membersTotal - 30},30,${membersTotal}\n`;
  const res = await postImport<{ status: string }>(server.url, localA, 'unions', { name: 'unions.csv', bytes: Buffer.from(csv) }, { mode: 'all_or_nothing' });
  expect(res.status).toBe(202);
  return res.body.status;
};

const membersFindings = async (filingId: number) =>
  ((await call(`${server.url}/api/filings/${filingId}`, localA)).body.findings as { code: string; cell?: string; severity: string; message: string }[]).filter(
    (f) => f.code === 'recon.registry_members',
  );

it('warns when 會員人數 differs from the registry and stops once the registry agrees', async () => {
  expect(await importUnions(400)).toBe('applied');
  const filed = await upload(server.url, localA, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes() }]);
  expect(filed.status).toBe(201);
  const [warning] = await membersFindings(filed.body.id);
  expect(warning).toMatchObject({ code: 'recon.registry_members', severity: 'warning', cell: 'B16' });
  expect(warning?.message).toContain('385');
  expect(warning?.message).toContain('400');

  // the registry is corrected to the application's 385 members: the filing is re-reconciled in the import job's transaction
  expect(await importUnions(385)).toBe('applied');
  expect(await membersFindings(filed.body.id)).toEqual([]);
});
