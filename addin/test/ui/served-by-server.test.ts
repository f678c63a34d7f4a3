// The BUILT task pane served by the ingest server, in headless Chromium: where Office.js comes from is decided at run time
// by the server's PORTFUND_OFFICE_JS (its /addin/config.js), and ?officejs= overrides it.
import { type Browser } from 'playwright-core';
import { launchChromium } from '../../../ingest-server/src/testing/chromium';
import { startTestServer, type TestServer } from '../../../ingest-server/src/testing/test-server';
import { CDN, standInOfficeJs } from './office-js-stand-in';

let browser: Browser;

describe('served by the ingest server: PORTFUND_OFFICE_JS decides at run time, ?officejs= overrides it', () => {
  const ingest = new Map<'cdn' | 'local', TestServer>();

  beforeAll(async () => {
    // addin/dist was built by the test run's global setup; each server serves it under /addin/ with its own setting
    for (const officeJs of ['cdn', 'local'] as const) ingest.set(officeJs, await startTestServer({ config: { officeJs } }));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    for (const s of ingest.values()) await s.close();
  });

  it.each([
    ['local', '', '/office-js/office.js'],
    ['local', '?officejs=cdn', CDN],
    ['cdn', '', CDN],
    ['cdn', '?officejs=local', '/office-js/office.js'],
  ] as const)('PORTFUND_OFFICE_JS=%s, taskpane.html%s → %s', async (setting, query, officeJs) => {
    const origin = ingest.get(setting)?.url ?? '';
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const requested = await standInOfficeJs(page);
    await page.goto(`${origin}/addin/taskpane.html${query}`);
    await page.getByText('請在 Excel 中開啟').waitFor();
    expect(requested).toEqual([officeJs === CDN ? CDN : `${origin}${officeJs}`]);
    await page.close();
  });
});
