// 20 different workbooks for the same union and period uploaded at once get versions 1…20: no gap, no duplicate — for
// applications (one per year) and for cash books (one per year and quarter). Runs on PGlite and, with TEST_DATABASE_URL, on
// a real PostgreSQL, where the uploads really are concurrent transactions.
import { upload } from '../../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../testing/test-server';
import { applicationBytes, applicationName, applicationVariantBytes, cashbookName, cashbookVariantBytes } from '../../testing/workbooks';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('gives concurrent uploads for one union and year distinct consecutive versions', async () => {
  const token = await server.login('union-x');
  const contacts = Array.from({ length: 20 }, (_, i) => `聯絡人${i + 1}`);
  const files = await Promise.all(contacts.map((c) => applicationVariantBytes(c)));
  const replies = await Promise.all(files.map((bytes) => upload(server.url, token, [{ name: applicationName(115, UNION_X_UBN), bytes }])));
  expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
  const versions = replies.map((r) => r.body.version as number).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const rows = await server.db('filings').where({ ubn: UNION_X_UBN, kind: 'application', year: 115 }).select('version', 'sha256');
  expect(new Set(rows.map((r: { sha256: string }) => r.sha256)).size).toBe(20);
});

it('gives 20 concurrent cash books of one union, year and quarter the versions 1…20, one row each', async () => {
  const token = await server.login('union-x');
  const files = await Promise.all(Array.from({ length: 20 }, (_, i) => cashbookVariantBytes(2, `C-${i + 1}`)));
  expect(new Set(files.map((b) => b.toString('base64'))).size).toBe(20);
  const replies = await Promise.all(files.map((bytes) => upload(server.url, token, [{ name: cashbookName(115, 2, UNION_X_UBN), bytes }])));
  expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
  expect(replies.map((r) => r.body.version as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const rows = await server.db('filings').where({ ubn: UNION_X_UBN, kind: 'cashbook', year: 115, quarter: 2 }).orderBy('version').select('id', 'version', 'sha256');
  expect(rows.map((r: { version: number }) => r.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(new Set(rows.map((r: { sha256: string }) => r.sha256)).size).toBe(20);
  expect(new Set(rows.map((r: { id: number }) => r.id))).toEqual(new Set(replies.map((r) => r.body.id)));
  // 20 full checks with reconciliation: more than jest's default minute on a small, loaded machine
}, 300_000);

it('files the same bytes uploaded at the same moment once', async () => {
  const token = await server.login('union-x');
  const bytes = await applicationBytes({ app_contact: '同一份' });
  const replies = await Promise.all([0, 1, 2, 3].map(() => upload(server.url, token, [{ name: applicationName(115, UNION_X_UBN), bytes }])));
  expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
  expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
});
