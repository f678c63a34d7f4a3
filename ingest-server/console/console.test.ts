// The BUILT web console in headless Debian Chromium against a real server (real HTTP, PGlite or TEST_DATABASE_URL):
// a union uploads a real generated cash book with a mistake and sees the findings by cell; the local government
// accepts, then returns it with an opinion; the union reads the decision in 審核歷程 and in its notifications.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { type Browser, type Page } from 'playwright-core';
import { CASHBOOK_ENTRIES, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { startTestServer, type TestServer, UNION_X_UBN } from '../src/testing/test-server';
import { applicationBytes, applicationName, cashbookBytes, cashbookName } from '../src/testing/workbooks';
import { validPdf } from '../src/attachments/testing/pdfs';
import { launchChromium } from '../src/testing/chromium';
import { CONSOLE_SHOTS, consoleScreenshots, signInToConsole, PHONE } from '../src/testing/console-page';


let browser: Browser;
let server: TestServer;
let workbook: string;

/** The Q1 book with petty cash overdrawn by a large payment on 3/30. */
const overdrawn = (): EntryRow[] => [
  ...CASHBOOK_ENTRIES.filter((e) => e[0] <= 3).map((e) => [...e] as EntryRow),
  [3, 30, '支', '99', '6、行政事務費', '6-1', undefined, '辦公文具', 9_000_000, '分配款', '零用金'],
];

beforeAll(async () => {
  // the console was built from the current sources by the test run's global setup (test/support/global-setup.ts)
  server = await startTestServer();
  const dir = join(tmpdir(), `portfund-console-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  workbook = join(dir, cashbookName(115, 1, UNION_X_UBN));
  writeFileSync(workbook, await cashbookBytes(1, {}, overdrawn()));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (username: string): Promise<Page> => signInToConsole(browser, `${server.url}/`, username);


const screenshots = (page: Page, name: string): Promise<void> => consoleScreenshots(page, name);

describe('web console', () => {
  let filingId: number;

  it('refuses a wrong password with a zh-TW message and no session', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('帳號').fill('union-x');
    await page.getByLabel('密碼').fill('wrong-password-1');
    await page.getByRole('button', { name: '登入' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('帳號或密碼錯誤');
    await screenshots(page, 'console-login');
    await page.close();
  });

  it('lets a union upload a workbook and read every finding at its cell', async () => {
    const page = await signIn('union-x');
    await page.getByLabel('選擇檔案').setInputFiles(workbook);
    await page.getByRole('button', { name: '上傳並檢查' }).click();
    const answer = page.getByRole('status').filter({ hasText: '已建立第 1 版' });
    await answer.waitFor();
    await screenshots(page, 'console-upload');
    await answer.getByRole('link', { name: '檢視檢查結果' }).click();
    await page.getByRole('heading', { name: '檢查與勾稽結果' }).waitFor();
    filingId = Number(/#\/filings\/(\d+)/.exec(page.url())?.[1]);
    // the server's findings for this filing, shown one by one with the cell they point at
    const api = (await (await page.request.get(`${server.url}/api/filings/${filingId}`)).json()) as { findings: { code: string; cell?: string }[] };
    const negative = api.findings.find((f) => f.code === 'ledger.negative_balance');
    expect(negative?.cell).toBeDefined();
    const item = page.locator('li.finding[data-code="ledger.negative_balance"]').first();
    await expect(item.textContent()).resolves.toContain(negative?.cell ?? '?');
    await expect(page.locator('li.finding').count()).resolves.toBe(api.findings.length);
    await expect(page.getByTestId('status').textContent()).resolves.toBe('已提交');
    // a union reviews nothing
    await expect(page.getByRole('heading', { name: '審核', exact: true }).count()).resolves.toBe(0);
    await screenshots(page, 'console-filing');
    await page.context().close();
  });

  it('lets the local government accept and return it with an opinion, recorded in 審核歷程', async () => {
    const page = await signIn('taichung');
    await page.getByRole('table', { name: '申報案件清單' }).waitFor();
    await screenshots(page, 'console-filings');
    // on a phone the list scrolls sideways inside its own box, by keyboard too, with a visible focus ring
    await page.setViewportSize(PHONE);
    const list = page.getByRole('region', { name: '申報案件清單' });
    await list.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((box) => box !== null && box.scrollLeft > 0, await list.elementHandle());
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'console-filings-scrolled-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: '臺中市港區裝卸職業工會' }).first().click();
    await page.getByRole('button', { name: /^受理/ }).click();
    await expect(page.getByTestId('status').filter({ hasText: '地方審核中' }).waitFor()).resolves.toBeUndefined();
    // returning is confirmed in a dialog; without an opinion it is refused there, before any request
    await page.getByRole('button', { name: /^退回/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: '確定退回' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('須填寫審核意見');
    await screenshots(page, 'console-decision');
    await dialog.getByLabel('審核意見（退回、否決必填）').fill('零用金 3/30 透支，請更正後重新上傳');
    await dialog.getByRole('button', { name: '確定退回' }).click();
    await page.getByTestId('status').filter({ hasText: '退回申請人' }).waitFor();
    await expect(page.getByRole('list', { name: '審核歷程' }).textContent()).resolves.toContain('零用金 3/30 透支');
    await screenshots(page, 'console-review');
    await page.context().close();
  });

  it('shows the union the decision among its notifications', async () => {
    const page = await signIn('union-x');
    await page.getByRole('tab', { name: '通知訊息' }).click();
    await page.getByRole('heading', { name: /通知訊息/ }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('退回');
    await screenshots(page, 'console-notifications');
    await page.getByRole('link', { name: '檢視申報案件' }).first().click();
    await page.getByRole('heading', { name: '審核歷程' }).waitFor();
    expect(page.url()).toMatch(/#\/filings\/\d+$/);
    await page.context().close();
  });

  it('gives the ministry the union report of a quarter, with the XLSX download', async () => {
    const page = await signIn('reviewer');
    await page.getByRole('tab', { name: '報表' }).click();
    await page.getByLabel('年度').fill('11');
    await page.getByRole('button', { name: '查詢' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('3 位數民國年');
    await page.getByLabel('年度').fill('115');
    await page.getByLabel('季別').selectOption('1');
    await page.getByRole('button', { name: '查詢' }).click();
    const table = page.getByRole('table', { name: '工會報表' });
    await page.getByRole('heading', { name: /115 年第 1 季/ }).waitFor();
    await expect(table.textContent()).resolves.toContain('臺中市港區裝卸職業工會');
    // the returned Q1 book is reported as 退回 in its quarter, and none of its figures count (its 467,000 of 分配款)
    const returned = await table.getByRole('row').filter({ hasText: '臺中市港區裝卸職業工會' }).textContent();
    expect(returned).toContain('退回');
    expect(returned).not.toContain('467,000');
    const href = await page.getByRole('link', { name: '下載 XLSX' }).first().getAttribute('href');
    expect(href).toBe('/api/reports/unions?year=115&quarter=1&format=xlsx');
    const download = await page.request.get(`${server.url}${href ?? ''}`);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    await screenshots(page, 'console-reports');
    await page.context().close();
  });

  it('lets a union give an application its two PDFs, and a reviewer open them', async () => {
    const dir = join(tmpdir(), `portfund-console-${process.pid}`);
    const application = join(dir, applicationName(115, UNION_X_UBN));
    const meeting = join(dir, `115_${UNION_X_UBN}_metting.pdf`);
    const method = join(dir, '福利專款運用補助辦法.pdf');
    writeFileSync(application, await applicationBytes());
    writeFileSync(meeting, await validPdf(2, 'meeting'));
    writeFileSync(method, await validPdf(1, 'method'));
    const page = await signIn('union-x');
    // the workbook and the minutes in one upload; the subsidy rules later, on the application's page
    await page.getByLabel('選擇檔案').setInputFiles([application, meeting]);
    await page.getByRole('button', { name: '上傳並檢查' }).click();
    await page.getByRole('status').filter({ hasText: '已附加至申請書第 1 版' }).waitFor();
    await page.getByRole('link', { name: '檢視檢查結果' }).first().click();
    const panel = page.getByRole('region', { name: '申請書附件（PDF）' });
    await panel.waitFor();
    await expect(page.getByTestId('attachment-method').textContent()).resolves.toContain('尚未上傳');
    await expect(page.locator('li.finding[data-code="file.attachment_missing"]').count()).resolves.toBe(1);
    await screenshots(page, 'console-attachments-missing');
    await page.getByLabel('選擇福利專款運用補助辦法').setInputFiles(method);
    await page.getByRole('button', { name: '上傳福利專款運用補助辦法' }).click();
    await panel.getByText('兩份附件皆已上傳').waitFor();
    // the findings are read again after the upload: wait until the finding has left the page
    await page.locator('li.finding[data-code="file.attachment_missing"]').waitFor({ state: 'detached' });
    await expect(page.locator('li.finding[data-code="file.attachment_missing"]').count()).resolves.toBe(0);
    await screenshots(page, 'console-attachments');
    const filingId = Number(/#\/filings\/(\d+)/.exec(page.url())?.[1]);
    await page.context().close();

    // the local government opens the minutes in a new tab: the server's PDF, in the browser's own viewer
    const reviewer = await signIn('taichung');
    await reviewer.goto(`${server.url}/#/filings/${filingId}`);
    const open = reviewer.getByRole('link', { name: '開啟會員大會或理監事會議紀錄（新分頁）' });
    await open.waitFor();
    const href = (await open.getAttribute('href')) ?? '';
    const [tab] = await Promise.all([reviewer.context().waitForEvent('page'), open.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${server.url}${href}`);
    await tab.screenshot({ path: join(CONSOLE_SHOTS, 'console-attachment-open.png') });
    const served = await reviewer.request.get(`${server.url}${href}`);
    expect([served.status(), served.headers()['content-type'], served.headers()['content-security-policy']?.startsWith('sandbox')]).toEqual([200, 'application/pdf', true]);
    await reviewer.context().close();
  });

  it('keeps another jurisdiction out: the filing is not found for Kaohsiung', async () => {
    const page = await signIn('kaohsiung');
    await page.goto(`${server.url}/#/filings/${filingId}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('找不到此申報案件');
    // the registry imports of a local government: the upload form and the runs so far
    await page.getByRole('tab', { name: '名冊匯入' }).click();
    await page.getByRole('heading', { name: '匯入紀錄' }).waitFor();
    await screenshots(page, 'console-imports');
    await page.context().close();
  });
});
