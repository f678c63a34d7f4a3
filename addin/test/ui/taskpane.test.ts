// The BUILT task pane in headless Chromium at the task pane's width (320 px), over a fake Excel host holding a real
// generated cash book with mistakes: validate, list, filter, jump to a cell, clear marks, re-check after an edit, submit
// (against a fake server whose answers are checked against the server's own response schemas), a failed marks write,
// an old web view (where Office.js comes from when the ingest server serves the pane: served-by-server.test.ts).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, type Page, type Route } from 'playwright-core';
import { CURRENT_VERSION, MARK_ERROR, MARKS_SHEET } from '@portfund/shared-rules';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE, EXAMPLE_UBN, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { type FillValues } from '@portfund/templates';
import { cachedTemplate } from '../../../test/support/cached-template';
import { FilingView, FilingWithFindings, LoginResponse, ReviewSummaryView } from '@portfund/api-contract/src/schemas';
import { checkFileBytes, type FileCheck } from '../../../ingest-server/src/workbook/check/check-file';
import { CASHBOOK_FILE, FIXTURES } from '../fixtures';
import { cachedOfficeModel } from '../office-model/cached-model';
import { CDN, standInOfficeJs } from './office-js-stand-in';
import { startStaticServer, type StaticServer } from './static-server';
import { launchChromium } from '../../../ingest-server/src/testing/chromium';

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
  // addin/dist was built from the current sources by the test run's global setup (test/support/global-setup.ts)
  const bundle = await build({ entryPoints: [join(ADDIN, 'test', 'fake-host', 'fake-office.ts')], bundle: true, write: false, format: 'iife', target: 'es2020' });
  fakeHost = bundle.outputFiles[0]?.text ?? '';

  const bytes = await cachedTemplate('cashbook', { fill: { ...(CASHBOOK_EXAMPLE as FillValues), cb_entries: faultyEntries() } as FillValues });
  expected = await checkFileBytes(bytes, CASHBOOK_FILE);
  const model = await cachedOfficeModel(bytes, DOCUMENT_URL);
  const other = async (name: string, url: string) => {
    const fixture = FIXTURES.find((f) => f.name.includes(name));
    if (fixture === undefined) throw new Error(`no fixture ${name}`);
    return JSON.stringify(await cachedOfficeModel(await fixture.bytes(), url));
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
  browser = await launchChromium();
  mkdirSync(OUTPUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The pane over the fake host; `before` runs ahead of it in the page (e.g. to make the host fail). */
const openPane = async (workbook = '/fake/workbook.json', before = ''): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: 'zh-TW' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // anything not served by the test server (Microsoft's CDN included) must never be needed
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await page.addInitScript({ content: `window.__FAKE_WORKBOOK_URL__ = ${JSON.stringify(workbook)};\n${before}\n${fakeHost}` });
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(errors).toEqual([]);
  return page;
};

const fake = <T>(page: Page, script: string): Promise<T> => page.evaluate(script) as Promise<T>;
const marks = (page: Page) => fake<Record<string, { value: string }>>(page, `window.__fakeExcel.cells(${JSON.stringify(MARKS_SHEET)})`);
const announced = (page: Page) => fake<string[]>(page, 'window.__announced');
/** Records every node added to the check's live region: each one is an announcement a screen reader reads. */
const recordAnnouncements = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __announced: string[] };
    w.__announced = [];
    const region = document.querySelector('[data-testid="live-region"]');
    if (region === null) throw new Error('no live region');
    new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => w.__announced.push(n.textContent ?? '')))).observe(region, { childList: true, subtree: true });
  });
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
    await expect(page.getByTestId('workbook-info').textContent()).resolves.toContain(`現金收支登記簿・範本 ${CURRENT_VERSION}`);
    await expect(page.getByRole('heading', { name: `${LEDGER}（${expected.findings.filter((f) => f.sheet === LEDGER).length}）` }).count()).resolves.toBe(1);
    // headings go down one level at a time: 福利專款檢查與申報 (h1) → 檢查結果 (h2) → one h3 per sheet
    const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels.slice(0, 3)).toEqual([1, 2, 3]);
    expect(levels.every((level, i) => i === 0 || level <= (levels[i - 1] ?? 0) + 1)).toBe(true);
    await expect(page.getByRole('heading', { level: 2, name: '檢查結果' }).count()).resolves.toBe(1);
    // the live region announces the result for screen readers
    await expect(page.getByRole('status').first().textContent()).resolves.toBe(`檢查完成：${errors} 個錯誤、${warnings} 個警告`);
    await expect(page.getByText('修改儲存格後會自動重新檢查；錯誤儲存格標示為紅色、警告為黃色。').count()).resolves.toBe(1);
    // a current web view runs the pane: no notice about old versions of Excel
    await expect(page.locator('.unsupported').count()).resolves.toBe(0);
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
    const syncsBefore = await fake<number>(page, 'window.__fakeExcel.syncs()');
    await fake(page, `window.__fakeExcel.edit(${JSON.stringify(LEDGER)}, ${JSON.stringify(fullwidth?.cell)}, 2000)`);
    const fixed = `${expected.summary.errors - 1} 個錯誤、${expected.summary.warnings} 個警告`;
    await page.getByTestId('summary').getByText(fixed).waitFor({ timeout: 30_000 });
    expect(await codesShown(page)).not.toContain('cell.fullwidth');
    // only the edited cell was read (one round trip, not the three of a whole read), then the marks written (one)
    expect((await fake<number>(page, 'window.__fakeExcel.syncs()')) - syncsBefore).toBe(2);
    await page.close();
  });

  it('on sign-in shows that the last filed version was returned (who, when, why); after sending, the opinion above the new findings, kept across tabs', async () => {
    const page = await openPane();
    const seen: { auth?: string; body?: string; login?: unknown; lists: string[] } = { lists: [] };
    const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    const opinion = '教育訓練經費請補附收據。\n第 12 月零用金支出請附簽收單。';
    const union = { id: 5, username: 'union-x', displayName: '洪小華', organization: { id: 4, name: '臺中市港區裝卸職業工會', kind: 'union' } };
    const local = { id: 3, username: 'taichung', displayName: null, organization: { id: 2, name: '臺中市政府勞工局', kind: 'local_gov' } };
    // every answer has the shape the server's own response schemas give it
    const filing = (id: number, version: number, status: string, uploadedAt: string) =>
      FilingView.parse({
        id,
        kind: 'cashbook',
        ubn: EXAMPLE_UBN,
        unionName: '臺中市港區裝卸職業工會',
        year: 115,
        quarter: 4,
        version,
        status,
        lockVersion: version === 1 ? 2 : 0,
        fileName: CASHBOOK_FILE,
        templateVersion: CURRENT_VERSION,
        uploadedAt,
        summary: { errors: 2, warnings: 0 },
      });
    const v1 = filing(6, 1, 'returned', '2026-11-18T01:00:00.000Z');
    const v2 = FilingWithFindings.parse({
      ...filing(7, 2, 'submitted', '2026-11-21T03:00:00.000Z'),
      findings: [
        { code: 'ledger.negative_balance', severity: 'error', source: 'check', sheet: LEDGER, cell: 'P34', message: '零用金結存為負數', params: { account: '零用金', balance: '-1000' }, help: '說明' },
        { code: 'recon.history_changed', severity: 'error', source: 'recon', sheet: LEDGER, cell: 'A20', message: '第 3 季已申報的收支被更動', params: { quarter: 3 }, help: '前季說明' },
      ],
    });
    const entry = (id: number | null, decision: string, decisionLabel: string, by: 'union' | 'local', from: string | null, to: string, at: string, text = '') => ({
      id,
      decision,
      decisionLabel,
      actor: by === 'union' ? union : local,
      role: by === 'union' ? 'union' : 'local_gov',
      roleLabel: by === 'union' ? '工會' : '地方主管機關',
      from,
      fromLabel: from === null ? null : { submitted: '已提交', local_review: '地方審核中' }[from],
      to,
      toLabel: { submitted: '已提交', local_review: '地方審核中', returned: '退回申請人' }[to],
      opinion: text,
      acknowledgedErrors: null,
      at,
    });
    const review = ReviewSummaryView.parse({
      filingId: 6,
      status: 'returned',
      statusLabel: '退回申請人',
      lockVersion: 2,
      version: 1,
      latestVersion: 1,
      latestFilingId: 6,
      errors: 0,
      mayWithdraw: false,
      superseded: false,
      allowedDecisions: [],
      latestOpinion: { decision: 'return', decisionLabel: '退回', opinion, actor: local, at: '2026-11-20T02:30:00.000Z' },
      history: [
        entry(null, 'submit', '提交', 'union', null, 'submitted', '2026-11-18T01:00:00.000Z'),
        entry(11, 'accept', '受理', 'local', 'submitted', 'local_review', '2026-11-19T06:00:00.000Z'),
        entry(12, 'return', '退回', 'local', 'local_review', 'returned', '2026-11-20T02:30:00.000Z', opinion),
      ],
    });
    let uploaded = false;
    await page.route('**/api/auth/login', (route) => {
      seen.login = route.request().postDataJSON();
      return json(
        route,
        200,
        LoginResponse.parse({
          token: 'tok_0123456789abcdefghij',
          csrfToken: 'csrf',
          expiresAt: '2999-01-01T00:00:00.000Z',
          user: {
            id: 5,
            username: 'union-x',
            displayName: '洪小華',
            role: 'union',
            isAdmin: false,
            disabled: false,
            email: null,
            mustChangePassword: false,
            lockedUntil: null,
            organization: { id: 4, kind: 'union', name: '臺中市港區裝卸職業工會', ubn: EXAMPLE_UBN },
          },
          account: { email: null, emailOptOut: false, mustChangePassword: false },
        }),
      );
    });
    await page.route(
      (url) => url.pathname === '/api/filings',
      (route) => {
        if (route.request().method() === 'GET') {
          seen.lists.push(new URL(route.request().url()).search);
          // GET /api/filings lists every version of the period, newest first
          const filings = uploaded ? [FilingView.parse(v2), v1] : [v1];
          return json(route, 200, { filings, total: filings.length });
        }
        seen.auth = route.request().headers().authorization;
        seen.body = route.request().postDataBuffer()?.toString('latin1');
        uploaded = true;
        // a new upload is always a new version, 已提交
        return json(route, 201, v2);
      },
    );
    await page.route('**/api/filings/6/review', (route) => json(route, 200, review));

    await page.getByRole('tab', { name: '送出' }).click();
    await expect(page.getByLabel('伺服器網址').inputValue()).resolves.toBe(server.url);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-signin.png') });
    await page.getByLabel('帳號').fill('union-x');
    await page.getByLabel('密碼').fill('Portfund2026pw');
    await page.getByRole('button', { name: '登入' }).click();

    // signed in with the returned workbook open: its union and period are looked up at once
    const before = page.getByTestId('review-opinion');
    await before.waitFor();
    expect(seen.lists).toEqual([`?kind=cashbook&ubn=${EXAMPLE_UBN}&year=115&quarter=4&limit=500`]);
    const beforeText = await before.textContent();
    expect(beforeText).toContain('第 1 版審核結果：退回申請人');
    expect(beforeText).toContain('退回者：地方主管機關（臺中市政府勞工局）');
    expect(beforeText).toContain('時間：民國115年11月20日 10:30');
    expect(beforeText).toContain('教育訓練經費請補附收據。');
    expect(beforeText).toContain('請依審核意見修正活頁簿後再送出');
    // the opinion keeps its line breaks
    await expect(before.locator('text=第 12 月零用金支出請附簽收單。').count()).resolves.toBe(1);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-returned.png') });

    await page.getByRole('button', { name: '送出此活頁簿' }).click();
    await page.getByTestId('submission').waitFor();
    expect(seen.login).toEqual({ username: 'union-x', password: 'Portfund2026pw' });
    expect(seen.auth).toBe('Bearer tok_0123456789abcdefghij');
    expect(seen.body).toContain(`filename="${CASHBOOK_FILE}"`);
    expect(seen.body).toContain('PK'); // the workbook's zip bytes
    expect(seen.lists).toHaveLength(2);
    const submission = page.getByTestId('submission');
    await expect(submission.textContent()).resolves.toContain('已送出第 2 版');
    await expect(submission.textContent()).resolves.toContain('申報編號 7・狀態：已提交');
    // the earlier version's return, inside the result and above the server's findings; the sign-in notice gave way to it
    await expect(page.getByTestId('review-opinion').count()).resolves.toBe(1);
    const opinionBar = submission.getByTestId('review-opinion');
    await expect(opinionBar.textContent()).resolves.toContain('第 1 版審核結果：退回申請人');
    await expect(opinionBar.textContent()).resolves.toContain('教育訓練經費請補附收據。');
    const order = await page.evaluate(() => {
      const bar = document.querySelector('[data-testid="submission"] [data-testid="review-opinion"]');
      const list = document.querySelector('[data-testid="submission"] [data-testid="findings"]');
      return bar !== null && list !== null && (bar.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(order).toBe(true);
    await expect(page.locator('[data-testid="submission"] li[data-code="recon.history_changed"]').textContent()).resolves.toContain('勾稽');
    // the token stays in the pane's sessionStorage, never in the workbook
    await expect(page.evaluate(() => window.sessionStorage.getItem('portfund.addin.session'))).resolves.toContain('tok_0123456789abcdefghij');
    await page.screenshot({ path: join(OUTPUT, 'taskpane-submit.png'), fullPage: true });

    // switching tabs keeps the server's answer (the hidden panel is hidden, not gone)
    await page.getByRole('tab', { name: '檢查' }).click();
    await expect(submission.isVisible()).resolves.toBe(false);
    await expect(page.getByRole('tabpanel').count()).resolves.toBe(1);
    await expect(page.getByRole('tabpanel').getAttribute('aria-labelledby')).resolves.toBe(await page.getByRole('tab', { name: '檢查' }).getAttribute('id'));
    await page.getByRole('tab', { name: '送出' }).click();
    await expect(submission.isVisible()).resolves.toBe(true);
    await expect(submission.textContent()).resolves.toContain('申報編號 7');
    await expect(opinionBar.textContent()).resolves.toContain('教育訓練經費請補附收據。');
    expect(seen.lists).toHaveLength(2);

    await page.locator('[data-testid="submission"] li[data-code="recon.history_changed"] button').first().click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selections: unknown[] } }).__fakeExcel.selections.length > 0);
    expect(await fake(page, 'window.__fakeExcel.selections')).toEqual([{ sheet: LEDGER, address: 'A20' }]);
    await page.close();
  });

  it('says when writing the marks failed, and keeps the list (which is still right)', async () => {
    const page = await openPane('/fake/workbook.json', 'window.__FAKE_FAIL_MARKS__ = true;');
    const bar = page.getByTestId('marks-failed');
    await bar.waitFor();
    await expect(bar.textContent()).resolves.toContain('無法在儲存格上標示錯誤');
    await expect(bar.textContent()).resolves.toContain('下方的檢查結果仍然正確');
    // the pane no longer claims that cells are coloured
    await expect(page.getByText('錯誤儲存格標示為紅色').count()).resolves.toBe(0);
    expect(await codesShown(page)).toHaveLength(expected.findings.length);
    expect(await marks(page)).toEqual({});
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('無法在儲存格上標示錯誤');
    await page.screenshot({ path: join(OUTPUT, 'taskpane-marks-failed.png') });
    await page.close();
  });

  it('announces every check to screen readers, an unchanged summary too', async () => {
    const page = await openPane();
    const summary = `檢查完成：${expected.summary.errors} 個錯誤、${expected.summary.warnings} 個警告`;
    await recordAnnouncements(page);
    for (const times of [1, 2]) {
      await page.getByRole('button', { name: '重新檢查' }).click();
      await page.waitForFunction((n) => (window as unknown as { __announced: string[] }).__announced.length >= n, times);
    }
    expect(await announced(page)).toEqual([summary, summary]);
    await page.close();
  });

  it('says when a version-1.0 workbook cannot be marked, and still checks it', async () => {
    const page = await openPane('/fake/v10.json');
    await expect(page.getByTestId('workbook-info').textContent()).resolves.toContain(`範本 1.0（最新為 ${CURRENT_VERSION}）`);
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
    ['', CDN],
    ['?officejs=local', '/office-js/office.js'],
  ])('without a host loads Office.js per the switch (%s) and says to open it in Excel', async (query, officeJs) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const requested = await standInOfficeJs(page);
    await page.goto(`${server.url}/addin/taskpane.html${query}`);
    await page.getByText('請在 Excel 中開啟').waitFor();
    expect(requested).toHaveLength(1);
    expect(requested[0]?.endsWith(officeJs)).toBe(true);
    await page.close();
  });

  it('tells an old Excel web view (IE11, EdgeHTML) what it needs instead of 「正在載入…」 for ever', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: 'zh-TW' });
    // an engine without the ES2020 built-ins, where the ES2020 bundle would not even parse: it never runs
    await page.addInitScript({ content: 'delete Promise.allSettled;' });
    await page.route(/taskpane\.js$/, (route) => route.abort());
    await standInOfficeJs(page);
    await page.goto(`${server.url}/addin/taskpane.html`);
    const notice = page.getByRole('alert');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('此版本的 Excel 無法執行本增益集');
    await expect(notice.textContent()).resolves.toContain('需要 Microsoft 365 或 Excel 2021 以上版本');
    await expect(notice.textContent()).resolves.toContain('WebView2');
    await expect(page.getByText('正在載入…').count()).resolves.toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-unsupported.png') });
    await page.close();
  });
});
