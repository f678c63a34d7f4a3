// The review safeguards in the BUILT console, headless Debian Chromium against a real server: a union withdraws a
// version nobody took up; the local government is told of a submission (the unread count on 通知訊息); approving a
// filing with open errors needs the ticked acknowledgement in a dialog; a newer version takes the older one out of the
// 待辦 worklist and its page says 已被取代 with a link to the newest.
import { type Browser, type Page } from 'playwright-core';
import { CASHBOOK_ENTRIES, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { call, upload } from '../src/testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../src/testing/test-server';
import { cashbookBytes, cashbookName, cashbookVariantBytes } from '../src/testing/workbooks';
import { launchChromium } from '../src/testing/chromium';
import { consoleScreenshots, signInToConsole } from '../src/testing/console-page';

let browser: Browser;
let server: TestServer;
let unionToken: string;
const books: Record<'withErrors' | 'newer' | 'toWithdraw', Buffer> = { withErrors: Buffer.alloc(0), newer: Buffer.alloc(0), toWithdraw: Buffer.alloc(0) };

/** The Q1 book with petty cash overdrawn by a large payment on 3/30: it has errors. */
const overdrawn = (): EntryRow[] => [
  ...CASHBOOK_ENTRIES.filter((e) => e[0] <= 3).map((e) => [...e] as EntryRow),
  [3, 30, '支', '99', '6、行政事務費', '6-1', undefined, '辦公文具', 9_000_000, '分配款', '零用金'],
];

beforeAll(async () => {
  // the console was built from the current sources by the test run's global setup (test/support/global-setup.ts)
  server = await startTestServer();
  unionToken = await server.login('union-x');
  books.withErrors = await cashbookBytes(1, {}, overdrawn());
  books.newer = await cashbookVariantBytes(1, 'V2-FIXED');
  books.toWithdraw = await cashbookBytes(2);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (username: string): Promise<Page> => signInToConsole(browser, `${server.url}/`, username);

const screenshots = (page: Page, name: string): Promise<void> => consoleScreenshots(page, name);

const uploadBook = async (quarter: number, bytes: Buffer): Promise<{ id: number; version: number }> => {
  const r = await upload(server.url, unionToken, [{ name: cashbookName(115, quarter, UNION_X_UBN), bytes }]);
  expect(r.status).toBe(201);
  return { id: r.body.id as number, version: r.body.version as number };
};

describe('review safeguards in the console', () => {
  let first: { id: number; version: number };

  it('lets a union withdraw a version no reviewer has taken up', async () => {
    const filed = await uploadBook(2, books.toWithdraw);
    const page = await signIn('union-x');
    await page.goto(`${server.url}/#/filings/${filed.id}`);
    await page.getByRole('button', { name: '撤回此版本' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toContain(`撤回第 ${filed.version} 版`);
    await screenshots(page, 'review-withdraw-dialog');
    await dialog.getByRole('button', { name: '確定撤回' }).click();
    await page.getByTestId('status').filter({ hasText: '已撤回' }).waitFor();
    await expect(page.getByRole('list', { name: '審核歷程' }).textContent()).resolves.toContain('撤回');
    await expect(page.getByRole('button', { name: '撤回此版本' }).count()).resolves.toBe(0);
    await screenshots(page, 'review-withdrawn');
    await page.context().close();
  });

  it('tells the local government of a submission, with the unread count on 通知訊息', async () => {
    first = await uploadBook(1, books.withErrors);
    const page = await signIn('taichung');
    // the Q2 book filed and withdrawn, the new Q1 book: three notices, all unread, the count read out with the tab's name
    await page.getByRole('tab', { name: '通知訊息 （3 則未讀）', exact: true }).click();
    // newest first: the Q1 book's notice
    const card = page.getByRole('group', { name: '臺中市港區裝卸職業工會提交申報' }).first();
    await expect(card.textContent()).resolves.toContain(`115 年第 1 季現金收支登記簿（第 ${first.version} 版）`);
    await screenshots(page, 'review-notifications');
    await page.getByRole('button', { name: '全部標為已讀' }).click();
    await page.getByRole('heading', { name: '通知訊息（未讀 0／共 3）' }).waitFor();
    // the count goes at once, not at the next refresh
    await page.getByRole('tab', { name: '通知訊息', exact: true }).waitFor();
    await page.context().close();
  });

  it('makes the local government acknowledge the open errors before approving', async () => {
    const page = await signIn('taichung');
    await page.getByRole('tab', { name: /待辦/ }).click();
    const worklist = page.getByRole('table', { name: '待辦清單' });
    await worklist.waitFor();
    await screenshots(page, 'review-worklist');
    await worklist.getByRole('link', { name: '臺中市港區裝卸職業工會' }).click();
    await page.getByRole('button', { name: /^受理/ }).click();
    await page.getByTestId('status').filter({ hasText: '地方審核中' }).waitFor();
    const errors = (await call(`${server.url}/api/filings/${first.id}/review`, unionToken)).body.errors as number;
    expect(errors).toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: '審核', exact: true }).textContent()).resolves.toContain(`此版本仍有 ${errors} 項錯誤`);
    await screenshots(page, 'review-panel-errors');
    await page.getByRole('button', { name: /^核准/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: '確定核准' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain(`此申報仍有 ${errors} 項錯誤`);
    await screenshots(page, 'review-approve-with-errors');
    await dialog.getByRole('checkbox', { name: `我已閱讀 ${errors} 項錯誤並仍要核准` }).check();
    await dialog.getByRole('button', { name: '確定核准' }).click();
    await page.getByTestId('status').filter({ hasText: '部審核中' }).waitFor();
    await expect(page.getByRole('list', { name: '審核歷程' }).textContent()).resolves.toContain(`審核者已確認仍有 ${errors} 項錯誤並核准`);
    await page.context().close();
  });

  it('takes a superseded version out of the worklist and links it to the newest', async () => {
    const page = await signIn('reviewer');
    await page.getByRole('tab', { name: /待辦/ }).click();
    // (the table is drawn while the list loads: wait for its row, then count)
    const worklist = page.getByRole('table', { name: '待辦清單' });
    await worklist.getByRole('link', { name: '臺中市港區裝卸職業工會' }).first().waitFor();
    await expect(worklist.getByRole('link', { name: '臺中市港區裝卸職業工會' }).count()).resolves.toBe(1);

    const newer = await uploadBook(1, books.newer);
    await page.getByRole('button', { name: '重新整理' }).click();
    await page.getByText('目前沒有等待您審核的申報。').waitFor();
    await page.goto(`${server.url}/#/filings/${first.id}`);
    await page.getByTestId('status').filter({ hasText: '已被取代' }).waitFor();
    await expect(page.getByRole('list', { name: '審核歷程' }).textContent()).resolves.toContain(`由第 ${newer.version} 版取代`);
    await screenshots(page, 'review-superseded');
    await page.getByRole('link', { name: `前往最新版本（第 ${newer.version} 版）` }).click();
    await page.waitForURL(new RegExp(`#/filings/${newer.id}$`));
    await page.getByTestId('status').filter({ hasText: '已提交' }).waitFor();
    await page.context().close();

    // the local government's worklist: the newest version, not the superseded one
    const local = await signIn('taichung');
    await local.getByRole('tab', { name: /待辦/ }).click();
    const rows = local.getByRole('table', { name: '待辦清單' }).getByRole('link');
    await rows.first().waitFor();
    await expect(rows.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual([`#/filings/${newer.id}`]);
    await local.getByRole('tab', { name: /申報案件/ }).click();
    await local.getByRole('table', { name: '申報案件清單' }).waitFor();
    await expect(local.locator(`a[href="#/filings/${first.id}"]`).count()).resolves.toBe(0);
    await local.getByRole('checkbox', { name: '顯示已被取代的版本' }).check();
    await local.getByRole('button', { name: '查詢' }).click();
    await local.locator(`a[href="#/filings/${first.id}"]`).waitFor();
    await screenshots(local, 'review-filings-superseded');
    await local.context().close();
  });
});
