// Signing in and who may create whom, over real HTTP: tokens and cookies, expiry, rate limiting, password storage,
// the bootstrap administrator and the reach of each kind of administrator.
import { call } from '../testing/http';
import { PASSWORD, startTestServer, type TestServer } from '../testing/test-server';
import { createDb, migrate } from '../db/connection';
import { bootstrapAdmin } from '../services/users';
import { verifyPassword } from '../services/passwords';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const login = (username: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('login', () => {
  it('returns a bearer token and sets an HttpOnly, SameSite=Strict session cookie that also works', async () => {
    const res = await login('union-x', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; csrfToken: string; expiresAt: string; user: { username: string; role: string } };
    expect(body.user).toMatchObject({ username: 'union-x', role: 'union' });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/pf_session=[\w-]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await call(`${server.url}/api/auth/me`, body.token)).status).toBe(200);
    const viaCookie = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(viaCookie.status).toBe(200);
    // a write through the cookie alone needs the CSRF header
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(logout.status).toBe(403);
  });

  it('stores only an scrypt hash and never returns it', async () => {
    const row = await server.db('users').where('username', 'union-x').first<{ password_hash: string }>();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const me = await call(`${server.url}/api/auth/me`, await server.login('union-x'));
    expect(JSON.stringify(me.body)).not.toContain('scrypt');
  });

  it('refuses a wrong password, then rate-limits the account after five failures — even with the right password', async () => {
    expect((await login('union-y', 'wrong-password-1')).status).toBe(401);
    for (let i = 0; i < 4; i += 1) await login('union-y', `wrong-password-${i}`);
    const limited = await login('union-y', PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toContain('15 分鐘');
    // another account is not affected
    expect((await login('kaohsiung', PASSWORD)).status).toBe(200);
  });

  it('answers an unknown account like a wrong password', async () => {
    const res = await login('nobody', PASSWORD);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
  });

  it('rejects a malformed body with 400', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(res.status).toBe(400);
    expect((await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'x' })).status).toBe(400);
  });

  it('ends an expired session', async () => {
    const token = await server.login('taichung');
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(200);
    await server.db('sessions').update({ expires_at: new Date(Date.now() - 1000) });
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(401);
  });
});

describe('administrators', () => {
  it('lets a local-government admin create unions and users in its jurisdiction only', async () => {
    const admin = await server.login('taichung-admin');
    const union = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '臺中港區新工會', ubn: '10458570' });
    expect(union.status).toBe(201);
    expect(union.body.parentId).toBe(server.seed.localA.id);
    expect((await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'local_gov', name: '某縣政府' })).status).toBe(403);
    const user = await call(`${server.url}/api/users`, admin, 'POST', { username: 'new-accountant', password: 'Accountant2026', organizationId: union.body.id });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ role: 'union', isAdmin: false });
    // a union of another jurisdiction does not exist for this admin
    const other = await call(`${server.url}/api/users`, admin, 'POST', { username: 'intruder', password: 'Accountant2026', organizationId: server.seed.unionY.id });
    expect(other.status).toBe(404);
  });

  it('refuses weak passwords, duplicate accounts and UBNs', async () => {
    const admin = await server.login('admin');
    expect((await call(`${server.url}/api/users`, admin, 'POST', { username: 'weak', password: 'onlyletters', organizationId: server.seed.unionX.id })).status).toBe(400);
    expect((await call(`${server.url}/api/users`, admin, 'POST', { username: 'UNION-X', password: 'Accountant2026', organizationId: server.seed.unionX.id })).status).toBe(409);
    expect(
      (await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '重複', ubn: '04595257', parentId: server.seed.localA.id })).status,
    ).toBe(409);
  });

  it('creates the bootstrap ministry administrator only while no user exists', async () => {
    expect(await bootstrapAdmin(server.db, 'second-admin:Bootstrap2026')).toBeNull();
    await expect(bootstrapAdmin(server.db, 'no-colon')).rejects.toThrow('PORTFUND_BOOTSTRAP_ADMIN');
    // a brand-new database (embedded PGlite): the first start creates the ministry and its administrator
    const fresh = createDb({});
    try {
      await migrate(fresh);
      const admin = await bootstrapAdmin(fresh, 'mol-admin:pass:with:colons1');
      expect(admin).toMatchObject({ username: 'mol-admin', role: 'ministry', is_admin: true });
      expect(await verifyPassword('pass:with:colons1', admin?.password_hash ?? '')).toBe(true);
      const ministries = await fresh('organizations').where('kind', 'ministry').count<{ count: string | number }[]>('* as count');
      expect(Number(ministries[0]?.count)).toBe(1);
      expect(await bootstrapAdmin(fresh, 'mol-admin:again')).toBeNull();
    } finally {
      await fresh.destroy();
    }
  });
});
