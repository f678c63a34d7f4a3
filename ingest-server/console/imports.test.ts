// The 名冊匯入 page of the BUILT console in headless Debian Chromium with registry imports as jobs (issue 19): an upload is
// answered at once as 排隊中 and the page follows the run by polling; the test server queues jobs without running them,
// so the waiting state is certain, until the test starts a worker (as another instance would) and the page shows the
// result. Screenshots at desktop width and 390 px.
import { type Browser } from 'playwright-core';
import { launchChromium } from '../src/testing/chromium';
import { consoleScreenshots, signInToConsole } from '../src/testing/console-page';
import { startTestServer, type TestServer } from '../src/testing/test-server';
import { jobHandlers } from '../src/jobs/handlers';
import { type JobRunner, startJobRunner } from '../src/jobs/runner';
import { utf8Csv } from '../src/tables/testing/files';
import { unitsTable } from '@portfund/shared-rules/src/registry/testing/volunteer-fixture';

let browser: Browser;
let server: TestServer;
let worker: JobRunner | undefined;

beforeAll(async () => {
  server = await startTestServer({ jobWorkers: false });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await browser?.close();
  await server?.close();
});


it('shows a queued import as waiting, then its result once a worker has run it', async () => {
  const page = await signInToConsole(browser, `${server.url}/`, 'taichung');
  await page.getByRole('tab', { name: '名冊匯入' }).click();
  await page.getByRole('heading', { name: '名冊匯入' }).waitFor();
  await page.getByLabel('匯入類別').selectOption('units');
  await page.locator('input[type="file"]').setInputFiles({ name: '單位.csv', mimeType: 'text/csv', buffer: utf8Csv(unitsTable()) });
  await page.getByRole('button', { name: '上傳', exact: true }).click();

  const status = page.getByRole('status');
  await status.getByText('單位.csv：排隊中').waitFor();
  await status.getByRole('progressbar').waitFor();
  await page.getByRole('cell', { name: '排隊中' }).waitFor();
  await consoleScreenshots(page, 'console-import-queued');

  // another instance's worker takes the job up: the page, still polling, shows the result
  worker = await startJobRunner(server.db, jobHandlers(server.db), { schema: server.jobSchema, pollingSeconds: 0.5, log: () => undefined });
  await status.getByText('單位.csv：試算完成').waitFor({ timeout: 30_000 });
  await expectNoProgress();
  await page.getByRole('link', { name: '下載檢查報告（XLSX）' }).waitFor();
  // the list of runs was reloaded with the result
  await page.getByRole('cell', { name: '試算完成' }).waitFor();
  await consoleScreenshots(page, 'console-import-done');

  async function expectNoProgress(): Promise<void> {
    expect(await status.getByRole('progressbar').count()).toBe(0);
  }
}, 120_000);
