// The BUILT task pane in headless Chromium at the task pane's width (320 px), over a fake Excel host holding a real
// generated cash book with mistakes: validate, list, filter, jump to a cell, clear marks, re-check after an edit, submit.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { MARK_ERROR, MARKS_SHEET } from '@portfund/shared-rules';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { writeTemplate, type FillValues } from '@portfund/templates';
import { checkFileBytes, type FileCheck } from '../../../ingest-server/src/workbook/check-file';
import { CASHBOOK_FILE, FIXTURES } from '../fixtures';
import { officeModelFromXlsx } from '../office-model/from-xlsx';
import { startStaticServer, type StaticServer } from './static-server';

const ADDIN = resolve(__dirname, '..', '..');
const REPO = resolve(ADDIN, '..');
const OUTPUT = join(REPO, 'test-output', 'addin');
const LEDGER = '現金收支登記簿';
const DOCUMENT_URL = `C:\\Users\\union\\Documents\\${CASHBOOK_FILE}`;

/** The seed's December cash book with three mistakes: a full-width amount, a duplicate voucher, petty cash overdrawn. */
const faultyEntries = (): EntryRow[] => {
  const rows = CASHBOOK_ENTRIES.map((e) => [...e] as EntryRow);
  (rows[4] as unknown as (string | number | undefined)[])[8] = '２０００';
  (rows[6] as EntryRow)[3] = '6';
  rows.push([12, 29, '支', '21', '6、行政事務費', '6-1', undefined, '辦公文具', 9_000_000, '分配款', '零用金']);
  return rows;
};

let browser: Browser;
let server: StaticServer;
let fakeHost: string;
let expected: FileCheck;

beforeAll(async () => {
  const built = spawnSync(process.execPath, [join(ADDIN, 'build.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const bundle = await build({ entryPoints: [join(ADDIN, 'test', 'fake-host', 'fake-office.ts')], bundle: true, write: false, format: 'iife', target: 'es2020' });
  fakeHost = bundle.outputFiles[0]?.text ?? '';

  const bytes = await writeTemplate('cashbook', { fill: { ...(CASHBOOK_EXAMPLE as FillValues), cb_entries: faultyEntries() } as FillValues });
  expected = await checkFileBytes(bytes, CASHBOOK_FILE);
  const model = await officeModelFromXlsx(bytes, DOCUMENT_URL);
  const other = async (name: string, url: string) => {
    const fixture = FIXTURES.find((f) => f.name.includes(name));
    if (fixture === undefined) throw new Error(`no fixture ${name}`);
    return JSON.stringify(await officeModelFromXlsx(await fixture.bytes(), url));
  };
  server = await startStaticServer(
    join(ADDIN, 'dist'),
    new Map([
      ['/fake/workbook.json', { type: 'application/json', body: JSON.stringify(model) }],
      ['/fake/workbook.xlsx', { type: 'application/octet-stream', body: bytes }],
      ['/fake/v10.json', { type: 'application/json', body: await other('version 1.0', DOCUMENT_URL) }],
      ['/fake/foreign.json', { type: 'application/json', body: await other('not one of our templates', 'https://contoso.sharepoint.com/Shared%20Documents/book1.xlsx') }],
    ]),
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(OUTPUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openPane = async (workbook = '/fake/workbook.json'): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: 'zh-TW' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // anything not served by the test server (Microsoft's CDN included) must never be needed
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await page.addInitScript({ content: `window.__FAKE_WORKBOOK_URL__ = ${JSON.stringify(workbook)};\n${fakeHost}` });
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(errors).toEqual([]);
  return page;
};

const fake = <T>(page: Page, script: string): Promise<T> => page.evaluate(script) as Promise<T>;
const marks = (page: Page) => fake<Record<string, { value: string }>>(page, `window.__fakeExcel.cells(${JSON.stringify(MARKS_SHEET)})`);
const codesShown = (page: Page) => page.locator('[data-testid="findings"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));

describe('the task pane in Chromium', () => {
  it('validates the open workbook and lists the same findings as portfund check, grouped by sheet', async () => {
    const page = await openPane();
    const { errors, warnings } = expected.summary;
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(0);
    await expect(page.getByTestId('summary').textContent()).resolves.toBe(`${errors} 個錯誤、${warnings} 個警告`);
    expect(await codesShown(page)).toEqual(
      [...expected.findings].sort((a, b) => (a.sheet === undefined ? -1 : 0) - (b.sheet === undefined ? -1 : 0)).map((f) => f.code),
    );
    await expect(page.getByTestId('workbook-info').textContent()).resolves.toContain(`${CASHBOOK_FILE}`);
    await expect(page.getByTestId('workbook-info').textContent()).resolves.toContain('現金收支登記簿・範本 1.1');
    await expect(page.getByRole('heading', { name: `${LEDGER}（${expected.findings.filter((f) => f.sheet === LEDGER).length}）` }).count()).resolves.toBe(1);
    // the live region announces the result for screen readers
    await expect(page.getByRole('status').first().textContent()).resolves.toBe(`檢查完成：${errors} 個錯誤、${warnings} 個警告`);
    // …and the workbook's marks were written: an E in _marks at the negative balance's cell
    const negative = expected.findings.find((f) => f.code === 'ledger.negative_balance');
    expect(negative?.cell).toBeDefined();
    expect((await marks(page))[negative?.cell ?? '']?.value).toBe(MARK_ERROR);
    await page.screenshot({ path: join(OUTPUT, 'taskpane.png') });
    await page.close();
  });

  it('activates the sheet and selects the cell of a clicked finding, and of one chosen by keyboard', async () => {
    const page = await openPane();
    const negative = expected.findings.find((f) => f.code === 'ledger.negative_balance');
    await page.locator('li[data-code="ledger.negative_balance"] button').first().click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selections: unknown[] } }).__fakeExcel.selections.length > 0);
    expect(await fake(page, 'window.__fakeExcel.selections')).toEqual([{ sheet: LEDGER, address: negative?.cell }]);
    expect(await fake(page, 'window.__fakeExcel.activated')).toEqual([LEDGER]);

    const fullwidth = expected.findings.find((f) => f.code === 'cell.fullwidth');
    const button = page.locator('li[data-code="cell.fullwidth"] button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selections: unknown[] } }).__fakeExcel.selections.length > 1);
    expect(await fake(page, 'window.__fakeExcel.selections[1]')).toEqual({ sheet: LEDGER, address: fullwidth?.cell });
    await expect(button.getAttribute('aria-label')).resolves.toContain(`錯誤，${LEDGER} ${fullwidth?.cell}`);
    await page.close();
  });

  it('reaches every finding with Tab: each is a native button in a list item', async () => {
    const page = await openPane();
    const tabbable = await page
      .locator('[data-testid="findings"] li > button:first-child')
      .evaluateAll((buttons) => buttons.map((b) => b.tagName === 'BUTTON' && !(b as HTMLButtonElement).disabled && b.tabIndex === 0));
    expect(tabbable).toHaveLength(expected.findings.filter((f) => f.sheet !== undefined).length);
    expect(tabbable.every(Boolean)).toBe(true);
    await page.close();
  });

  it('filters by severity and expands a rule explanation', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: `警告 ${expected.summary.warnings}` }).click();
    expect(new Set(await codesShown(page))).toEqual(new Set(expected.findings.filter((f) => f.severity === 'warning').map((f) => f.code)));
    await page.getByRole('button', { name: `錯誤 ${expected.summary.errors}` }).click();
    expect(await codesShown(page)).toHaveLength(expected.summary.errors);

    const more = page.locator('li[data-code="ledger.negative_balance"]').getByRole('button', { name: '說明', exact: true });
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    const helpId = await more.getAttribute('aria-controls');
    await more.click();
    const help = page.locator(`[id="${helpId}"]`);
    await expect(help.isVisible()).resolves.toBe(true);
    await expect(help.textContent()).resolves.toContain(expected.findings.find((f) => f.code === 'ledger.negative_balance')?.help?.slice(0, 10) ?? '?');
    await expect(page.locator('li[data-code="ledger.negative_balance"]').getByRole('button', { name: '收起說明' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.screenshot({ path: join(OUTPUT, 'taskpane-errors-help.png') });
    await page.close();
  });

  it('clears the marks: the fake _marks sheet is empty afterwards', async () => {
    const page = await openPane();
    expect(Object.keys(await marks(page)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: '清除標示' }).click();
    await page.getByText('已清除儲存格標示；').waitFor();
    expect(await marks(page)).toEqual({});
    await page.close();
  });

  it('re-checks after an edit, listening to every sheet but _marks', async () => {
    const page = await openPane();
    const watched = await fake<string[]>(page, 'window.__fakeExcel.watchedSheets()');
    expect(watched).toContain(LEDGER);
    expect(watched).not.toContain(MARKS_SHEET);
    const fullwidth = expected.findings.find((f) => f.code === 'cell.fullwidth');
    await fake(page, `window.__fakeExcel.edit(${JSON.stringify(LEDGER)}, ${JSON.stringify(fullwidth?.cell)}, 2000)`);
    const fixed = `${expected.summary.errors - 1} 個錯誤、${expected.summary.warnings} 個警告`;
    await page.getByTestId('summary').getByText(fixed).waitFor({ timeout: 30_000 });
    expect(await codesShown(page)).not.toContain('cell.fullwidth');
    await page.close();
  });

  it('signs in, submits the workbook and shows the server findings (recon included) and the reviewer opinion', async () => {
    const page = await openPane();
    const seen: { auth?: string; body?: string; login?: unknown } = {};
    const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    await page.route('**/api/auth/login', (route) => {
      seen.login = route.request().postDataJSON();
      return json(route, 200, {
        token: 'tok_0123456789abcdefghij',
        csrfToken: 'csrf',
        expiresAt: '2999-01-01T00:00:00.000Z',
        user: { id: 5, username: 'union-x', displayName: '洪小華', role: 'union', isAdmin: false, organization: { id: 4, kind: 'union', name: '臺中市港區裝卸職業工會', ubn: '04595257' } },
      });
    });
    await page.route('**/api/filings', (route) => {
      seen.auth = route.request().headers().authorization;
      seen.body = route.request().postDataBuffer()?.toString('latin1');
      return json(route, 201, {
        id: 7,
        kind: 'cashbook',
        ubn: '04595257',
        year: 115,
        quarter: 4,
        version: 2,
        status: 'returned',
        summary: { errors: 2, warnings: 0 },
        findings: [
          { code: 'ledger.negative_balance', severity: 'error', source: 'check', sheet: LEDGER, cell: 'P34', message: '零用金結存為負數', help: '說明' },
          { code: 'recon.history_changed', severity: 'error', source: 'recon', sheet: LEDGER, cell: 'A20', message: '第 3 季已申報的收支被更動', help: '前季說明' },
        ],
      });
    });
    await page.route('**/api/filings/7/review', (route) =>
      json(route, 200, { status: 'returned', history: [{ decision: 'return', opinion: '教育訓練經費請補附收據。', actorRole: 'local_gov' }] }),
    );

    await page.getByRole('tab', { name: '送出' }).click();
    await expect(page.getByLabel('伺服器網址').inputValue()).resolves.toBe(server.url);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-signin.png') });
    await page.getByLabel('帳號').fill('union-x');
    await page.getByLabel('密碼').fill('Portfund2026pw');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('button', { name: '送出此活頁簿' }).click();
    await page.getByTestId('submission').waitFor();

    expect(seen.login).toEqual({ username: 'union-x', password: 'Portfund2026pw' });
    expect(seen.auth).toBe('Bearer tok_0123456789abcdefghij');
    expect(seen.body).toContain(`filename="${CASHBOOK_FILE}"`);
    expect(seen.body).toContain('PK'); // the workbook's zip bytes
    await expect(page.getByTestId('submission').textContent()).resolves.toContain('申報編號 7');
    await expect(page.getByTestId('review-opinion').textContent()).resolves.toContain('教育訓練經費請補附收據。');
    await expect(page.locator('[data-testid="submission"] li[data-code="recon.history_changed"]').textContent()).resolves.toContain('勾稽');
    // the token stays in the pane's sessionStorage, never in the workbook
    await expect(page.evaluate(() => window.sessionStorage.getItem('portfund.addin.session'))).resolves.toContain('tok_0123456789abcdefghij');
    await page.screenshot({ path: join(OUTPUT, 'taskpane-submit.png') });

    await page.locator('[data-testid="submission"] li[data-code="recon.history_changed"] button').first().click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selections: unknown[] } }).__fakeExcel.selections.length > 0);
    expect(await fake(page, 'window.__fakeExcel.selections')).toEqual([{ sheet: LEDGER, address: 'A20' }]);
    await page.close();
  });

  it('says when a version-1.0 workbook cannot be marked, and still checks it', async () => {
    const page = await openPane('/fake/v10.json');
    await expect(page.getByTestId('workbook-info').textContent()).resolves.toContain('範本 1.0（最新為 1.1）');
    await page.getByText('不能在儲存格上標示錯誤').waitFor();
    await expect(page.getByRole('button', { name: '清除標示' }).isDisabled()).resolves.toBe(true);
    expect(await codesShown(page)).toEqual(['template.outdated']);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-template-1.0.png') });
    await page.close();
  });

  it('says when the workbook is not one of our templates (template.unknown)', async () => {
    const page = await openPane('/fake/foreign.json');
    await page.getByText('這不是本系統的範本').waitFor();
    await expect(page.getByTestId('workbook-info').textContent()).resolves.toContain('book1.xlsx');
    expect(await codesShown(page)).toEqual(['template.unknown']);
    await expect(page.getByRole('button', { name: '清除標示' }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-unknown.png') });
    await page.close();
  });

  it.each([
    ['', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js'],
    ['?officejs=local', '/office-js/office.js'],
  ])('without a host loads Office.js per the switch (%s) and says to open it in Excel', async (query, officeJs) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const requested: string[] = [];
    // a stand-in office.js: outside Office, onReady resolves with no host
    await page.route(/office\.js$/, (route) => {
      requested.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: null, platform: null }) };' });
    });
    await page.route(/^(?!http:\/\/127\.0\.0\.1)(?!.*office\.js$)/, (route) => route.abort());
    await page.goto(`${server.url}/addin/taskpane.html${query}`);
    await page.getByText('請在 Excel 中開啟').waitFor();
    expect(requested).toHaveLength(1);
    expect(requested[0]?.endsWith(officeJs)).toBe(true);
    await page.close();
  });
});
