// POST /api/setup over real HTTP on a server that starts with no account (on PGlite, and on PostgreSQL in test:db): the
// one-time code from the log creates the ministry and its first administrator once — a wrong code is refused, and of two
// submissions at once exactly one succeeds (the advisory lock in services/setup.ts).
import { call } from '../testing/http';
import { startTestServer, type TestServer } from '../testing/test-server';
import { newSetupCode } from '../services/setup';

const ADMIN_PASSWORD = 'Harbour-ledger-2031-kite';

let server: TestServer;
let setupCode: string;

beforeAll(async () => {
  setupCode = newSetupCode();
  server = await startTestServer({ empty: true, setupCode });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const setup = (code: string, username: string): Promise<{ status: number; body: any }> =>
  call(`${server.url}/api/setup`, null, 'POST', { code, username, password: ADMIN_PASSWORD, displayName: '勞動部系統管理者', email: 'admin@mol.test' });

describe('first-run setup', () => {
  it('is open while no account exists and refuses a wrong code without creating anything', async () => {
    expect((await call(`${server.url}/api/auth/options`, null)).body).toEqual({ mail: false, setup: true });
    const wrong = await setup('WRNG-CODE-0000-0000-0000', 'mol-admin');
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'setup_code']);
    expect(wrong.body.error.message).toContain('設定碼不正確');
    expect(Number((await server.db('users').count('* as count'))[0]?.count)).toBe(0);
  });

  it('creates the ministry and one administrator when two submit the right code at once, then closes', async () => {
    // the code as copied from the log, in lower case, works; both race for the first account
    const [a, b] = await Promise.all([setup(setupCode.toLowerCase(), 'mol-admin'), setup(setupCode, 'other-admin')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)?.body.error.code).toBe('setup_done');
    const created = [a, b].find((r) => r.status === 201)?.body;
    expect(created).toMatchObject({ role: 'ministry', isAdmin: true, displayName: '勞動部系統管理者', email: 'admin@mol.test', organization: { kind: 'ministry', name: '勞動部' } });
    expect((await server.db('users').select('username')).map((u: { username: string }) => u.username)).toEqual([created.username]);
    expect(Number((await server.db('organizations').where('kind', 'ministry').count('* as count'))[0]?.count)).toBe(1);
    const audit = await server.db('admin_audit').where('action', 'setup.admin');
    expect(audit.map((r: { actor_id: number | null; target_user_id: number; details: unknown }) => [r.actor_id, r.target_user_id, r.details])).toEqual([[null, created.id, { via: 'setup_page' }]]);
    // the administrator signs in with the chosen password; the code opens nothing any more
    await expect(server.login(created.username, ADMIN_PASSWORD)).resolves.toEqual(expect.any(String));
    const again = await setup(setupCode, 'third-admin');
    expect([again.status, again.body.error.code]).toEqual([409, 'setup_done']);
    expect((await call(`${server.url}/api/auth/options`, null)).body).toEqual({ mail: false, setup: false });
  });
});
