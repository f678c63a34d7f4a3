// Office.js outside Office, for UI tests: every office.js request is answered with a stand-in whose onReady resolves with
// no host (the pane then says to open it in Excel), and the test learns which office.js the pane asked for.
import { type Page } from 'playwright-core';

export const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Answers every office.js request with a stand-in (outside Office, onReady resolves with no host); lists the requests. */
export const standInOfficeJs = async (page: Page): Promise<string[]> => {
  const requested: string[] = [];
  await page.route(/office\.js$/, (route) => {
    requested.push(route.request().url());
    return route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: null, platform: null }) };' });
  });
  await page.route(/^(?!http:\/\/127\.0\.0\.1)(?!.*office\.js$)/, (route) => route.abort());
  return requested;
};
