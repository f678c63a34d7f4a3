// Who may call what: every registered route × every role over real HTTP — a union, another union, the local government
// of the filing's jurisdiction and its administrator, another local government, the ministry, a ministry administrator
// and no one signed in. The routes come from the Express app itself, so a new endpoint cannot slip in unchecked.
import { createHash } from 'node:crypto';
import { ubnChecksumOk } from '@portfund/shared-rules';
import { call, upload } from '../testing/http';
import { registeredRoutes } from '../testing/routes';
import { PASSWORD, startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, cashbookName, cashbookVariantBytes } from '../testing/workbooks';
import { validPdf } from '../attachments/testing/pdfs';

type Role = 'anon' | 'unionX' | 'unionY' | 'localA' | 'localAdmin' | 'localB' | 'ministry' | 'admin';
const ROLES: readonly Role[] = ['anon', 'unionX', 'unionY', 'localA', 'localAdmin', 'localB', 'ministry', 'admin'];
const USERNAMES: Readonly<Record<Exclude<Role, 'anon'>, string>> = {
  unionX: 'union-x',
  unionY: 'union-y',
  localA: 'taichung',
  localAdmin: 'taichung-admin',
  localB: 'kaohsiung',
  ministry: 'reviewer',
  admin: 'admin',
};

interface Case {
  readonly method: 'get' | 'post' | 'patch';
  /** The route as registered; {placeholders} are filled from the setup. */
  readonly path: string;
  readonly query?: string;
  /** Which setup value fills a placeholder when it is not the one of the same name (e.g. {id} of a notification). */
  readonly vars?: Readonly<Record<string, string>>;
  readonly body?: (role: Role) => unknown;
  /** A multipart upload instead of a JSON body (to /api/filings, or with filesToPath to the case's own path). */
  readonly files?: (role: Role) => Promise<{ name: string; bytes: Buffer }[]>;
  readonly filesToPath?: true;
  /** Call with a session of its own (logout must not end the one the other cases use). */
  readonly freshSession?: true;
  readonly expect: Readonly<Record<Role, number>>;
}

const all = (status: number, anon = 401): Record<Role, number> => ({
  anon,
  unionX: status,
  unionY: status,
  localA: status,
  localAdmin: status,
  localB: status,
  ministry: status,
  admin: status,
});
// a filing of union X (jurisdiction A): X, A and the ministry see it; Y and B get 404 (it does not exist for them)
const filingScope: Record<Role, number> = { anon: 401, unionX: 200, unionY: 404, localA: 200, localAdmin: 200, localB: 404, ministry: 200, admin: 200 };
const adminOnly = (created: number): Record<Role, number> => ({ ...all(403), admin: created });

let server: TestServer;
let originalBytes: Buffer;
const tokens = new Map<Role, string | null>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  tokens.set('anon', null);
  for (const role of ROLES) if (role !== 'anon') tokens.set(role, await server.login(USERNAMES[role]));
  // edited in its XML after generation: bytes no regenerated template has
  originalBytes = await cashbookVariantBytes(1, 'ORIG-1');
  const filed = await upload(server.url, tokens.get('unionX') ?? null, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: originalBytes }]);
  ids.id = String(filed.body.id);
  ids.sha256 = createHash('sha256').update(originalBytes).digest('hex');
  ids.ubn = UNION_X_UBN;
  ids.kind = 'cashbook';
  ids.unionXUser = String(server.seed.users.unionX.id);
  ids.unionYUser = String(server.seed.users.unionY.id);
  ids.unionXOrg = String(server.seed.unionX.id);
  ids.unionYOrg = String(server.seed.unionY.id);
  // union X's application with its meeting minutes (the attachment endpoints)
  const application = await upload(server.url, tokens.get('unionX') ?? null, [
    { name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes() },
    { name: `115_${UNION_X_UBN}_metting.pdf`, bytes: await validPdf(1, 'matrix') },
  ]);
  ids.application = String(application.body.results[0].id);
  // a notification for union X: the local government takes the filing into review
  await call(`${server.url}/api/filings/${ids.id}/review`, tokens.get('localA') ?? null, 'POST', { decision: 'accept', lockVersion: filed.body.lockVersion });
  const notes = await call(`${server.url}/api/notifications`, tokens.get('unionX') ?? null);
  ids.notification = String(notes.body.notifications[0].id);
  // a server, eight sign-ins, a checked upload and a review: several minutes on a loaded 2-core machine
}, 300_000);
afterAll(() => server.close());

let unique = 0;
/** A fresh valid UBN (checksum included) for each union created. */
const nextUbn = (): string => {
  for (;;) {
    unique += 1;
    const candidate = String(20000000 + unique * 7);
    if (ubnChecksumOk(candidate)) return candidate;
  }
};

const CASES: readonly Case[] = [
  { method: 'get', path: '/api/health', expect: all(200, 200) },
  { method: 'get', path: '/api/health/live', expect: all(200, 200) },
  { method: 'get', path: '/api/health/ready', expect: all(200, 200) },
  { method: 'get', path: '/api/openapi.json', expect: all(200, 200) },
  { method: 'post', path: '/api/auth/login', body: (role) => ({ username: role === 'anon' ? 'nobody' : USERNAMES[role], password: PASSWORD }), expect: all(200) },
  { method: 'post', path: '/api/auth/logout', freshSession: true, expect: all(204) },
  { method: 'get', path: '/api/auth/me', expect: all(200) },
  // every signed-in role reaches the endpoint (the same password again is refused: 400); no one else does
  { method: 'post', path: '/api/auth/password', body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }), expect: all(400) },
  { method: 'patch', path: '/api/auth/me', body: () => ({ emailOptOut: false }), expect: all(200) },
  // signed out or in, the same: what the login page needs, 忘記密碼 (the same answer for any account), a reset link's use
  { method: 'get', path: '/api/auth/options', expect: all(200, 200) },
  { method: 'post', path: '/api/auth/forgot', body: (role) => ({ login: `nobody-${role}` }), expect: all(202, 202) },
  { method: 'post', path: '/api/auth/reset', body: () => ({ token: 'x'.repeat(43), newPassword: 'Harbour-lantern-48-quay' }), expect: all(400, 400) },
  // users exist (and this server holds no setup code): the first-run setup is closed for everyone
  {
    method: 'post',
    path: '/api/setup',
    body: () => ({ code: 'AAAA-BBBB-CCCC-DDDD-EEEE', username: 'intruder', password: 'Harbour-lantern-48-quay' }),
    expect: all(409, 409),
  },
  // an administrator within reach (mail is off here: the link is not mailed, and nothing about the user changes)
  { method: 'post', path: '/api/users/{id}/password-reset', vars: { id: 'unionXUser' }, body: () => ({ mode: 'link' }), expect: { ...adminOnly(200), localAdmin: 200 } },
  { method: 'post', path: '/api/users/{id}/password-reset', vars: { id: 'unionYUser' }, body: () => ({ mode: 'link' }), expect: { ...adminOnly(200), localAdmin: 404 } },
  { method: 'post', path: '/api/users/{id}/unlock', vars: { id: 'unionXUser' }, expect: { ...adminOnly(200), localAdmin: 200 } },
  { method: 'post', path: '/api/users/{id}/unlock', vars: { id: 'unionYUser' }, expect: { ...adminOnly(200), localAdmin: 404 } },
  { method: 'get', path: '/api/organizations', expect: all(200) },
  {
    method: 'post',
    path: '/api/organizations',
    body: () => ({ kind: 'local_gov', name: `新機關${(unique += 1)}` }),
    expect: adminOnly(201),
  },
  // a union: the ministry admin names the local government; a local-government admin creates it in its own jurisdiction
  {
    method: 'post',
    path: '/api/organizations',
    body: () => ({ kind: 'union', name: `新工會${(unique += 1)}`, ubn: nextUbn(), parentId: server.seed.localA.id }),
    expect: { ...adminOnly(201), localAdmin: 201 },
  },
  { method: 'get', path: '/api/users', expect: { ...adminOnly(200), localAdmin: 200 } },
  {
    method: 'post',
    path: '/api/users',
    body: () => ({ username: `new-user-${(unique += 1)}`, password: 'Portfund2026pw', organizationId: server.seed.unionX.id }),
    expect: { ...adminOnly(201), localAdmin: 201 },
  },
  // a union of another jurisdiction does not exist for the local-government admin
  {
    method: 'post',
    path: '/api/users',
    body: () => ({ username: `new-user-${(unique += 1)}`, password: 'Portfund2026pw', organizationId: server.seed.unionY.id }),
    expect: { ...adminOnly(201), localAdmin: 404 },
  },
  { method: 'patch', path: '/api/users/{id}', vars: { id: 'unionXUser' }, body: () => ({ disabled: false }), expect: { ...adminOnly(200), localAdmin: 200 } },
  { method: 'patch', path: '/api/users/{id}', vars: { id: 'unionYUser' }, body: () => ({ disabled: false }), expect: { ...adminOnly(200), localAdmin: 404 } },
  { method: 'get', path: '/api/users/{id}', vars: { id: 'unionXUser' }, expect: { ...adminOnly(200), localAdmin: 200 } },
  { method: 'get', path: '/api/users/{id}', vars: { id: 'unionYUser' }, expect: { ...adminOnly(200), localAdmin: 404 } },
  // organisations are edited by administrators within reach: another jurisdiction's union does not exist for them
  { method: 'patch', path: '/api/organizations/{id}', vars: { id: 'unionXOrg' }, body: () => ({ contactPhone: '04-2656-0000' }), expect: { ...adminOnly(200), localAdmin: 200 } },
  { method: 'patch', path: '/api/organizations/{id}', vars: { id: 'unionYOrg' }, body: () => ({ contactPhone: '07-0000-0000' }), expect: { ...adminOnly(200), localAdmin: 404 } },
  // bulk creation: administrators only (the role check comes first, then the 400 for the missing file)
  { method: 'post', path: '/api/organizations/bulk', expect: { ...adminOnly(400), localAdmin: 400 } },
  { method: 'post', path: '/api/users/bulk', expect: { ...adminOnly(400), localAdmin: 400 } },
  // the audit log: administrators, each within reach (scoping in routes/admin.test.ts)
  { method: 'get', path: '/api/admin/audit', expect: { ...adminOnly(200), localAdmin: 200 } },
  // no file attached: the role check comes first, then the 400 for the missing file
  { method: 'post', path: '/api/filings', expect: { ...all(400), ministry: 403, admin: 403 } },
  // a cash book of union X: its union and its local government file it; another union or jurisdiction cannot (422)
  {
    method: 'post',
    path: '/api/filings',
    files: async (role) => [{ name: cashbookName(115, 2, UNION_X_UBN), bytes: await cashbookVariantBytes(2, `M-${role}`.slice(0, 10)) }],
    expect: { anon: 401, unionX: 201, unionY: 422, localA: 201, localAdmin: 201, localB: 422, ministry: 403, admin: 403 },
  },
  { method: 'get', path: '/api/filings', expect: all(200) },
  { method: 'get', path: '/api/filings/{id}', expect: filingScope },
  // the clean copy (a fresh template with the filing's values): everyone who sees the filing
  { method: 'get', path: '/api/filings/{id}/file', expect: filingScope },
  // 「下載檢查結果」: the findings as XLSX, for everyone who sees the filing
  { method: 'get', path: '/api/filings/{id}/findings.xlsx', expect: filingScope },
  // the uploaded bytes: a ministry administrator alone, confirming with the file's SHA-256; no reviewer gets them
  {
    method: 'post',
    path: '/api/filings/{id}/original',
    body: () => ({ confirm: ids.sha256 }),
    expect: { anon: 401, unionX: 403, unionY: 404, localA: 403, localAdmin: 403, localB: 404, ministry: 403, admin: 200 },
  },
  { method: 'post', path: '/api/filings/{id}/original', body: () => ({}), expect: { anon: 401, unionX: 403, unionY: 404, localA: 403, localAdmin: 403, localB: 404, ministry: 403, admin: 400 } },
  // an application's PDFs: read like the filing itself; a new one given by its union and local government
  { method: 'get', path: '/api/filings/{id}/attachments', vars: { id: 'application' }, expect: filingScope },
  { method: 'get', path: '/api/filings/{id}/attachments/{kind}', vars: { id: 'application', kind: 'meeting' }, expect: filingScope },
  {
    method: 'post',
    path: '/api/filings/{id}/attachments/{kind}',
    vars: { id: 'application', kind: 'method' },
    filesToPath: true,
    files: async (role) => [{ name: 'method.pdf', bytes: await validPdf(1, `matrix-${role}`) }],
    expect: { anon: 401, unionX: 201, unionY: 404, localA: 201, localAdmin: 201, localB: 404, ministry: 403, admin: 403 },
  },
  { method: 'get', path: '/api/filings/{id}/review', expect: filingScope },
  { method: 'get', path: '/api/filings/{id}/history', expect: filingScope },
  // the filing is in local review: only its local government may decide now (approve needs the current lockVersion: 409 here)
  {
    method: 'post',
    path: '/api/filings/{id}/review',
    body: () => ({ decision: 'approve', opinion: '', lockVersion: 999 }),
    expect: { anon: 401, unionX: 403, unionY: 404, localA: 409, localAdmin: 409, localB: 404, ministry: 409, admin: 409 },
  },
  // withdrawing: the filing's own union alone (here refused as stale: 409); reviewers may not (403), others do not see it (404)
  {
    method: 'post',
    path: '/api/filings/{id}/withdraw',
    body: () => ({ lockVersion: 999 }),
    expect: { anon: 401, unionX: 409, unionY: 404, localA: 403, localAdmin: 403, localB: 404, ministry: 403, admin: 403 },
  },
  // 待辦: reviewers only, each its own scope
  { method: 'get', path: '/api/worklist', expect: { ...all(200), unionX: 403, unionY: 403 } },
  { method: 'get', path: '/api/notifications', expect: all(200) },
  { method: 'get', path: '/api/notifications/unread-count', expect: all(200) },
  {
    method: 'post',
    path: '/api/notifications/{id}/read',
    vars: { id: 'notification' },
    expect: { anon: 401, unionX: 200, unionY: 404, localA: 404, localAdmin: 404, localB: 404, ministry: 404, admin: 404 },
  },
  { method: 'post', path: '/api/notifications/read-all', expect: all(200) },
  { method: 'get', path: '/api/reminders/overdue', query: 'year=115', expect: all(200) },
  { method: 'post', path: '/api/reminders/run', expect: adminOnly(200) },
  { method: 'get', path: '/api/reports/unions', query: 'year=115&quarter=1', expect: all(200) },
  { method: 'get', path: '/api/reports/local-governments', query: 'year=115&quarter=1', expect: all(200) },
  { method: 'get', path: '/api/reports/dashboard', query: 'year=115', expect: all(200) },
  { method: 'get', path: '/api/reports/unions/{ubn}/balances', query: 'year=115', expect: filingScope },
  // drill-down: the entries behind a figure of union X's cash book, and union X's page, follow the filing's scope
  { method: 'get', path: '/api/reports/filings/{id}/entries', query: 'figure=allocation', expect: filingScope },
  { method: 'get', path: '/api/reports/union-trend/{id}', query: 'year=115', vars: { id: 'unionXOrg' }, expect: filingScope },
  { method: 'get', path: '/templates/{kind}.xlsx', query: 'year=115', expect: all(200, 200) },
  { method: 'get', path: '/addin/config.js', expect: all(200, 200) },
];

// the registry endpoints have their own role matrix in routes/registry.test.ts (401, union 403, another local government 404,
// own local government 200, ministry reads with ?org=): local governments import and read only their own registries
const COVERED_ELSEWHERE: readonly string[] = [
  'post /api/registry/imports/{kind}',
  'get /api/registry/imports',
  'get /api/registry/imports/{id}',
  'get /api/registry/imports/{id}/report.xlsx',
  'get /api/registry/imports/{id}/report.csv',
  'get /api/registry/units',
  'get /api/registry/volunteers',
  'get /api/registry/unions',
  'get /api/registry/unions/{id}/officers',
  'get /api/registry/eligibility',
  'get /api/registry/semiannual',
];

const fill = (c: Case): string => c.path.replace(/\{(\w+)\}/g, (_, key: string) => ids[c.vars?.[key] ?? key] ?? c.vars?.[key] ?? `{${key}}`);

/** A multipart upload to the case's own path. */
const postFiles = async (url: string, token: string | null, files: readonly { name: string; bytes: Buffer }[]): Promise<{ status: number }> => {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(url, { method: 'POST', headers: token === null ? {} : { authorization: `Bearer ${token}` }, body: form });
  await res.arrayBuffer();
  return { status: res.status };
};

const tokenFor = async (c: Case, role: Role): Promise<string | null> => {
  if (role === 'anon') return null;
  return c.freshSession === true ? server.login(USERNAMES[role]) : (tokens.get(role) ?? null);
};

describe.each(CASES)('$method $path', (c) => {
  it.each(ROLES)('as %s', async (role) => {
    const url = `${server.url}${fill(c)}${c.query === undefined ? '' : `?${c.query}`}`;
    const token = await tokenFor(c, role);
    const files = c.files === undefined ? undefined : await c.files(role);
    const reply =
      files === undefined
        ? await call(url, token, c.method.toUpperCase(), c.body?.(role))
        : c.filesToPath === true
          ? await postFiles(url, token, files)
          : await upload(server.url, token, files);
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
    const token = await server.login('taichung-admin');
    expect((await call(`${server.url}/api/auth/logout`, token, 'POST')).status).toBe(204);
    expect((await call(`${server.url}/api/auth/me`, token)).status).toBe(401);
    expect((await call(`${server.url}/api/auth/logout`, null, 'POST')).status).toBe(401);
  });
});

describe('the uploaded bytes', () => {
  it('reach no reviewer: every download a role can make of the filing is a clean copy', async () => {
    for (const role of ROLES) {
      const token = tokens.get(role) ?? null;
      const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
      const clean = await fetch(`${server.url}/api/filings/${ids.id}/file`, { headers });
      const bytes = Buffer.from(await clean.arrayBuffer());
      expect({ role, original: bytes.equals(originalBytes) }).toEqual({ role, original: false });
      const original = await fetch(`${server.url}/api/filings/${ids.id}/original`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: ids.sha256 }),
      });
      expect({ role, original: Buffer.from(await original.arrayBuffer()).equals(originalBytes) }).toEqual({ role, original: role === 'admin' });
    }
  });
});

describe('route coverage', () => {
  const covered = new Set([...CASES.map((c) => `${c.method} ${c.path}`), ...COVERED_ELSEWHERE]);

  it('finds the routes registered on the Express app', () => {
    const registered = registeredRoutes(server.app);
    expect(registered).toEqual(expect.arrayContaining(['get /api/filings/{id}', 'post /api/filings', 'get /templates/{kind}.xlsx', 'get /api/health']));
  });

  it('has a matrix row (or another role matrix) for every registered route', () => {
    expect(registeredRoutes(server.app).filter((r) => !covered.has(r))).toEqual([]);
  });

  it('documents every registered route in /api/openapi.json, and nothing that is not registered', async () => {
    const doc = (await call(`${server.url}/api/openapi.json`, null)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    const registered = registeredRoutes(server.app);
    expect(registered.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((d) => !registered.includes(d))).toEqual([]);
  });
});
