// The web console in Debian Chromium for UI tests: a page that reaches only the test server, signing in, and the
// desktop + 390 px screenshots every console test saves to test-output/console/ (and checks for sideways scrolling).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { PASSWORD } from './test-server';

export const CONSOLE_SHOTS = join(__dirname, '..', '..', '..', 'test-output', 'console');
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface ConsolePageOptions {
  /** Abort every request not to 127.0.0.1 (default true: a test never reaches the internet). */
  readonly localOnly?: boolean;
  readonly acceptDownloads?: boolean;
}

/** A page in a fresh browser context (zh-TW, desktop size); `errors` collects the page's uncaught errors. */
export const openConsolePage = async (browser: Browser, options: ConsolePageOptions = {}): Promise<{ page: Page; errors: string[] }> => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-TW', acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.localOnly ?? true) await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  mkdirSync(CONSOLE_SHOTS, { recursive: true });
  return { page, errors };
};

/** Fills the sign-in page shown and waits until the console says who is signed in. */
export const signInOnPage = async (page: Page, username: string, password = PASSWORD): Promise<void> => {
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(password);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('button', { name: '登出' }).waitFor();
};

/** Opens `url` in a new page and signs in; refuses a page that threw on the way. */
export const signInToConsole = async (browser: Browser, url: string, username: string, options: ConsolePageOptions = {}): Promise<Page> => {
  const { page, errors } = await openConsolePage(browser, options);
  await page.goto(url);
  await signInOnPage(page, username);
  if (errors.length > 0) throw new Error(`the console threw while signing in: ${errors.join('; ')}`);
  return page;
};

/**
 * Full-page screenshots at the page's size and at 390 px (a phone), where the page itself must not scroll sideways (a
 * modal dialog hides the scroll bar: the document is then narrower than the window, never wider).
 */
export const consoleScreenshots = async (page: Page, name: string, atPhoneWidth?: () => Promise<void>): Promise<void> => {
  const desktop = page.viewportSize() ?? DESKTOP;
  await page.screenshot({ path: join(CONSOLE_SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await atPhoneWidth?.();
  await page.screenshot({ path: join(CONSOLE_SHOTS, `${name}-390.png`), fullPage: true });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize(desktop);
  if (sideways > 0) throw new Error(`${name}: at 390 px the page scrolls sideways by ${sideways} px`);
};
