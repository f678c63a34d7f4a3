// The BUILT console in headless Debian Chromium against one real server: a cash book with 2,000 findings read by sheet
// and rule, paged, filtered and searched, each ledger finding with its entry; 「下載檢查結果」 opened with exceljs; the
// print stylesheet; upload progress, the per-file list and the identical-bytes answer; an expired session; plain HTTP
// from a LAN name (no upgrade-insecure-requests, a visible notice).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { CASHBOOK_ENTRIES, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { PASSWORD, startTestServer, type TestServer, UNION_X_UBN } from '../src/testing/test-server';
import { cashbookBytes, cashbookName } from '../src/testing/workbooks';
import { launchChromium } from '../src/testing/chromium';
import { CONSOLE_SHOTS, consoleScreenshots, DESKTOP, PHONE, signInToConsole } from '../src/testing/console-page';
import { proseProblems } from '../../test/support/prose';

const LAN_HOST = 'portfund.lan';

/** The Q1 book plus 2,000 interest receipts all under 傳票序號 7: every one after the first is a duplicate voucher. */
const DUPLICATES = 2000;
const manyDuplicates = (): EntryRow[] => {
  const extra: EntryRow[] = Array.from({ length: DUPLICATES }, (_, i) => {
    const month = 1 + Math.floor((i * 3) / DUPLICATES);
    return [month, 1 + (i % 28), '收', '7', '年度收入', '3', undefined, `利息 ${i + 1}`, 1, '利息收入', '專戶存款1'];
  });
  return [...CASHBOOK_ENTRIES.filter((e) => e[0] <= 3), ...extra].sort((a, b) => a[0] - b[0] || a[1] - b[1]) as EntryRow[];
};

let browser: Browser;
let server: TestServer;
let bigBook: string;
let smallBook: string;
let filingId: number;

beforeAll(async () => {
  server = await startTestServer();
  const dir = join(tmpdir(), `portfund-findings-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const bytes = await cashbookBytes(1, {}, manyDuplicates());
  bigBook = join(dir, cashbookName(115, 1, UNION_X_UBN));
  writeFileSync(bigBook, bytes);
  smallBook = join(dir, cashbookName(115, 2, UNION_X_UBN));
  writeFileSync(smallBook, await cashbookBytes(2));
  // filed once through the API; the browser then reads it (and uploads the same bytes again to see the duplicate answer)
  const token = await server.login('union-x');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), cashbookName(115, 1, UNION_X_UBN));
  const res = await fetch(`${server.url}/api/filings`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status).toBe(201);
  filingId = ((await res.json()) as { id: number }).id;
  browser = await launchChromium([`--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// acceptDownloads: the findings export is saved; not local-only: one test reaches the server by a LAN name
const signIn = (username: string, origin = server.url): Promise<Page> =>
  signInToConsole(browser, `${origin}/`, username, { localOnly: false, acceptDownloads: true });

const screenshots = (page: Page, name: string): Promise<void> => consoleScreenshots(page, name);

describe('findings at scale', () => {
  let page: Page;
  let findings: { code: string; severity: 'error' | 'warning'; message: string; cell?: string; entry?: { voucher: string | null; summary: string | null } }[];

  beforeAll(async () => {
    page = await signIn('union-x');
    const api = (await (await page.request.get(`${server.url}/api/filings/${filingId}`)).json()) as { findings: typeof findings };
    findings = api.findings;
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('answers every duplicate voucher with its entry (月/日, 傳票序號, 摘要, 金額)', () => {
    const duplicates = findings.filter((f) => f.code === 'ledger.voucher_duplicate');
    expect(duplicates.length).toBeGreaterThanOrEqual(DUPLICATES - 1);
    expect(duplicates.every((f) => f.entry?.voucher === '7')).toBe(true);
    expect(duplicates[0]?.entry).toMatchObject({ zi: '收', amount: '1', month: expect.any(Number), day: expect.any(Number) });
    expect(duplicates[0]?.entry?.summary).toMatch(/年度收入／利息 \d+/);
    expect(findings.flatMap((f) => proseProblems(f.message))).toEqual([]);
  });

  it('shows 2,000 findings grouped by sheet and rule, paged, with counts', async () => {
    const started = Date.now();
    await page.goto(`${server.url}/#/filings/${filingId}`);
    await page.locator('.findings-sheet').first().waitFor();
    // measured, not asserted: the time from navigation to the first group on screen
    console.log(`findings view: ${findings.length} findings, first render after ${Date.now() - started} ms`);
    await expect(page.getByRole('status').filter({ hasText: `共 ${findings.length} 項` }).count()).resolves.toBe(1);
    // above 200 findings the rules start closed: headers with counts, no cards yet
    await expect(page.locator('li.finding').count()).resolves.toBe(0);
    const rule = page.getByRole('button', { name: /傳票序號重複.*（\d+ 項）/ });
    await rule.click();
    await expect(page.locator('li.finding').count()).resolves.toBe(100);
    await expect(page.locator('li.finding').first().textContent()).resolves.toMatch(/傳票 收7.*利息 \d+.*金額 1/);
    // the first screenful at both widths (the full page is 100 cards long)
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'findings-2000-top.png'), animations: 'disabled' });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'findings-2000-top-390.png'), animations: 'disabled' });
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: '下一頁' }).first().click();
    await page.getByText(/第 101–200 項，共 \d+ 項/).waitFor();
    // the next page starts at its first finding
    await expect(page.locator('li.finding').first().evaluate((li) => li.getBoundingClientRect().top < window.innerHeight)).resolves.toBe(true);
    await screenshots(page, 'findings-2000');
  });

  it('filters by severity and finds a finding by its cell', async () => {
    const cell = findings.find((f) => f.code === 'ledger.voucher_duplicate')?.cell ?? '?';
    await page.getByRole('searchbox').fill(cell);
    await page.getByRole('status').filter({ hasText: /符合條件 \d+ 項/ }).waitFor();
    // a narrow result opens its groups
    await expect(page.locator('li.finding[data-code="ledger.voucher_duplicate"]').first().textContent()).resolves.toContain(cell);
    await page.getByRole('searchbox').fill('');
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    await page.getByRole('button', { name: /^只看警告/ }).click();
    await page.getByRole('status').filter({ hasText: `符合條件 ${warnings} 項，共 ${findings.length} 項` }).waitFor();
    await page.getByRole('button', { name: /^只看錯誤/ }).click();
    await page.getByRole('status').filter({ hasText: `符合條件 ${findings.length - warnings} 項，共 ${findings.length} 項` }).waitFor();
    await page.getByRole('button', { name: /^全部（/ }).click();
  });

  it('downloads the findings as a print-ready XLSX with the entry columns', async () => {
    const href = await page.getByRole('link', { name: '下載檢查結果（XLSX）' }).getAttribute('href');
    expect(href).toBe(`/api/filings/${filingId}/findings.xlsx`);
    const res = await page.request.get(`${server.url}${href ?? ''}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain(`11503_${UNION_X_UBN}_v1_`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.body()) as never);
    const sheet = workbook.getWorksheet('檢查結果');
    if (sheet === undefined) throw new Error('sheet 檢查結果 missing');
    expect(String(sheet.getCell('A1').value)).toContain('115 年第 1 季');
    expect(String(sheet.getCell('A3').value)).toMatch(/產生時間 民國\d+年/);
    const header = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual(['序號', '類別', '工作表', '儲存格', '月/日', '傳票序號', '摘要', '金額', '規則', '說明', '應為', '實際', '代碼']);
    expect(sheet.rowCount).toBe(5 + findings.length);
    const col = (name: string): number => header.indexOf(name) + 1;
    const duplicate = Array.from({ length: findings.length }, (_, i) => sheet.getRow(6 + i)).find((r) => r.getCell(col('代碼')).value === 'ledger.voucher_duplicate');
    expect(duplicate?.getCell(col('傳票序號')).value).toBe('收7');
    expect(String(duplicate?.getCell(col('月/日')).value)).toMatch(/^\d+\/\d+$/);
    expect(String(duplicate?.getCell(col('摘要')).value)).toMatch(/利息 \d+/);
    expect(duplicate?.getCell(col('金額')).value).toBe(1);
    expect(duplicate?.getCell(col('類別')).value).toMatch(/^(錯誤|警告)$/);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
  });

  it('prints without the controls (print stylesheet)', async () => {
    await page.getByRole('button', { name: /傳票序號重複.*（\d+ 項）/ }).click();
    await page.locator('li.finding').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('searchbox').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: '主選單' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.findings-sheet').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('li.finding').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '下一頁' }).first().isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'findings-print.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('upload', () => {
  it('shows progress, then one result per file: a new version, and the same bytes answered without a new version', async () => {
    const page = await signIn('union-x');
    // the templates of this year, the union's UBN filled in, named without a placeholder
    const quarter = page.getByRole('link', { name: '第 1 季登記簿' });
    expect(await quarter.getAttribute('href')).toMatch(new RegExp(`^/templates/cashbook\\.xlsx\\?year=\\d{3}&ubn=${UNION_X_UBN}&quarter=1$`));
    const template = await page.request.get(`${server.url}/templates/cashbook.xlsx?year=115&ubn=${UNION_X_UBN}&quarter=1`);
    expect(template.headers()['content-disposition']).toContain(`filename="11503_${UNION_X_UBN}_accounting.xlsx"`);
    // a blank application (no year, no UBN) is refused: its 78 empty required fields are summarised by sheet
    const blank = join(tmpdir(), `portfund-findings-${process.pid}`, '空白申請書.xlsx');
    writeFileSync(blank, await (await page.request.get(`${server.url}/templates/application.xlsx`)).body());
    // a slow line: the bar fills while the bytes go up
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await page.getByLabel('選擇檔案').setInputFiles([smallBook, bigBook, blank]);
    await page.getByRole('button', { name: '上傳並檢查' }).click();
    await page.getByText(/上傳中 \d+%/).waitFor();
    await expect(page.getByRole('progressbar').count()).resolves.toBe(1);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'upload-progress.png') });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const results = page.getByRole('list', { name: '各檔案的結果' });
    await results.waitFor({ timeout: 120_000 });
    await expect(results.locator(':scope > li').count()).resolves.toBe(3);
    await expect(results.locator(':scope > li').nth(0).textContent()).resolves.toContain('已建立第 1 版');
    const refused = results.locator(':scope > li').nth(2);
    await expect(refused.textContent()).resolves.toContain('空白申請書.xlsx：無法申報');
    await expect(refused.getByRole('listitem').first().textContent()).resolves.toMatch(/^工作表 .+：\d+ 個必填欄位未填/);
    expect(await refused.getByRole('listitem').count()).toBeLessThan(10);
    await expect(results.locator(':scope > li').nth(1).textContent()).resolves.toMatch(/此檔案已於 \d{3}\/\d{2}\/\d{2} \d{2}:\d{2} 上傳（第 1 版），未建立新版本/);
    await screenshots(page, 'upload-results');
    await page.context().close();
  });
});

describe('robustness', () => {
  it('returns an expired session to sign-in with a message, then back to the same page', async () => {
    const page = await signIn('union-x');
    await page.goto(`${server.url}/#/filings`);
    await page.getByRole('button', { name: '上傳並檢查' }).waitFor();
    await server.db('sessions').delete();
    await page.getByLabel('選擇檔案').setInputFiles(smallBook);
    await page.getByRole('button', { name: '上傳並檢查' }).click();
    await page.getByText('登入已逾時，請重新登入').waitFor();
    await screenshots(page, 'session-expired');
    await page.getByLabel('帳號').fill('union-x');
    await page.getByLabel('密碼').fill(PASSWORD);
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('button', { name: '上傳並檢查' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/filings');
    await page.context().close();
  });

  it('works over plain HTTP from a LAN name, with a notice that the connection is not encrypted', async () => {
    const origin = server.url.replace('127.0.0.1', LAN_HOST);
    const res = await fetch(`${origin.replace(LAN_HOST, '127.0.0.1')}/`);
    expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const page = await signIn('taichung', origin);
    await expect(page.getByTestId('insecure-notice').textContent()).resolves.toContain('此連線未加密');
    await page.getByRole('table', { name: '申報案件清單' }).waitFor();
    await screenshots(page, 'plain-http-lan');
    await page.context().close();
  });
});
