// The task pane's run-time Office.js setting: /addin/config.js answers the server's PORTFUND_OFFICE_JS.
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../config';
import { startTestServer, type TestServer } from '../testing/test-server';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** Runs the served script as the page would and answers what it told the boot script. */
const servedSetting = async (server: TestServer): Promise<{ setting: unknown; type: string | null; cache: string | null }> => {
  const res = await fetch(`${server.url}/addin/config.js`);
  expect(res.status).toBe(200);
  const window: { __PORTFUND_OFFICE_JS__?: unknown } = {};
  runInNewContext(await res.text(), { window });
  return { setting: window.__PORTFUND_OFFICE_JS__, type: res.headers.get('content-type'), cache: res.headers.get('cache-control') };
};

describe('GET /addin/config.js', () => {
  it.each([
    [{}, 'cdn'],
    [{ PORTFUND_OFFICE_JS: 'local' }, 'local'],
    [{ PORTFUND_OFFICE_JS: 'cdn' }, 'cdn'],
  ])('with %j tells the pane %s, as JavaScript that is never served stale', async (env, expected) => {
    const server = await startTestServer({ config: { officeJs: loadConfig(env).officeJs } });
    servers.push(server);
    const served = await servedSetting(server);
    expect(served.setting).toBe(expected);
    expect(served.type).toMatch(/^text\/javascript/);
    expect(served.cache).toBe('no-cache');
  }, 120_000);
});
