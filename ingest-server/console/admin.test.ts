// The 管理 pages of the BUILT console in headless Debian Chromium against a real server (and a real SMTP server on
// loopback): a ministry administrator creates a local government, a union and a user, edits them and mails the user a
// reset link; the user follows the e-mailed link, sets a password and signs in; the administrator disables the user, whose
// session ends at once; a bulk file is checked and the audit log read; a local-government administrator sees only its
// own jurisdiction.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { type Browser, type Page } from 'playwright-core';
import { ubnChecksumOk } from '@portfund/shared-rules';
import { call } from '../src/testing/http';
import { startTestSmtp, type TestSmtp } from '../src/testing/smtp';
import { startTestServer, type TestServer, UNION_X_UBN, UNION_Y_UBN } from '../src/testing/test-server';
import { launchChromium } from '../src/testing/chromium';
import { consoleScreenshots, openConsolePage, signInOnPage, signInToConsole } from '../src/testing/console-page';

const CLERK_PASSWORD = 'Keelung-quay-2031-tern';
const CHOSEN_PASSWORD = 'Bollard-tern-5519-mist';

let browser: Browser;
let server: TestServer;
let smtp: TestSmtp;
let usersCsv: string;

const validUbn = (): string => {
  for (let n = 55000001; ; n += 1) if (ubnChecksumOk(String(n))) return String(n);
};

beforeAll(async () => {
  // the console was built from the current sources by the test run's global setup (test/support/global-setup.ts)
  smtp = await startTestSmtp();
  // mail on, delivered by the server's own sender every 200 ms
  server = await startTestServer({ config: { smtpUrl: smtp.url, mailFrom: 'portfund <no-reply@portfund.test>' }, mailSender: { intervalMs: 200 } });
  const dir = join(tmpdir(), `portfund-admin-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  usersCsv = join(dir, 'users.csv');
  writeFileSync(usersCsv, `帳號,姓名,Email,統一編號\r\nport-one,林一,one@example.tw,${UNION_X_UBN}\r\nx,,bad-address,${UNION_Y_UBN}\r\n`);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.stop();
});

const signIn = (username: string): Promise<Page> => signInToConsole(browser, `${server.url}/`, username);

const screenshots = (page: Page, name: string): Promise<void> => consoleScreenshots(page, name);

describe('管理 pages', () => {
  it('let a ministry administrator create, edit and disable; the disabled user is signed out at once', async () => {
    const page = await signIn('admin');
    await page.getByRole('tab', { name: '管理' }).click();
    await page.getByRole('table', { name: '機關與工會清單' }).waitFor();

    // a local government
    const create = page.getByRole('form', { name: '新增機關' });
    await create.getByLabel('名稱').fill('基隆市政府產業發展處');
    await create.getByLabel('聯絡人').fill('陳科長');
    await create.getByRole('button', { name: '建立' }).click();
    await page.getByRole('status').filter({ hasText: '已建立「基隆市政府產業發展處」' }).waitFor();

    // a union under it, found again by searching its UBN
    const ubn = validUbn();
    await create.getByLabel('類別').selectOption('union');
    await create.getByLabel('名稱').fill('基隆港區職業工會');
    await create.getByLabel('統一編號').fill(ubn);
    await create.getByLabel('所屬地方主管機關').selectOption({ label: '基隆市政府產業發展處' });
    await create.getByRole('button', { name: '建立' }).click();
    await page.getByRole('status').filter({ hasText: '已建立「基隆港區職業工會」' }).waitFor();
    await page.getByRole('search', { name: '搜尋機關與工會' }).getByLabel('名稱、代碼或統一編號').fill(ubn);
    await page.getByRole('button', { name: '搜尋' }).click();
    await page.getByRole('status').filter({ hasText: '共 1 個' }).waitFor();
    await screenshots(page, 'admin-organizations');

    // its page: edit the contact
    await page.getByRole('table', { name: '機關與工會清單' }).getByRole('link', { name: '基隆港區職業工會' }).click();
    const edit = page.getByRole('form', { name: '修改機關資料' });
    await edit.getByLabel('聯絡電話').fill('02-2420-0000');
    await edit.getByRole('button', { name: '儲存變更' }).click();
    await edit.getByRole('status').filter({ hasText: '已儲存' }).waitFor();
    const unionId = Number(/#\/admin\/orgs\/(\d+)/.exec(page.url())?.[1]);
    expect((await call(`${server.url}/api/organizations?q=${ubn}`, await server.login('admin'))).body.organizations[0]).toMatchObject({ id: unionId, contactPhone: '02-2420-0000' });

    // a user of the union
    await page.getByRole('tab', { name: '使用者' }).click();
    const newUser = page.getByRole('form', { name: '新增使用者' });
    await newUser.getByLabel('帳號').fill('keelung-clerk');
    await newUser.getByLabel('姓名').fill('王會計');
    await newUser.getByLabel('所屬機關或工會').selectOption(String(unionId));
    await expect(newUser.textContent()).resolves.toContain('角色：工會');
    await newUser.getByLabel('初始密碼').fill(CLERK_PASSWORD);
    await newUser.getByRole('button', { name: '建立使用者' }).click();
    await page.getByRole('status').filter({ hasText: '已建立使用者「keelung-clerk」' }).waitFor();
    await screenshots(page, 'admin-users');
    const clerk = await server.login('keelung-clerk', CLERK_PASSWORD);
    expect((await call(`${server.url}/api/auth/me`, clerk)).status).toBe(200);

    // edit, then disable: the user's next request is refused
    await page.getByRole('status').getByRole('link', { name: 'keelung-clerk' }).click();
    const profile = page.getByRole('form', { name: '修改使用者資料' });
    await profile.getByLabel('電子郵件').fill('clerk@example.tw');
    await profile.getByRole('button', { name: '儲存變更' }).click();
    await page.getByRole('status').filter({ hasText: '已儲存' }).waitFor();

    // a reset link by e-mail: the user follows it, sets a password and signs in to the console
    await page.getByRole('button', { name: '寄送密碼重設連結' }).click();
    await page.getByText('已寄送密碼重設連結至 clerk@example.tw').waitFor();
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: 'clerk@example.tw', subject: '【商港服務費福利專款】密碼重設連結' });
    const link = /(http:\/\/127\.0\.0\.1:\d+\/#\/reset\?token=[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(link).not.toBe('');
    const { page: clerkPage, errors } = await openConsolePage(browser);
    await clerkPage.goto(link);
    await clerkPage.locator('input[name="new-password"]').fill(CHOSEN_PASSWORD);
    await clerkPage.locator('input[name="confirm-password"]').fill(CHOSEN_PASSWORD);
    await clerkPage.getByRole('button', { name: '設定新密碼' }).click();
    await clerkPage.getByRole('link', { name: '前往登入' }).click();
    // setting the password ended the sessions the user had
    expect((await call(`${server.url}/api/auth/me`, clerk)).status).toBe(401);
    await signInOnPage(clerkPage, 'keelung-clerk', CHOSEN_PASSWORD);
    await clerkPage.getByRole('tab', { name: '申報案件' }).waitFor();
    expect(errors).toEqual([]);

    // disabled: the user's session ends at once (the open console returns to the sign-in page on its next request)
    await page.getByRole('button', { name: '停用帳號…' }).click();
    await page.getByRole('button', { name: '確定停用' }).click();
    await page.getByTestId('user-state').filter({ hasText: '停用' }).waitFor();
    await clerkPage.getByRole('tab', { name: '通知訊息' }).click();
    await clerkPage.getByText('登入已逾時，請重新登入').waitFor();
    await clerkPage.context().close();
    await screenshots(page, 'admin-user');

    // the union's page lists the user with its state
    await page.getByRole('link', { name: '基隆港區職業工會' }).click();
    await expect(page.getByRole('table', { name: '此機關的使用者' }).textContent()).resolves.toContain('停用');
    await screenshots(page, 'admin-organization');

    // the audit log names each act
    await page.getByRole('tab', { name: '管理紀錄' }).click();
    const log = page.getByRole('table', { name: '管理紀錄清單' });
    await log.waitFor();
    for (const words of ['建立機關', '修改機關資料', '建立使用者', '修改使用者資料', '寄送密碼重設連結', '停用使用者']) await expect(log.textContent()).resolves.toContain(words);
    await screenshots(page, 'admin-audit');
    await page.context().close();
  });

  it('checks a bulk user file row by row and creates nothing while a row is refused', async () => {
    const page = await signIn('taichung-admin');
    await page.getByRole('tab', { name: '管理' }).click();
    await page.getByRole('tab', { name: '批次建立' }).click();
    await page.getByLabel('選擇使用者名單檔').setInputFiles(usersCsv);
    await page.getByRole('region', { name: '批次建立使用者' }).getByRole('button', { name: '試算（只檢查）' }).click();
    const report = page.getByRole('table', { name: '批次建立使用者：逐列結果' });
    await report.waitFor();
    await expect(page.getByRole('status').filter({ hasText: '1 列不能建立' }).count()).resolves.toBe(1);
    const refused = report.getByRole('row').filter({ hasText: 'bad-address' });
    await expect(refused.textContent()).resolves.toContain('Email 格式不正確');
    // another jurisdiction's union is not found for a local government
    await expect(refused.textContent()).resolves.toContain('找不到此機關或工會');
    await expect(page.getByRole('button', { name: /^建立 \d+ 個使用者/ }).count()).resolves.toBe(0);
    await screenshots(page, 'admin-bulk');
    // the list of a local-government admin holds its own jurisdiction only
    await page.getByRole('tab', { name: '使用者' }).click();
    const list = page.getByRole('table', { name: '使用者清單' });
    await list.waitFor();
    await expect(list.textContent()).resolves.toContain('union-x');
    await expect(list.textContent()).resolves.not.toContain('union-y');
    await page.context().close();
  });
});
