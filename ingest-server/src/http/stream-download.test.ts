// Downloads stream and stop when the client goes (issue 14): an import report of 60,000 findings (a run recorded
// before findings were capped) abandoned after its first bytes stops being produced, and the server keeps answering.
import { request } from 'node:http';
import { call } from '../testing/http';
import { startTestServer, type TestServer } from '../testing/test-server';
import { utf8Csv } from '../tables/testing/files';
import { IMPORT_COLUMNS } from '@portfund/shared-rules/src/registry';
import { importReportStats } from '../services/registry/report-xlsx';
import { runImport } from '../services/registry/run-import';
import { downloadStats } from './stream-download';

const FINDINGS = 60_000;
const PAGE = 2000;

let server: TestServer;
let token: string;
let runId: number;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('taichung');
  const header = IMPORT_COLUMNS.service_hours.map((c) => c.header);
  const outcome = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'dry_run', fileName: 'old.csv', bytes: utf8Csv([header]) });
  runId = outcome.run.id;
  // as a run of a million broken rows stored them before the cap
  await server.db.raw(
    `INSERT INTO import_findings (run_id, seq, code, severity, row_no, field, params)
     SELECT ?, 1000 + g, 'import.duplicate', 'error', g, '身分證字號', '{"actual":"A123456789","otherRow":1}'::jsonb FROM generate_series(1, ?) g`,
    [runId, FINDINGS],
  );
});
afterAll(() => server.close());

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

it('stops writing an import report when the client goes after the first bytes, and keeps answering', async () => {
  const abandonedBefore = downloadStats.abandoned;
  const pagesBefore = importReportStats.pages;
  const url = new URL(`${server.url}/api/registry/imports/${runId}/report.xlsx`);
  const firstBytes = await new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.once('data', (chunk: Buffer) => {
        // the client walks away: its socket is destroyed
        req.destroy();
        resolve(chunk.length);
      });
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });
  expect(firstBytes).toBeGreaterThan(0);
  await until(() => downloadStats.abandoned > abandonedBefore);
  const pagesAtClose = importReportStats.pages;
  // the server is free: health answers, and another request reaches the database
  expect((await call(`${server.url}/api/health`, null)).status).toBe(200);
  expect((await call(`${server.url}/api/registry/imports/${runId}`, token)).status).toBe(200);
  // at most the page in hand is finished: the report never goes on to the remaining pages
  expect(importReportStats.pages - pagesAtClose).toBeLessThanOrEqual(1);
  expect(importReportStats.pages - pagesBefore).toBeLessThan(FINDINGS / PAGE);
});

it('writes the whole report for a client that reads it to the end', async () => {
  const res = await fetch(`${server.url}/api/registry/imports/${runId}/report.xlsx`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  // a complete zip: its end-of-central-directory record is there
  expect(bytes.subarray(-22).readUInt32LE(0)).toBe(0x06054b50);
});
