// Login throttling over real HTTP (issue 14): guesses slow an account down with growing delays but never lock its owner
// out of a browser that signed in before; parallel correct logins are never refused; per-address limits count failures
// only and see the client behind a trusted proxy alone; the state lives in the database (another process sees it).
import { type AddressInfo } from 'node:net';
import { type Server } from 'node:http';
import { createApp } from '../http/app';
import { call } from '../testing/http';
import { PASSWORD, startTestServer, type TestServer } from '../testing/test-server';
import { pruneAuthTables } from '../services/auth-service';
import { delayAfterFailures, FREE_FAILURES, MAX_DELAY_SECONDS, MAX_FAILURES_PER_ADDRESS } from '../services/login-throttle';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface LoginOptions {
  readonly device?: string | undefined;
  readonly forwardedFor?: string;
  readonly target?: TestServer | { url: string };
}

const login = (username: string, password: string, options: LoginOptions = {}) =>
  fetch(`${(options.target ?? server).url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.device === undefined ? {} : { cookie: options.device }),
      ...(options.forwardedFor === undefined ? {} : { 'x-forwarded-for': options.forwardedFor }),
    },
    body: JSON.stringify({ username, password }),
  });

/** The device cookie a successful login sets ("pf_device=…"), to send back as a browser would. */
const deviceCookie = (res: Response): string => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pf_device='));
  if (cookie === undefined) throw new Error('no device cookie');
  return cookie.split(';')[0] ?? '';
};

const newUser = async (username: string): Promise<void> => {
  const admin = await server.login('admin');
  const created = await call(`${server.url}/api/users`, admin, 'POST', { username, password: PASSWORD, organizationId: server.seed.unionX.id });
  expect(created.status).toBe(201);
};

/** As if the guessing had gone on for a while: the running delay lasts 15 minutes (so no test depends on the clock). */
const prolongDelay = (key: string) => server.db('login_throttles').where('key', key).update({ blocked_until: new Date(Date.now() + 15 * 60_000) });

const message = async (res: Response): Promise<string> => ((await res.json()) as { error: { message: string } }).error.message;

describe('delays', () => {
  it('grow from the fifth failure: 32, 64, 128 … seconds, at most 15 minutes', () => {
    expect([1, 2, 3, 4].map(delayAfterFailures)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map(delayAfterFailures)).toEqual([32, 64, 128, 256, 512]);
    expect(delayAfterFailures(10)).toBe(MAX_DELAY_SECONDS);
    expect(delayAfterFailures(1000)).toBe(MAX_DELAY_SECONDS);
  });

  it('refuse an attempt during the delay with a zh-TW message saying until when (Taipei time); the next failure waits longer', async () => {
    await newUser('delayed');
    for (let i = 0; i < FREE_FAILURES; i += 1) expect((await login('delayed', `wrong-password-${i}`)).status).toBe(401);
    await prolongDelay('account:delayed');
    const limited = await login('delayed', PASSWORD);
    expect(limited.status).toBe(429);
    const row = await server.db('login_throttles').where('key', 'account:delayed').first<{ failures: number; blocked_until: Date }>();
    expect(row.failures).toBe(FREE_FAILURES);
    const until = new Date(row.blocked_until);
    // the first minute at which the wait is over, on Taipei's 民國 date and clock (UTC+8)
    const shown = new Date(Math.ceil(until.getTime() / 60_000) * 60_000 + 8 * 3_600_000);
    const clock = `${String(shown.getUTCHours()).padStart(2, '0')}:${String(shown.getUTCMinutes()).padStart(2, '0')}`;
    const date = `民國${shown.getUTCFullYear() - 1911}年${shown.getUTCMonth() + 1}月${shown.getUTCDate()}日`;
    expect(await message(limited)).toBe(`登入失敗次數過多，請於${date} ${clock} 後再試`);
    // the delay has passed (as if 32 s went by): one more wrong guess is verified, and the next delay is twice as long
    await server.db('login_throttles').where('key', 'account:delayed').update({ blocked_until: new Date(Date.now() - 1000) });
    const before = Date.now();
    expect((await login('delayed', 'wrong-password-x')).status).toBe(401);
    const next = await server.db('login_throttles').where('key', 'account:delayed').first<{ failures: number; blocked_until: Date }>();
    expect(next.failures).toBe(FREE_FAILURES + 1);
    expect(new Date(next.blocked_until).getTime() - before).toBeGreaterThanOrEqual(delayAfterFailures(FREE_FAILURES + 1) * 1000);
    await prolongDelay('account:delayed');
    expect((await login('delayed', PASSWORD)).status).toBe(429);
    // a correct password once the delay is over signs in and clears the account's failures
    await server.db('login_throttles').where('key', 'account:delayed').update({ blocked_until: new Date(Date.now() - 1000) });
    expect((await login('delayed', PASSWORD)).status).toBe(200);
    expect(await server.db('login_throttles').where('key', 'account:delayed').first()).toBeUndefined();
  });
});

describe('the owner of an attacked account', () => {
  it('still signs in from a browser that signed in before, while guesses from elsewhere are throttled', async () => {
    await newUser('attacked');
    const owner = deviceCookie(await login('attacked', PASSWORD));
    const attempts = await Promise.all(Array.from({ length: 30 }, (_, i) => login('attacked', `guess-${i}-2026`)));
    // the attacker had five guesses verified; the rest were refused unverified
    expect(attempts.filter((r) => r.status === 401)).toHaveLength(FREE_FAILURES);
    expect(attempts.filter((r) => r.status === 429)).toHaveLength(30 - FREE_FAILURES);
    await prolongDelay('account:attacked');
    // even the right password is refused to a browser the account has never signed in from…
    expect((await login('attacked', PASSWORD)).status).toBe(429);
    // …but the owner's browser signs in, again and again
    for (let i = 0; i < 3; i += 1) expect((await login('attacked', PASSWORD, { device: owner })).status).toBe(200);
    // the owner's own typos are throttled on their own (the attacker's failures are not theirs)
    expect((await login('attacked', 'owner-typo-2026', { device: owner })).status).toBe(401);
    expect((await login('attacked', PASSWORD, { device: owner })).status).toBe(200);
    // and a device cookie of another account (or a made-up one) is no way around the throttle
    const other = deviceCookie(await login('union-x', PASSWORD));
    expect((await login('attacked', PASSWORD, { device: other })).status).toBe(429);
    expect((await login('attacked', PASSWORD, { device: `pf_device=${'A'.repeat(43)}` })).status).toBe(429);
    const verified = await server.db('login_attempts').where({ username: 'attacked', success: false }).count<{ count: string | number }[]>('* as count');
    expect(Number(verified[0]?.count)).toBe(FREE_FAILURES + 1);
  });

  it('is throttled on that browser too if it keeps failing there (a stolen cookie bounds guessing as well)', async () => {
    await newUser('own-device');
    const device = deviceCookie(await login('own-device', PASSWORD));
    for (let i = 0; i < FREE_FAILURES; i += 1) expect((await login('own-device', `typo-${i}-2026`, { device })).status).toBe(401);
    const [row] = await server.db('login_throttles').where('key', 'like', 'device:%').andWhere('failures', '>=', FREE_FAILURES).select<{ key: string }[]>('key');
    await prolongDelay(row?.key ?? '');
    expect((await login('own-device', PASSWORD, { device })).status).toBe(429);
    // elsewhere the account is not delayed by the device's failures
    expect((await login('own-device', PASSWORD)).status).toBe(200);
  });
});

describe('parallel logins', () => {
  it('never refuses correct ones: 80 parallel logins of one user all succeed', async () => {
    await newUser('busy-user');
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 80 }, () => login('busy-user', PASSWORD)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const sessions = await server.db('sessions').where('user_id', server.db('users').select('id').where('username', 'busy-user')).count<{ count: string | number }[]>('* as count');
    expect(Number(sessions[0]?.count)).toBe(80);
    // (for the report: how long 80 parallel logins take at the test's scrypt cost)
    process.stdout.write(`80 parallel correct logins: ${Date.now() - started} ms\n`);
  });
});

describe('the state', () => {
  it('is in the database: another server process on the same database refuses a throttled account at once', async () => {
    await newUser('shared-state');
    for (let i = 0; i < FREE_FAILURES; i += 1) await login('shared-state', `wrong-password-${i}`);
    await prolongDelay('account:shared-state');
    // a second application on the same database, as a second process (or the same one after a restart) would be
    const app = createApp({ db: server.db, config: server.config, log: () => undefined });
    const other: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      expect((await login('shared-state', PASSWORD, { target: { url } })).status).toBe(429);
      expect((await login('union-y', PASSWORD, { target: { url } })).status).toBe(200);
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe('old state', () => {
  const ago = (ms: number): Date => new Date(Date.now() - ms);
  const HOUR = 3_600_000;

  it('stops counting a claim a crashed process never settled', async () => {
    await newUser('crashed');
    // five attempts "being verified" for three minutes: a process died while checking them
    await server.db('login_attempts').insert(Array.from({ length: FREE_FAILURES }, () => ({ username: 'crashed', ip: '127.0.0.1', success: null, at: ago(3 * 60_000) })));
    expect((await login('crashed', PASSWORD)).status).toBe(200);
  });

  it('forgets a delay a day after the last failure, and prunes old counters, attempts and devices', async () => {
    await newUser('long-ago');
    await server.db('login_throttles').insert({ key: 'account:long-ago', failures: 12, last_failure_at: ago(25 * HOUR), blocked_until: ago(24 * HOUR) });
    await server.db('login_throttles').insert({ key: 'account:recent', failures: 3, last_failure_at: ago(HOUR), blocked_until: null });
    // a day without failures: the counter starts again (the next failure is the first, not the 13th)
    expect((await login('long-ago', 'wrong-password-1')).status).toBe(401);
    expect((await server.db('login_throttles').where('key', 'account:long-ago').first<{ failures: number }>()).failures).toBe(1);
    await server.db('login_throttles').where('key', 'account:long-ago').update({ last_failure_at: ago(25 * HOUR) });
    await server.db('login_attempts').insert({ username: 'long-ago', ip: '127.0.0.1', success: false, at: ago(8 * 24 * HOUR) });
    const userId = server.db('users').select('id').where('username', 'long-ago');
    await server.db('login_devices').insert({ token_hash: 'old-device', user_id: userId, last_used_at: ago(181 * 24 * HOUR) });
    await server.db('login_devices').insert({ token_hash: 'recent-device', user_id: userId, last_used_at: ago(HOUR) });
    await pruneAuthTables(server.db);
    expect(await server.db('login_throttles').whereIn('key', ['account:long-ago', 'account:recent']).pluck('key')).toEqual(['account:recent']);
    expect(await server.db('login_attempts').where('username', 'long-ago').andWhere('at', '<', ago(7 * 24 * HOUR)).first()).toBeUndefined();
    expect(await server.db('login_devices').whereIn('token_hash', ['old-device', 'recent-device']).pluck('token_hash')).toEqual(['recent-device']);
  });
});

describe('per-address limits', () => {
  // the application behind a reverse proxy on loopback, on the same database (its addresses are documentation ones no
  // other test uses; its accounts are the seed's)
  let proxied: { url: string };
  let proxiedServer: Server;
  beforeAll(async () => {
    const app = createApp({ db: server.db, config: { ...server.config, trustProxy: 'loopback' }, log: () => undefined });
    proxiedServer = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    proxied = { url: `http://127.0.0.1:${(proxiedServer.address() as AddressInfo).port}` };
  });
  afterAll(async () => {
    proxiedServer.closeAllConnections();
    await new Promise((resolve) => proxiedServer.close(resolve));
  });

  const failures = (ip: string, n: number) =>
    server.db('login_attempts').insert(Array.from({ length: n }, (_, i) => ({ username: `guess-${i}`, ip, success: false, at: new Date() })));

  it('count failures only, and see the client address the trusted proxy reports', async () => {
    // the attempts of this test are those after the ones before it
    const [before] = await server.db('login_attempts').max<{ last: string | number | null }[]>('id as last');
    const last = before?.last ?? 0;
    const known = deviceCookie(await login('kaohsiung', PASSWORD, { target: proxied, forwardedFor: '203.0.113.7' }));
    // a busy office behind one address: many successful logins never count
    await server.db('login_attempts').insert(Array.from({ length: 3 * MAX_FAILURES_PER_ADDRESS }, () => ({ username: 'union-x', ip: '203.0.113.7', success: true, at: new Date() })));
    await failures('203.0.113.7', MAX_FAILURES_PER_ADDRESS - 1);
    expect((await login('union-x', PASSWORD, { target: proxied, forwardedFor: '203.0.113.7' })).status).toBe(200);
    // a user's typos are still answered: the address has one failure left
    expect((await login('union-y', 'typo-password-1', { target: proxied, forwardedFor: '203.0.113.7' })).status).toBe(401);
    const limited = await login('union-x', PASSWORD, { target: proxied, forwardedFor: '203.0.113.7' });
    expect(limited.status).toBe(429);
    expect(await message(limited)).toMatch(/^登入失敗次數過多，請於民國\d+年\d+月\d+日 \d\d:\d\d 後再試$/);
    // another client behind the same proxy is not affected
    expect((await login('union-x', PASSWORD, { target: proxied, forwardedFor: '203.0.113.8' })).status).toBe(200);
    // and a browser that signed in before still signs in from the limited address
    expect((await login('kaohsiung', PASSWORD, { target: proxied, forwardedFor: '203.0.113.7', device: known })).status).toBe(200);
    const recorded = await server.db('login_attempts').where('id', '>', last).andWhere({ username: 'union-x', success: true }).whereNot('ip', '203.0.113.7').select('ip');
    expect(recorded.map((r: { ip: string }) => r.ip)).toEqual(['203.0.113.8']);
  });

  it('ignore X-Forwarded-For when no proxy is trusted (the default)', async () => {
    await failures('198.51.100.9', MAX_FAILURES_PER_ADDRESS);
    expect((await login('kaohsiung', PASSWORD, { forwardedFor: '198.51.100.9' })).status).toBe(200);
    expect((await login('kaohsiung', 'wrong-password-x', { forwardedFor: '198.51.100.9' })).status).toBe(401);
    const recorded = await server.db('login_attempts').where({ username: 'kaohsiung' }).select('ip');
    expect(recorded.map((r: { ip: string }) => r.ip)).not.toContain('198.51.100.9');
    expect(recorded.length).toBeGreaterThan(0);
  });
});
