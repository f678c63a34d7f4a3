// The accounts pages of the BUILT console in headless Debian Chromium, against one real server that starts with no
// account (first-run setup with the code from the log) and mails through a real SMTP server on loopback (the outbox's
// sender running): setup → 忘記密碼 → the e-mailed link → a new password → sign in; 帳號設定 (change password, e-mail
// opt-out); a temporary password that must be changed before anything else. Screenshots at desktop width and 390 px.
import { type Browser, type Page } from 'playwright-core';
import { call } from '../src/testing/http';
import { startTestSmtp, type TestSmtp } from '../src/testing/smtp';
import { startTestServer, type TestServer } from '../src/testing/test-server';
import { launchChromium } from '../src/testing/chromium';
import { consoleScreenshots, openConsolePage } from '../src/testing/console-page';
import { newSetupCode } from '../src/services/setup';

const ADMIN_PASSWORD = 'Harbour-ledger-2031-kite';

let browser: Browser;
let server: TestServer;
let smtp: TestSmtp;
let setupCode: string;
let adminToken: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  setupCode = newSetupCode();
  server = await startTestServer({ empty: true, setupCode, config: { smtpUrl: smtp.url, mailFrom: 'portfund <no-reply@portfund.test>' }, mailSender: { intervalMs: 200 } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.stop();
});

const newPage = async (): Promise<Page> => {
  const { page, errors } = await openConsolePage(browser);
  page.on('pageerror', () => pageErrors.push(...errors.splice(0)));
  return page;
};

const screenshots = (page: Page, name: string): Promise<void> => consoleScreenshots(page, name);

const signIn = async (page: Page, username: string, password: string): Promise<void> => {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登入', exact: true }).click();
};

describe('accounts in the console', () => {
  it('opens the first-run setup while no account exists, refuses a wrong code, creates the administrator once', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: '首次設定' }).waitFor();
    await page.locator('input[name="setup-code"]').fill('WRNG-CODE-0000-0000-0000');
    await page.locator('input[name="username"]').fill('mol-admin');
    await page.locator('input[name="display-name"]').fill('勞動部系統管理者');
    await page.locator('input[name="email"]').fill('admin@mol.test');
    await page.locator('input[name="new-password"]').fill(ADMIN_PASSWORD);
    await page.locator('input[name="confirm-password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '建立管理者並登入' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('設定碼不正確');
    await screenshots(page, 'accounts-setup');
    await page.locator('input[name="setup-code"]').fill(setupCode.toLowerCase());
    await page.getByRole('button', { name: '建立管理者並登入' }).click();
    await page.getByRole('button', { name: '登出' }).waitFor();
    await page.getByRole('tab', { name: '申報案件' }).waitFor();
    const audit = await server.db('admin_audit').where('action', 'setup.admin');
    expect(audit.map((a: { actor_id: number | null; details: unknown }) => [a.actor_id, a.details])).toEqual([[null, { via: 'setup_page' }]]);
    // once: the code no longer opens anything
    const again = await call(`${server.url}/api/setup`, null, 'POST', { code: setupCode, username: 'second-admin', password: ADMIN_PASSWORD });
    expect([again.status, again.body.error.code]).toEqual([409, 'setup_done']);
    expect((await call(`${server.url}/api/auth/options`, null)).body).toEqual({ mail: true, setup: false });
    await page.context().close();

    // the administrator sets up a local government, a union and two of its users (with e-mail addresses)
    adminToken = await server.login('mol-admin', ADMIN_PASSWORD);
    const local = await call(`${server.url}/api/organizations`, adminToken, 'POST', { kind: 'local_gov', name: '臺中市政府勞工局' });
    const union = await call(`${server.url}/api/organizations`, adminToken, 'POST', { kind: 'union', name: '臺中市港區裝卸職業工會', ubn: '04595257', parentId: local.body.id });
    for (const [username, email] of [
      ['union-clerk', 'clerk@union.test'],
      ['union-cashier', 'cashier@union.test'],
    ]) {
      const created = await call(`${server.url}/api/users`, adminToken, 'POST', { username, password: ADMIN_PASSWORD, organizationId: union.body.id, email, displayName: '工會會計' });
      expect(created.status).toBe(201);
    }
  });

  it('mails a reset link from 忘記密碼; the link sets a new password that signs in', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '忘記密碼？' }).click();
    await page.getByRole('heading', { name: '忘記密碼' }).waitFor();
    await page.locator('input[name="login"]').fill('clerk@union.test');
    await page.getByRole('button', { name: '寄送重設連結' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('已受理');
    await screenshots(page, 'accounts-forgot');
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: 'clerk@union.test', subject: '【商港服務費福利專款】密碼重設連結' });
    const link = /(http:\/\/127\.0\.0\.1:\d+\/#\/reset\?token=[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.getByRole('heading', { name: '設定新密碼' }).waitFor();
    await page.locator('input[name="new-password"]').fill('short1');
    await page.getByText('密碼至少 10 個字元').waitFor();
    await page.locator('input[name="new-password"]').fill('harbourlantern');
    await page.getByText('密碼須同時包含英文字母與數字').waitFor();
    await screenshots(page, 'accounts-reset');
    await page.locator('input[name="new-password"]').fill('Lantern-quay-4821-dusk');
    await page.locator('input[name="confirm-password"]').fill('Lantern-quay-4821-dusk');
    await page.getByRole('button', { name: '設定新密碼' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('新密碼已設定');
    await page.getByRole('link', { name: '前往登入' }).click();
    await signIn(page, 'union-clerk', 'Lantern-quay-4821-dusk');
    await page.getByRole('button', { name: '登出' }).waitFor();
    // the link was used once: opening it again is refused
    await page.goto(link ?? '');
    await page.locator('input[name="new-password"]').fill('Another-quay-4821-dawn');
    await page.locator('input[name="confirm-password"]').fill('Another-quay-4821-dawn');
    await page.getByRole('button', { name: '設定新密碼' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('無效、已使用或已過期');
    await page.context().close();
  });

  it('changes one’s password and turns e-mail off in 帳號設定', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await signIn(page, 'union-clerk', 'Lantern-quay-4821-dusk');
    await page.getByRole('link', { name: '帳號設定' }).click();
    await page.getByRole('heading', { name: '變更密碼' }).waitFor();
    await page.locator('input[name="current-password"]').fill('Lantern-quay-4821-dusk');
    await page.locator('input[name="new-password"]').fill('Ferry-bollard-7312-tide');
    await page.locator('input[name="confirm-password"]').fill('Ferry-bollard-7312-tide');
    await page.getByRole('button', { name: '變更密碼' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('密碼已變更');
    const mailSwitch = page.getByRole('switch', { name: '以電子郵件寄送通知' });
    expect(await mailSwitch.isChecked()).toBe(true);
    await mailSwitch.click();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[role="switch"]')?.checked === false);
    expect(await server.db('users').where('username', 'union-clerk').first('email_opt_out')).toEqual({ email_opt_out: true });
    await screenshots(page, 'accounts-settings');
    await page.context().close();
    await server.login('union-clerk', 'Ferry-bollard-7312-tide');
  });

  it('shows only the change-password page after signing in with a temporary password, until it is changed', async () => {
    const cashier = (await call(`${server.url}/api/users`, adminToken)).body.users.find((u: { username: string }) => u.username === 'union-cashier');
    const reset = await call(`${server.url}/api/users/${cashier.id}/password-reset`, adminToken, 'POST', { mode: 'temporary' });
    expect(reset.status).toBe(200);
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await signIn(page, 'union-cashier', reset.body.temporaryPassword);
    await page.getByText('請先設定新密碼').waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    await screenshots(page, 'accounts-temporary');
    await page.locator('input[name="current-password"]').fill(reset.body.temporaryPassword);
    await page.locator('input[name="new-password"]').fill('Pilot-cargo-5519-reef');
    await page.locator('input[name="confirm-password"]').fill('Pilot-cargo-5519-reef');
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.getByRole('tab', { name: '申報案件' }).waitFor();
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});
