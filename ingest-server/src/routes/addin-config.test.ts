// The task pane's run-time Office.js setting: /addin/config.js answers the server's PORTFUND_OFFICE_JS.
// One test server (database, seed, job runner); each setting is the whole application (createApp) built over its database
// with that configuration and listening on a port of its own, as main.ts builds it from the environment.
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../config';
import { createApp } from '../http/app';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
const listeners: Server[] = [];
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  for (const l of listeners) await new Promise((resolve) => l.close(resolve));
  await server?.close();
});

/** The application with PORTFUND_OFFICE_JS read from `env`, listening on a free port; answers its URL. */
const appWith = async (env: NodeJS.ProcessEnv): Promise<string> => {
  const app = createApp({ db: server.db, config: { ...server.config, officeJs: loadConfig(env).officeJs } });
  const listener: Server = await new Promise((resolve) => {
    const s = createServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  listeners.push(listener);
  return `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
};

/** Runs the served script as the page would and answers what it told the boot script. */
const servedSetting = async (url: string): Promise<{ setting: unknown; type: string | null; cache: string | null }> => {
  const res = await fetch(`${url}/addin/config.js`);
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
    const served = await servedSetting(await appWith(env));
    expect(served.setting).toBe(expected);
    expect(served.type).toMatch(/^text\/javascript/);
    expect(served.cache).toBe('no-cache');
  });
});
