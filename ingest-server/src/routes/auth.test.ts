// Signing in and who may create whom, over real HTTP: tokens and cookies, expiry, throttling under parallel guesses
// (the rest of throttling: login-throttle.test.ts), password storage and re-hashing, the password policy wherever a
// password is set, changing one's password, an admin's reset, disabling users, the bootstrap administrator and the reach
// of each kind of administrator.
import { call } from '../testing/http';
import { PASSWORD, startTestServer, TEST_PASSWORD_COST, type TestServer, UNION_Y_UBN } from '../testing/test-server';
import { createDb, migrate } from '../db/connection';
import { bootstrapAdmin } from '../services/users';
import { hashPassword, SCRYPT_COST, verifyPassword } from '../services/passwords';
import { loadConfig } from '../config';
import { PASSWORD_PROBLEM_LABELS } from '@portfund/api-contract';

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
    // the test server hashes at a low cost (TEST_PASSWORD_COST); the production cost is asserted below
    expect(row.password_hash).toMatch(new RegExp(`^scrypt\\$${server.config.passwordCost.N}\\$8\\$1\\$`));
    expect(row.password_hash).not.toContain(PASSWORD);
    const me = await call(`${server.url}/api/auth/me`, await server.login('union-x'));
    expect(JSON.stringify(me.body)).not.toContain('scrypt');
  });

  it('refuses a wrong password, then delays the account after five failures — even the right password from a new browser', async () => {
    expect((await login('union-y', 'wrong-password-1')).status).toBe(401);
    for (let i = 0; i < 4; i += 1) await login('union-y', `wrong-password-${i}`);
    // make the delay last, so the test does not depend on the clock
    await server.db('login_throttles').where('key', 'account:union-y').update({ blocked_until: new Date(Date.now() + 15 * 60_000) });
    const limited = await login('union-y', PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/^登入失敗次數過多，請於民國\d+年\d+月\d+日 \d\d:\d\d 後再試$/);
    // another account is not affected
    expect((await login('kaohsiung', PASSWORD)).status).toBe(200);
  });

  it('hashes at the production cost outside tests: scrypt N=2^17, r=8, p=1', async () => {
    const cost = loadConfig({}).passwordCost;
    expect(cost).toEqual(SCRYPT_COST);
    const hash = await hashPassword(PASSWORD, cost);
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, hash)).toBe(false);
  });

  it('re-hashes a password stored at an older cost at the next successful login, and only then', async () => {
    const current = server.config.passwordCost;
    const old = await hashPassword(PASSWORD, { ...current, N: current.N / 2 });
    await server.db('users').where('username', 'reviewer').update({ password_hash: old });
    expect((await login('reviewer', 'not-the-password-1')).status).toBe(401);
    expect((await server.db('users').where('username', 'reviewer').first<{ password_hash: string }>()).password_hash).toBe(old);
    expect((await login('reviewer', PASSWORD)).status).toBe(200);
    const stored = (await server.db('users').where('username', 'reviewer').first<{ password_hash: string }>()).password_hash;
    expect(stored).toMatch(new RegExp(`^scrypt\\$${current.N}\\$8\\$1\\$`));
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect((await login('reviewer', PASSWORD)).status).toBe(200);
  });

  it('verifies at most five of 40 parallel wrong passwords for one account; the rest are refused unverified', async () => {
    const admin = await server.login('admin');
    const target = await call(`${server.url}/api/users`, admin, 'POST', { username: 'parallel-target', password: PASSWORD, organizationId: server.seed.unionX.id });
    expect(target.status).toBe(201);
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => login('parallel-target', `wrong-password-${i}`)));
    const statuses = replies.map((r) => r.status);
    // a 401 is a password that was verified and wrong; a 429 was refused before any verification
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    await server.db('login_throttles').where('key', 'account:parallel-target').update({ blocked_until: new Date(Date.now() + 15 * 60_000) });
    const attempts = await server.db('login_attempts').where('username', 'parallel-target').count<{ count: string | number }[]>('* as count');
    expect(Number(attempts[0]?.count)).toBe(5);
    expect((await login('parallel-target', PASSWORD)).status).toBe(429);
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

  it('names the field in zh-TW when a login body is invalid', async () => {
    const missing = await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'x' });
    expect(missing.body.error.message).toBe('密碼（password）：為必填');
    const empty = await call(`${server.url}/api/auth/login`, null, 'POST', { username: '', password: 'x' });
    expect(empty.body.error.message).toBe('帳號（username）：不可空白');
    const extra = await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'x', password: 'y', remember: true });
    expect(extra.body.error.message).toBe('不支援的欄位：remember');
    for (const reply of [missing, empty, extra]) expect(JSON.stringify(reply.body)).not.toMatch(/Invalid|expected|received|Unrecognized/);
  });

  it('refuses a NUL or another control character in the username with 400, not a database error', async () => {
    for (const username of ['union-x\u0000', 'union\u0007x']) {
      const reply = await call(`${server.url}/api/auth/login`, null, 'POST', { username, password: PASSWORD });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toContain('帳號（username）');
      expect(reply.body.error.message).toContain('控制字元');
    }
  });

  it('ends an expired session', async () => {
    const token = await server.login('taichung');
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(200);
    await server.db('sessions').update({ expires_at: new Date(Date.now() - 1000) });
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(401);
  });
});

describe('the session', () => {
  const sessionCookie = async (username: string): Promise<{ cookie: string; csrfToken: string; token: string }> => {
    const res = await login(username, PASSWORD);
    const body = (await res.json()) as { token: string; csrfToken: string };
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken: body.csrfToken, token: body.token };
  };

  it('gives a reloaded page (cookie only) its CSRF token through /api/auth/me, so it can write again', async () => {
    const { cookie, csrfToken } = await sessionCookie('kaohsiung');
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    const body = (await me.json()) as { csrfToken: string; expiresAt: string; user: { username: string } };
    expect(body).toMatchObject({ csrfToken, user: { username: 'kaohsiung' } });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const write = await fetch(`${server.url}/api/notifications/read-all`, { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(write.status).toBe(200);
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(logout.status).toBe(204);
  });

  it('changes one\'s own password: the current one is checked, the policy holds, other sessions end', async () => {
    const admin = await server.login('admin');
    expect((await call(`${server.url}/api/users`, admin, 'POST', { username: 'changer', password: PASSWORD, organizationId: server.seed.localB.id })).status).toBe(201);
    const mine = await server.login('changer');
    const other = await server.login('changer');
    const change = (body: unknown) => call(`${server.url}/api/auth/password`, mine, 'POST', body);
    const wrong = await change({ currentPassword: 'Not-the-password-1', newPassword: 'NewSecret2027' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_current_password');
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'short1' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toContain('密碼至少 10 個字元');
    for (const [newPassword, problem] of [
      ['Password12', 'common'],
      ['qwerty1234', 'common'],
      ['Changer2026x', 'contains_username'],
      ['Summer2026', 'guessable'],
    ] as const) {
      const refused = await change({ currentPassword: PASSWORD, newPassword });
      expect([refused.status, refused.body.error.message]).toEqual([400, `新密碼不符密碼規則：${PASSWORD_PROBLEM_LABELS[problem]}`]);
    }
    expect((await change({ currentPassword: PASSWORD, newPassword: PASSWORD })).status).toBe(400);
    expect((await call(`${server.url}/api/auth/me`, other)).status).toBe(200);
    const done = await change({ currentPassword: PASSWORD, newPassword: 'NewSecret2027' });
    expect(done.status).toBe(200);
    expect(done.body.revokedSessions).toBe(1);
    expect((await call(`${server.url}/api/auth/me`, other)).status).toBe(401);
    expect((await call(`${server.url}/api/auth/me`, mine)).status).toBe(200);
    expect((await login('changer', PASSWORD)).status).toBe(401);
    expect((await login('changer', 'NewSecret2027')).status).toBe(200);
  });

  it('needs the CSRF header to change the password through the cookie', async () => {
    const { cookie } = await sessionCookie('taichung');
    const res = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'NewSecret2027' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('disabling a user', () => {
  it('ends the user\'s sessions at once and refuses their login, within the admin\'s reach only', async () => {
    const admin = await server.login('admin');
    const created = await call(`${server.url}/api/users`, admin, 'POST', { username: 'leaver', password: PASSWORD, organizationId: server.seed.unionX.id });
    const leaver = await server.login('leaver');
    // another jurisdiction's admin cannot even see the user
    const localB = await call(`${server.url}/api/users`, admin, 'POST', { username: 'kaohsiung-admin', password: PASSWORD, organizationId: server.seed.localB.id, isAdmin: true });
    expect(localB.status).toBe(201);
    const outsider = await server.login('kaohsiung-admin');
    expect((await call(`${server.url}/api/users/${created.body.id}`, outsider, 'PATCH', { disabled: true })).status).toBe(404);
    expect((await call(`${server.url}/api/auth/me`, leaver)).status).toBe(200);
    const localAdmin = await server.login('taichung-admin');
    const disabled = await call(`${server.url}/api/users/${created.body.id}`, localAdmin, 'PATCH', { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ username: 'leaver', disabled: true });
    expect((await call(`${server.url}/api/auth/me`, leaver)).status).toBe(401);
    expect((await login('leaver', PASSWORD)).status).toBe(401);
    expect((await call(`${server.url}/api/users/${created.body.id}`, localAdmin, 'PATCH', { disabled: false })).body.disabled).toBe(false);
    expect((await login('leaver', PASSWORD)).status).toBe(200);
  });

  it('does not let an admin disable themselves, and answers unknown or oversized ids with 404', async () => {
    const admin = await server.login('admin');
    const self = await call(`${server.url}/api/users/${server.seed.users.admin.id}`, admin, 'PATCH', { disabled: true });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toContain('自己');
    expect((await call(`${server.url}/api/users/99999999999`, admin, 'PATCH', { disabled: true })).status).toBe(404);
    const bad = await call(`${server.url}/api/users/${server.seed.users.unionY.id}`, admin, 'PATCH', { disabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('停用（disabled）');
  });
});

describe('administrators', () => {
  it('lets a local-government admin create unions and users in its jurisdiction only', async () => {
    const admin = await server.login('taichung-admin');
    const union = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '臺中港區新工會', ubn: '10458570' });
    expect(union.status).toBe(201);
    expect(union.body.parentId).toBe(server.seed.localA.id);
    expect((await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'local_gov', name: '某縣政府' })).status).toBe(403);
    const user = await call(`${server.url}/api/users`, admin, 'POST', { username: 'new-accountant', password: 'Ledger-keeper-2031', organizationId: union.body.id });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ role: 'union', isAdmin: false });
    // a union of another jurisdiction does not exist for this admin
    const other = await call(`${server.url}/api/users`, admin, 'POST', { username: 'intruder', password: 'Ledger-keeper-2031', organizationId: server.seed.unionY.id });
    expect(other.status).toBe(404);
  });

  it('refuses a union whose UBN fails the checksum, in zh-TW', async () => {
    const admin = await server.login('taichung-admin');
    const res = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '檢查碼錯誤工會', ubn: '04595258' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('統一編號 04595258');
    expect(res.body.error.message).toContain('檢查碼');
  });

  it('answers a UBN registered in another jurisdiction exactly like one in its own, revealing nothing', async () => {
    const admin = await server.login('taichung-admin');
    const elsewhere = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '高雄的工會', ubn: UNION_Y_UBN });
    const here = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '臺中的工會', ubn: '04595257' });
    expect([elsewhere.status, here.status]).toEqual([409, 409]);
    expect(elsewhere.body).toEqual({ error: { code: 'conflict', message: '此統一編號已登錄，請洽勞動部' } });
    expect(here.body).toEqual(elsewhere.body);
  });

  it('names the field in zh-TW when an admin body is invalid', async () => {
    const admin = await server.login('admin');
    const res = await call(`${server.url}/api/users`, admin, 'POST', { username: 'ab', password: PASSWORD, organizationId: server.seed.unionX.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('帳號（username）：至少 3 個字元');
    const org = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'county', name: '某機關' });
    expect(org.body.error.message).toBe('種類（kind）：須為「local_gov」、「union」其中之一');
    const nul = await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'local_gov', name: '某\u0000機關' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('名稱（name）');
  });

  it('refuses weak passwords, duplicate accounts and UBNs', async () => {
    const admin = await server.login('admin');
    expect((await call(`${server.url}/api/users`, admin, 'POST', { username: 'weak', password: 'onlyletters', organizationId: server.seed.unionX.id })).status).toBe(400);
    for (const [username, password, problem] of [
      ['weak', 'Password12', 'common'],
      ['weak', 'qwerty1234', 'common'],
      ['kaohsiung01', 'kaohsiung01', 'contains_username'],
      ['kaohsiung01', 'KAOHSIUNG01-ledger', 'contains_username'],
      ['weak', 'Taichung2026', 'guessable'],
    ] as const) {
      const refused = await call(`${server.url}/api/users`, admin, 'POST', { username, password, organizationId: server.seed.unionX.id });
      expect([refused.status, refused.body.error.message]).toEqual([400, PASSWORD_PROBLEM_LABELS[problem]]);
    }
    expect((await call(`${server.url}/api/users`, admin, 'POST', { username: 'UNION-X', password: 'Ledger-keeper-2031', organizationId: server.seed.unionX.id })).status).toBe(409);
    expect(
      (await call(`${server.url}/api/organizations`, admin, 'POST', { kind: 'union', name: '重複', ubn: '04595257', parentId: server.seed.localA.id })).status,
    ).toBe(409);
  });

  it('lets an admin reset a password within reach: the policy holds, the user\'s sessions end, the account\'s delay is lifted', async () => {
    const admin = await server.login('taichung-admin');
    const created = await call(`${server.url}/api/users`, admin, 'POST', { username: 'forgetful', password: PASSWORD, organizationId: server.seed.unionX.id });
    const session = await server.login('forgetful');
    for (let i = 0; i < 6; i += 1) await login('forgetful', `forgotten-${i}-2026`);
    await server.db('login_throttles').where('key', 'account:forgetful').update({ blocked_until: new Date(Date.now() + 15 * 60_000) });
    expect((await login('forgetful', PASSWORD)).status).toBe(429);
    const reset = (body: unknown, token = admin) => call(`${server.url}/api/users/${created.body.id}`, token, 'PATCH', body);
    const weak = await reset({ password: 'Forgetful2026' });
    expect([weak.status, weak.body.error.message]).toEqual([400, PASSWORD_PROBLEM_LABELS.contains_username]);
    expect((await reset({ password: 'Password12' })).body.error.message).toBe(PASSWORD_PROBLEM_LABELS.common);
    expect((await reset({}, admin)).status).toBe(400);
    // another jurisdiction's admin cannot reach the user
    expect((await reset({ password: 'Harbour-ledger-2031-kite' }, await server.login('kaohsiung-admin'))).status).toBe(404);
    const done = await reset({ password: 'Harbour-ledger-2031-kite' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ username: 'forgetful', disabled: false });
    expect((await call(`${server.url}/api/auth/me`, session)).status).toBe(401);
    expect((await login('forgetful', PASSWORD)).status).toBe(401);
    expect((await login('forgetful', 'Harbour-ledger-2031-kite')).status).toBe(200);
    // an admin's own password changes only through /api/auth/password (with the current one)
    const self = await call(`${server.url}/api/users/${server.seed.users.localAAdmin.id}`, admin, 'PATCH', { password: 'Harbour-ledger-2031-kite' });
    expect([self.status, self.body.error.message]).toEqual([400, '請以「變更密碼」變更自己的密碼（須輸入目前的密碼）']);
  });

  it('creates the bootstrap ministry administrator only while no user exists', async () => {
    expect(await bootstrapAdmin(server.db, 'second-admin:Harbour-ledger-2031-kite')).toBeNull();
    await expect(bootstrapAdmin(server.db, 'no-colon')).rejects.toThrow('PORTFUND_BOOTSTRAP_ADMIN');
    // a password the policy refuses stops the start-up with the reason
    await expect(bootstrapAdmin(server.db, 'mol-admin:short')).rejects.toThrow('PORTFUND_BOOTSTRAP_ADMIN 的密碼不符密碼規則：密碼至少 10 個字元');
    await expect(bootstrapAdmin(server.db, 'mol-admin:onlyletterslong')).rejects.toThrow('英文字母與數字');
    await expect(bootstrapAdmin(server.db, 'mol-admin:ChangeMe2026')).rejects.toThrow(`PORTFUND_BOOTSTRAP_ADMIN 的密碼不符密碼規則：${PASSWORD_PROBLEM_LABELS.common}`);
    await expect(bootstrapAdmin(server.db, 'mol-admin:Mol-admin-2031')).rejects.toThrow(PASSWORD_PROBLEM_LABELS.contains_username);
    // a brand-new database (embedded PGlite): the first start creates the ministry and its administrator
    const fresh = createDb({});
    try {
      await migrate(fresh);
      const admin = await bootstrapAdmin(fresh, 'mol-admin:pass:with:colons1', TEST_PASSWORD_COST);
      expect(admin).toMatchObject({ username: 'mol-admin', role: 'ministry', is_admin: true });
      expect(await verifyPassword('pass:with:colons1', admin?.password_hash ?? '')).toBe(true);
      const ministries = await fresh('organizations').where('kind', 'ministry').count<{ count: string | number }[]>('* as count');
      expect(Number(ministries[0]?.count)).toBe(1);
      expect(await bootstrapAdmin(fresh, 'mol-admin:Second-harbour-key-77')).toBeNull();
    } finally {
      await fresh.destroy();
    }
  });
});
