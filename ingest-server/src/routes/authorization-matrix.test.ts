// Who may call what: every documented endpoint × every role over real HTTP — a union, another union, the local government
// of the filing's jurisdiction, another local government, the ministry, a ministry administrator and no one signed in.
// The table must cover every path and method of /api/openapi.json, so a new endpoint cannot slip in unchecked.
import { call, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { cashbookBytes, cashbookName } from '../testing/workbooks';

type Role = 'anon' | 'unionX' | 'unionY' | 'localA' | 'localB' | 'ministry' | 'admin';
const ROLES: readonly Role[] = ['anon', 'unionX', 'unionY', 'localA', 'localB', 'ministry', 'admin'];
const USERNAMES: Readonly<Record<Exclude<Role, 'anon'>, string>> = {
  unionX: 'union-x',
  unionY: 'union-y',
  localA: 'taichung',
  localB: 'kaohsiung',
  ministry: 'reviewer',
  admin: 'admin',
};

interface Case {
  readonly method: 'get' | 'post';
  /** The documented path; {placeholders} are filled from the setup. */
  readonly path: string;
  readonly query?: string;
  /** Which setup value fills a placeholder when it is not the one of the same name (e.g. {id} of a notification). */
  readonly vars?: Readonly<Record<string, string>>;
  readonly body?: (role: Role) => unknown;
  readonly expect: Readonly<Record<Role, number>>;
}

const all = (status: number, anon = 401): Record<Role, number> => ({
  anon,
  unionX: status,
  unionY: status,
  localA: status,
  localB: status,
  ministry: status,
  admin: status,
});
// a filing of union X (jurisdiction A): X, A and the ministry see it; Y and B get 404 (it does not exist for them)
const filingScope: Record<Role, number> = { anon: 401, unionX: 200, unionY: 404, localA: 200, localB: 404, ministry: 200, admin: 200 };
const adminOnly = (created: number): Record<Role, number> => ({ ...all(403), admin: created });

let server: TestServer;
const tokens = new Map<Role, string | null>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  tokens.set('anon', null);
  for (const role of ROLES) if (role !== 'anon') tokens.set(role, await server.login(USERNAMES[role]));
  const filed = await upload(server.url, tokens.get('unionX') ?? null, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookBytes(1) }]);
  ids.id = String(filed.body.id);
  ids.ubn = UNION_X_UBN;
  ids.kind = 'cashbook';
  // a notification for union X: the local government takes the filing into review
  await call(`${server.url}/api/filings/${ids.id}/review`, tokens.get('localA') ?? null, 'POST', { decision: 'accept', lockVersion: filed.body.lockVersion });
  const notes = await call(`${server.url}/api/notifications`, tokens.get('unionX') ?? null);
  ids.notification = String(notes.body.notifications[0].id);
});
afterAll(() => server.close());

let unique = 0;
const CASES: readonly Case[] = [
  { method: 'get', path: '/api/auth/me', expect: all(200) },
  { method: 'get', path: '/api/organizations', expect: all(200) },
  {
    method: 'post',
    path: '/api/organizations',
    body: () => ({ kind: 'local_gov', name: `新機關${(unique += 1)}` }),
    expect: adminOnly(201),
  },
  { method: 'get', path: '/api/users', expect: adminOnly(200) },
  {
    method: 'post',
    path: '/api/users',
    body: () => ({ username: `new-user-${(unique += 1)}`, password: 'Portfund2026pw', organizationId: server.seed.unionX.id }),
    expect: adminOnly(201),
  },
  // no file attached: the role check comes first, then the 400 for the missing file
  { method: 'post', path: '/api/filings', expect: { anon: 401, unionX: 400, unionY: 400, localA: 400, localB: 400, ministry: 403, admin: 403 } },
  { method: 'get', path: '/api/filings', expect: all(200) },
  { method: 'get', path: '/api/filings/{id}', expect: filingScope },
  { method: 'get', path: '/api/filings/{id}/file', expect: filingScope },
  { method: 'get', path: '/api/filings/{id}/review', expect: filingScope },
  { method: 'get', path: '/api/filings/{id}/history', expect: filingScope },
  // the filing is in local review: only its local government may decide now (approve needs the current lockVersion: 409 here)
  {
    method: 'post',
    path: '/api/filings/{id}/review',
    body: () => ({ decision: 'approve', opinion: '', lockVersion: 999 }),
    expect: { anon: 401, unionX: 403, unionY: 404, localA: 409, localB: 404, ministry: 409, admin: 409 },
  },
  { method: 'get', path: '/api/notifications', expect: all(200) },
  { method: 'post', path: '/api/notifications/{id}/read', vars: { id: 'notification' }, expect: { anon: 401, unionX: 200, unionY: 404, localA: 404, localB: 404, ministry: 404, admin: 404 } },
  { method: 'post', path: '/api/notifications/read-all', expect: all(200) },
  { method: 'get', path: '/api/reminders/overdue', query: 'year=115', expect: all(200) },
  { method: 'post', path: '/api/reminders/run', expect: adminOnly(200) },
  { method: 'get', path: '/api/reports/unions', query: 'year=115&quarter=1', expect: all(200) },
  { method: 'get', path: '/api/reports/local-governments', query: 'year=115&quarter=1', expect: all(200) },
  { method: 'get', path: '/api/reports/unions/{ubn}/balances', query: 'year=115', expect: filingScope },
  { method: 'get', path: '/templates/{kind}.xlsx', query: 'year=115', expect: all(200, 200) },
];

const fill = (c: Case): string => c.path.replace(/\{(\w+)\}/g, (_, key: string) => ids[c.vars?.[key] ?? key] ?? `{${key}}`);

describe.each(CASES)('$method $path', (c) => {
  it.each(ROLES)('as %s', async (role) => {
    const url = `${server.url}${fill(c)}${c.query === undefined ? '' : `?${c.query}`}`;
    const reply = await call(url, tokens.get(role) ?? null, c.method.toUpperCase(), c.body?.(role));
    expect({ role, status: reply.status }).toEqual({ role, status: c.expect[role] });
  });
});

describe('scoped lists', () => {
  it('show another union and another jurisdiction nothing of union X', async () => {
    for (const role of ['unionY', 'localB'] as const) {
      const list = await call(`${server.url}/api/filings`, tokens.get(role) ?? null);
      expect(list.body.filings.filter((f: { ubn: string }) => f.ubn === UNION_X_UBN)).toEqual([]);
      const report = await call(`${server.url}/api/reports/unions?year=115&quarter=1`, tokens.get(role) ?? null);
      expect(report.body.rows.filter((r: { ubn: string }) => r.ubn === UNION_X_UBN)).toEqual([]);
    }
  });

  it('ends a session at logout', async () => {
    const token = await server.login('union-x');
    expect((await call(`${server.url}/api/auth/logout`, token, 'POST')).status).toBe(204);
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(401);
    expect((await call(`${server.url}/api/auth/logout`, null, 'POST')).status).toBe(401);
  });
});

it('covers every documented endpoint', async () => {
  const doc = (await call(`${server.url}/api/openapi.json`, null)).body as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
  const covered = new Set([...CASES.map((c) => `${c.method} ${c.path}`), 'post /api/auth/login', 'post /api/auth/logout', ...REGISTRY_COVERED]);
  expect(documented.filter((d) => !covered.has(d))).toEqual([]);
});

// the registry endpoints have their own role matrix in routes/imports.test.ts (401, union 403, another local government 404,
// own local government 200, ministry reads with ?org=): local governments import and read only their own registries
const REGISTRY_COVERED: readonly string[] = [
  'post /api/registry/imports/{kind}',
  'get /api/registry/imports',
  'get /api/registry/imports/{id}',
  'get /api/registry/imports/{id}/report.xlsx',
  'get /api/registry/units',
  'get /api/registry/volunteers',
  'get /api/registry/unions',
  'get /api/registry/eligibility',
  'get /api/registry/semiannual',
];
