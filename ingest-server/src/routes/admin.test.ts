// Administration over real HTTP (issue 15): editing and disabling organisations (a disabled one's users cannot sign in),
// editing users, search/filters/paging, bulk creation of unions and users from files (dry run, per-row report, all or
// nothing), the audit log (written with every act, scoped, append-only) and a local-government admin's reach.
import { ubnChecksumOk } from '@portfund/shared-rules';
import { utf8Csv, xlsxOf, type Table } from '../tables/testing/files';
import { call } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN, UNION_Y_UBN } from '../testing/test-server';

let server: TestServer;
let admin: string;
let localAdmin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  localAdmin = await server.login('taichung-admin');
}, 120_000);
afterAll(() => server.close());

let serial = 0;
const freshUbn = (): string => {
  for (;;) {
    serial += 1;
    const candidate = String(30000000 + serial * 13);
    if (ubnChecksumOk(candidate)) return candidate;
  }
};

const postFile = async (path: string, token: string, file: { name: string; bytes: Buffer }, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
};

const auditOf = async (token: string, action?: string) =>
  (await call(`${server.url}/api/admin/audit?limit=200${action === undefined ? '' : `&action=${action}`}`, token)).body as { entries: any[]; total: number };

describe('organisations', () => {
  it('are edited and disabled within reach; a disabled organisation signs its users out and keeps them out', async () => {
    const union = await call(`${server.url}/api/organizations`, localAdmin, 'POST', { kind: 'union', name: '臺中港務工會', ubn: freshUbn(), contactName: '王小明' });
    expect(union.status).toBe(201);
    expect(union.body).toMatchObject({ contactName: '王小明', disabled: false, parentId: server.seed.localA.id });
    const edited = await call(`${server.url}/api/organizations/${union.body.id}`, localAdmin, 'PATCH', { name: '臺中港務職業工會', contactPhone: '04-2656-0000', code: 'TC-9' });
    expect(edited.body).toMatchObject({ name: '臺中港務職業工會', contactPhone: '04-2656-0000', code: 'TC-9' });
    // only the ministry moves a union to another local government
    expect((await call(`${server.url}/api/organizations/${union.body.id}`, localAdmin, 'PATCH', { parentId: server.seed.localB.id })).status).toBe(403);
    // another jurisdiction's union does not exist for this admin
    expect((await call(`${server.url}/api/organizations/${server.seed.unionY.id}`, localAdmin, 'PATCH', { name: 'x' })).status).toBe(404);
    expect((await call(`${server.url}/api/organizations/${server.seed.localA.id}`, localAdmin, 'PATCH', { disabled: true })).status).toBe(400);

    const member = await call(`${server.url}/api/users`, localAdmin, 'POST', { username: 'harbour-clerk', password: 'Quay-ledger-2031-gull', organizationId: union.body.id });
    expect(member.status).toBe(201);
    const token = await server.login('harbour-clerk', 'Quay-ledger-2031-gull');
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(200);
    expect((await call(`${server.url}/api/organizations/${union.body.id}`, localAdmin, 'PATCH', { disabled: true })).body.disabled).toBe(true);
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(401);
    const login = await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'harbour-clerk', password: 'Quay-ledger-2031-gull' });
    expect(login.status).toBe(401);
    await call(`${server.url}/api/organizations/${union.body.id}`, localAdmin, 'PATCH', { disabled: false });
    expect((await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'harbour-clerk', password: 'Quay-ledger-2031-gull' })).status).toBe(200);

    const actions = (await auditOf(localAdmin)).entries.filter((e) => e.targetOrganization?.id === union.body.id).map((e) => e.action);
    expect(actions).toEqual(['org.enable', 'org.disable', 'user.create', 'org.update', 'org.create']);
    const update = (await auditOf(localAdmin, 'org.update')).entries.find((e) => e.targetOrganization?.id === union.body.id);
    expect(update.details).toEqual({ name: '臺中港務職業工會', contact_phone: '04-2656-0000', code: 'TC-9' });
    expect(update.actor.username).toBe('taichung-admin');
  });

  it('are searched and filtered', async () => {
    const found = await call(`${server.url}/api/organizations?q=${UNION_X_UBN}`, admin);
    expect(found.body.organizations.map((o: { ubn: string }) => o.ubn)).toEqual([UNION_X_UBN]);
    const locals = await call(`${server.url}/api/organizations?kind=local_gov`, admin);
    expect(locals.body.organizations.every((o: { kind: string }) => o.kind === 'local_gov')).toBe(true);
    const scoped = await call(`${server.url}/api/organizations?q=${UNION_Y_UBN}`, localAdmin);
    expect(scoped.body.organizations).toEqual([]);
  });
});

describe('users', () => {
  it('are edited (name, e-mail, admin flag), disabled and enabled, each act in the audit log', async () => {
    const id = server.seed.users.unionX.id;
    const edited = await call(`${server.url}/api/users/${id}`, localAdmin, 'PATCH', { displayName: '陳會計', email: 'chen@example.tw', isAdmin: true });
    expect(edited.body).toMatchObject({ displayName: '陳會計', email: 'chen@example.tw', isAdmin: true, mustChangePassword: false, lockedUntil: null });
    expect((await call(`${server.url}/api/users/${id}`, localAdmin, 'PATCH', { isAdmin: false, email: '' })).body).toMatchObject({ isAdmin: false, email: null });
    expect((await call(`${server.url}/api/users/${server.seed.users.localAAdmin.id}`, localAdmin, 'PATCH', { isAdmin: false })).status).toBe(400);
    expect((await call(`${server.url}/api/users/${id}`, localAdmin, 'PATCH', { disabled: true })).body.disabled).toBe(true);
    expect((await call(`${server.url}/api/users/${id}`, localAdmin, 'PATCH', { disabled: false })).body.disabled).toBe(false);
    const entries = (await auditOf(localAdmin)).entries.filter((e) => e.targetUser?.id === id);
    expect(entries.map((e) => e.action)).toEqual(['user.enable', 'user.disable', 'user.update', 'user.update']);
    expect(entries[3].details).toEqual({ display_name: '陳會計', email: 'chen@example.tw', is_admin: true });
  });

  it('are searched, filtered (role, organisation, disabled, locked) and paged within reach', async () => {
    const all = await call(`${server.url}/api/users?limit=200`, localAdmin);
    expect(all.body.users.every((u: { organization: { id: number } }) => [server.seed.localA.id, server.seed.unionX.id].includes(u.organization.id) || u.organization.id > server.seed.unionY.id)).toBe(true);
    expect(all.body.users.map((u: { username: string }) => u.username)).not.toContain('union-y');
    const search = await call(`${server.url}/api/users?q=TAICHUNG`, localAdmin);
    expect(search.body.users.map((u: { username: string }) => u.username).sort()).toEqual(['taichung', 'taichung-admin']);
    const unions = await call(`${server.url}/api/users?role=union&organizationId=${server.seed.unionX.id}`, admin);
    expect(unions.body.users.map((u: { username: string }) => u.username)).toEqual(['union-x']);
    const page = await call(`${server.url}/api/users?limit=2&offset=1`, admin);
    expect(page.body.users).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(3);
    // five failed sign-ins put an account under a delay: the "locked" filter finds it
    for (let i = 0; i < 6; i += 1) await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'kaohsiung', password: 'wrong-password-1' });
    const locked = await call(`${server.url}/api/users?locked=true`, admin);
    expect(locked.body.users.map((u: { username: string }) => u.username)).toEqual(['kaohsiung']);
    expect(Date.parse(locked.body.users[0].lockedUntil)).toBeGreaterThan(Date.now());
    const unlocked = await call(`${server.url}/api/users?locked=false&limit=200`, admin);
    expect(unlocked.body.users.map((u: { username: string }) => u.username)).not.toContain('kaohsiung');
    expect((await call(`${server.url}/api/users?disabled=maybe`, admin)).status).toBe(400);
  });
});

describe('bulk creation', () => {
  it('of unions from a 工會基本資料 file: a dry run reports each row, the apply creates all of them or none', async () => {
    const fresh = [freshUbn(), freshUbn()];
    const table: Table = [
      ['工會名稱', '統一編號', '負責人', '電話', 'Email'],
      ['臺中港碼頭工會', fresh[0] ?? '', '林一', '04-1111111', 'a@example.tw'],
      ['臺中港倉儲工會', `\u3000${(fresh[1] ?? '').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`, '', '', ''],
      ['臺中市港區裝卸職業工會', UNION_X_UBN, '', '', ''],
      ['高雄工會', UNION_Y_UBN, '', '', ''],
      ['', '12345678', '', '', ''],
    ];
    const dry = await postFile('/api/organizations/bulk', localAdmin, { name: 'unions.csv', bytes: utf8Csv(table) }, { dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toEqual({ create: 2, exists: 1, refused: 2 });
    expect(dry.body.rows.map((r: { row: number; status: string; problems: { code: string }[] }) => [r.row, r.status, r.problems.map((p) => p.code)])).toEqual([
      [2, 'create', []],
      [3, 'create', []],
      [4, 'exists', []],
      [5, 'refused', ['ubn_taken']],
      [6, 'refused', ['name_missing', 'ubn_invalid']],
    ]);
    expect(dry.body.rows[4].problems[0].message).toBe('名稱未填');
    // a refused row: nothing is created
    const refused = await postFile('/api/organizations/bulk', localAdmin, { name: 'unions.csv', bytes: utf8Csv(table) }, { dryRun: 'false' });
    expect(refused.status).toBe(422);
    expect((await call(`${server.url}/api/organizations?q=${fresh[0]}`, localAdmin)).body.organizations).toEqual([]);
    const applied = await postFile('/api/organizations/bulk', localAdmin, { name: 'unions.xlsx', bytes: await xlsxOf(table.slice(0, 4)) }, { dryRun: 'false' });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, counts: { create: 2, exists: 1, refused: 0 } });
    const created = (await call(`${server.url}/api/organizations?q=${fresh[0]}`, localAdmin)).body.organizations;
    expect(created).toEqual([expect.objectContaining({ name: '臺中港碼頭工會', parentId: server.seed.localA.id, contactName: '林一', contactEmail: 'a@example.tw' })]);
    expect((await auditOf(localAdmin, 'org.bulk_create')).total).toBe(2);
    // a ministry admin names the local government
    expect((await postFile('/api/organizations/bulk', admin, { name: 'unions.csv', bytes: utf8Csv(table) }, { dryRun: 'true' })).status).toBe(400);
  });

  it('of users from CSV: per-row report, all or nothing, no usable password and a change required', async () => {
    const table: Table = [
      ['帳號', '姓名', 'Email', '統一編號', '機關'],
      ['bulk-one', '張一', 'one@example.tw', UNION_X_UBN, ''],
      ['bulk-two', '李二', '', '', '臺中市政府勞工局'],
      ['bulk-one', '重複', '', UNION_X_UBN, ''],
      ['taichung', '已有', '', UNION_X_UBN, ''],
      ['bulk-three', '', 'not-an-address', UNION_Y_UBN, ''],
      ['x', '', '', '', ''],
    ];
    const dry = await postFile('/api/users/bulk', localAdmin, { name: 'users.csv', bytes: utf8Csv(table) }, { dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body.rows.map((r: { username: string; status: string; organization: string | null; problems: { code: string }[] }) => [r.username, r.status, r.organization, r.problems.map((p) => p.code)])).toEqual([
      ['bulk-one', 'create', '臺中市港區裝卸職業工會', []],
      ['bulk-two', 'create', '臺中市政府勞工局', []],
      ['bulk-one', 'refused', '臺中市港區裝卸職業工會', ['username_duplicate']],
      ['taichung', 'refused', '臺中市港區裝卸職業工會', ['username_taken']],
      ['bulk-three', 'refused', null, ['email_invalid', 'organization_not_found']],
      ['x', 'refused', null, ['username_invalid', 'organization_missing']],
    ]);
    const refused = await postFile('/api/users/bulk', localAdmin, { name: 'users.csv', bytes: utf8Csv(table) }, { dryRun: 'false' });
    expect(refused.status).toBe(422);
    expect((await call(`${server.url}/api/users?q=bulk-`, localAdmin)).body.users).toEqual([]);

    const applied = await postFile('/api/users/bulk', localAdmin, { name: 'users.csv', bytes: utf8Csv(table.slice(0, 3)) }, { dryRun: 'false' });
    expect(applied.body).toMatchObject({ applied: true, counts: { create: 2, refused: 0 } });
    const users = (await call(`${server.url}/api/users?q=bulk-`, localAdmin)).body.users;
    expect(users.map((u: any) => [u.username, u.role, u.mustChangePassword])).toEqual([
      ['bulk-one', 'union', true],
      ['bulk-two', 'local_gov', true],
    ]);
    // no password signs them in until a reset sets one
    expect((await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'bulk-one', password: '' })).status).toBe(400);
    expect((await call(`${server.url}/api/auth/login`, null, 'POST', { username: 'bulk-one', password: '!unset!' })).status).toBe(401);
    expect((await auditOf(localAdmin, 'user.bulk_create')).entries.map((e) => e.targetUser.username).sort()).toEqual(['bulk-one', 'bulk-two']);
  });

  it('refuses a file without the needed columns or that cannot be read', async () => {
    const noColumns = await postFile('/api/users/bulk', localAdmin, { name: 'users.csv', bytes: utf8Csv([['姓名'], ['張一']]) }, { dryRun: 'true' });
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.error.message).toContain('帳號');
    const empty = await postFile('/api/users/bulk', localAdmin, { name: 'users.csv', bytes: Buffer.alloc(0) }, { dryRun: 'true' });
    expect(empty.status).toBe(400);
  });
});

describe('the audit log', () => {
  it('is scoped: a local-government admin sees nothing of another jurisdiction', async () => {
    await call(`${server.url}/api/users/${server.seed.users.unionY.id}`, admin, 'PATCH', { displayName: '高雄會計' });
    const mine = await auditOf(localAdmin);
    expect(mine.entries.filter((e) => e.targetUser?.id === server.seed.users.unionY.id)).toEqual([]);
    const all = await auditOf(admin);
    expect(all.entries.find((e) => e.targetUser?.id === server.seed.users.unionY.id)).toMatchObject({ action: 'user.update', actor: { username: 'admin' } });
    expect(all.entries.map((e) => Date.parse(e.createdAt))).toEqual([...all.entries.map((e) => Date.parse(e.createdAt))].sort((a, b) => b - a));
    expect((await call(`${server.url}/api/admin/audit`, await server.login('taichung'))).status).toBe(403);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(server.db('admin_audit').update({ action: 'user.create' })).rejects.toThrow(/append-only/);
    await expect(server.db('admin_audit').delete()).rejects.toThrow(/append-only/);
    expect((await auditOf(admin)).total).toBeGreaterThan(5);
  });

  it('pages newest first (limit, offset) with the same total on every page, as the console asks for it', async () => {
    const all = await auditOf(admin);
    const ids: number[] = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = (await call(`${server.url}/api/admin/audit?limit=3&offset=${offset}`, admin)).body as { entries: { id: number }[]; total: number };
      expect([page.total, page.entries.length]).toEqual([all.total, Math.min(3, all.total - offset)]);
      ids.push(...page.entries.map((e) => e.id));
    }
    expect(ids).toEqual(all.entries.map((e) => e.id));
  });
});

describe('the API description', () => {
  it('documents every administration path', async () => {
    const doc = (await call(`${server.url}/api/openapi.json`, null)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/organizations/{id}'] ?? {})).toEqual(['patch']);
    for (const path of ['/api/organizations/bulk', '/api/users/bulk']) expect(Object.keys(doc.paths[path] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/users/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/api/admin/audit'] ?? {})).toEqual(['get']);
  });
});
