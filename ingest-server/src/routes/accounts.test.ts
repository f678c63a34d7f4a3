// Accounts over real HTTP with a real SMTP server on loopback: 忘記密碼 links (mailed, single use, 30 minutes, the same
// answer for unknown accounts, rate-limited), an administrator's link, temporary password and unlock, the lockout's
// 民國 date, notifications mailed through the outbox across an SMTP outage (each exactly once, also with two senders),
// and nothing secret in the server's log.
import { type Knex } from 'knex';
import { call } from '../testing/http';
import { startTestSmtp, type TestSmtp } from '../testing/smtp';
import { PASSWORD, startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { createDb } from '../db/connection';
import { createNotifications } from '../services/notifications/notifications';
import { deliverDue, type MailTransport } from '../services/mail/sender';
import { createSmtpTransport } from '../services/mail/transport';
import { runReminders } from '../services/review/reminders';
import { jobHandlers } from '../jobs/handlers';

let smtp: TestSmtp;
let server: TestServer;
let transport: MailTransport & { close(): void };
const logged: string[] = [];
const consoleSpies: jest.SpyInstance[] = [];
const FROM = 'portfund <no-reply@portfund.test>';
const secrets: string[] = [];

const deliver = (now?: Date) => deliverDue(server.db, transport, FROM, now);
const outbox = () => server.db('mail_outbox').orderBy('id');
const tokenOf = (text: string): string => {
  const m = /#\/reset\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (m?.[1] === undefined) throw new Error(`no reset link in: ${text}`);
  return m[1];
};
const audit = (action: string) => server.db('admin_audit').where({ action }).orderBy('id');

beforeAll(async () => {
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    consoleSpies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
  }
  smtp = await startTestSmtp();
  server = await startTestServer({ config: { smtpUrl: smtp.url, mailFrom: FROM }, log: (message, error) => void logged.push(`${message} ${String(error)}`) });
  transport = createSmtpTransport(smtp.url);
  const { users } = server.seed;
  await server.db('users').where('id', users.unionX.id).update({ email: 'x-accountant@union-x.test' });
  await server.db('users').where('id', users.unionY.id).update({ email: 'y-accountant@union-y.test' });
  await server.db('users').where('id', users.localA.id).update({ email: 'officer@taichung.test' });
}, 120_000);

afterAll(async () => {
  transport?.close();
  await server?.close();
  await smtp?.stop();
  for (const spy of consoleSpies) spy.mockRestore();
});

describe('忘記密碼', () => {
  it('answers the same for an unknown account, mails a known one a link that sets the password once and ends every session', async () => {
    const session = await server.login('union-x');
    const unknown = await call(`${server.url}/api/auth/forgot`, null, 'POST', { login: 'nobody-here' });
    const known = await call(`${server.url}/api/auth/forgot`, null, 'POST', { login: 'X-ACCOUNTANT@union-x.test' });
    expect([unknown.status, unknown.body]).toEqual([202, { accepted: true }]);
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: 'x-accountant@union-x.test', subject: '【商港服務費福利專款】密碼重設連結' });
    expect(mail?.text).toContain(`${server.url}/#/reset?token=`);
    const token = tokenOf(mail?.text ?? '');
    secrets.push(token);
    // the database keeps only the token's hash, and the delivered mail's body no longer holds the link
    expect(JSON.stringify(await server.db('password_reset_tokens'))).not.toContain(token);
    expect(JSON.stringify(await outbox())).not.toContain(token);

    const weak = await call(`${server.url}/api/auth/reset`, null, 'POST', { token, newPassword: 'password1' });
    expect(weak.status).toBe(400);
    const next = 'Harbour-lantern-48-quay';
    secrets.push(next);
    const reset = await call(`${server.url}/api/auth/reset`, null, 'POST', { token, newPassword: next });
    expect([reset.status, reset.body]).toEqual([200, { username: 'union-x' }]);
    expect((await call(`${server.url}/api/auth/me`, session)).status).toBe(401);
    await expect(server.login('union-x', PASSWORD)).rejects.toThrow(/401/);
    await server.login('union-x', next);
    const again = await call(`${server.url}/api/auth/reset`, null, 'POST', { token, newPassword: 'Another-harbour-77-pier' });
    expect([again.status, again.body.error.code]).toEqual([400, 'reset_invalid']);
  });

  it('refuses a link after 30 minutes', async () => {
    await call(`${server.url}/api/auth/forgot`, null, 'POST', { login: 'union-y' });
    await deliver();
    const mails = await smtp.waitFor(2);
    const token = tokenOf(mails[1]?.text ?? '');
    secrets.push(token);
    const row = await server.db('password_reset_tokens').where('user_id', server.seed.users.unionY.id).first();
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(30 * 60_000);
    await server.db('password_reset_tokens').where('id', row.id).update({ expires_at: new Date(Date.now() - 1000) });
    const late = await call(`${server.url}/api/auth/reset`, null, 'POST', { token, newPassword: 'Harbour-lantern-48-quay' });
    expect([late.status, late.body.error.code]).toEqual([400, 'reset_invalid']);
    expect(late.body.error.message).toContain('30 分鐘');
  });

  it('limits requests: three links an hour per account (answered alike), then the address is refused with a 民國 time', async () => {
    await server.db('password_reset_tokens').delete();
    await server.db('password_reset_requests').delete();
    const answers = [];
    for (let i = 0; i < 11; i += 1) answers.push(await call(`${server.url}/api/auth/forgot`, null, 'POST', { login: 'taichung' }));
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(answers[10]?.status).toBe(429);
    expect(answers[10]?.body.error.message).toMatch(/^重設密碼的申請次數過多，請於民國\d+年\d+月\d+日 \d\d:\d\d 後再試$/);
    expect((await server.db('password_reset_tokens').where('user_id', server.seed.users.localA.id)).length).toBe(3);
    // only the newest link works: each new one voids the last
    expect((await server.db('password_reset_tokens').whereNull('used_at')).length).toBe(1);
    await server.db('password_reset_requests').delete();
    const sent = await deliver();
    expect(sent).toEqual({ sent: 3, failed: 0 });
    for (const m of await smtp.waitFor(5)) if (m.to === 'officer@taichung.test') secrets.push(tokenOf(m.text));
  });
});

describe('an administrator helps a user back in', () => {
  it('issues a temporary password the user must change before anything else', async () => {
    const admin = await server.login('admin');
    const before = await server.login('union-y');
    const reset = await call(`${server.url}/api/users/${server.seed.users.unionY.id}/password-reset`, admin, 'POST', { mode: 'temporary' });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mode: 'temporary', mailed: false });
    const temporary: string = reset.body.temporaryPassword;
    secrets.push(temporary);
    expect(temporary).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect((await call(`${server.url}/api/auth/me`, before)).status).toBe(401);
    const session = await server.login('union-y', temporary);
    const me = await call(`${server.url}/api/auth/me`, session);
    expect(me.body.account).toEqual({ email: 'y-accountant@union-y.test', emailOptOut: false, mustChangePassword: true });
    const blocked = await call(`${server.url}/api/filings`, session);
    expect([blocked.status, blocked.body.error.code]).toEqual([403, 'password_change_required']);
    expect(blocked.body.error.message).toContain('臨時密碼');
    const changed = await call(`${server.url}/api/auth/password`, session, 'POST', { currentPassword: temporary, newPassword: 'Quayside-ferry-2031-dusk' });
    expect(changed.status).toBe(200);
    expect((await call(`${server.url}/api/filings`, session)).status).toBe(200);
    expect((await audit('user.reset_temporary')).map((a) => [a.actor_id, a.target_user_id])).toEqual([[server.seed.users.admin.id, server.seed.users.unionY.id]]);
  });

  it('mails a link, within reach only, never to oneself', async () => {
    const admin = await server.login('admin');
    const localAdmin = await server.login('taichung-admin');
    const link = await call(`${server.url}/api/users/${server.seed.users.unionX.id}/password-reset`, localAdmin, 'POST', { mode: 'link' });
    expect(link.status).toBe(200);
    expect(link.body.mailed).toBe(true);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect((await call(`${server.url}/api/users/${server.seed.users.unionY.id}/password-reset`, localAdmin, 'POST', { mode: 'link' })).status).toBe(404);
    expect((await call(`${server.url}/api/users/${server.seed.users.admin.id}/password-reset`, admin, 'POST', { mode: 'temporary' })).status).toBe(400);
    const count = smtp.received.length;
    await deliver();
    const mail = (await smtp.waitFor(count + 1))[count];
    expect(mail?.to).toBe('x-accountant@union-x.test');
    expect(mail?.text).toContain('系統管理者為您的帳號「union-x」申請重設密碼');
    secrets.push(tokenOf(mail?.text ?? ''));
    expect((await audit('user.reset_link')).map((a) => [a.actor_id, a.target_user_id, a.details])).toEqual([[server.seed.users.localAAdmin.id, server.seed.users.unionX.id, { mailed: true }]]);
  });

  it('says until when a locked account waits (民國 date, Taipei time), and unlocks it', async () => {
    const wrong = () => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kaohsiung', password: 'wrong-password-9' }) });
    for (let i = 0; i < 5; i += 1) expect((await wrong()).status).toBe(401);
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/^登入失敗次數過多，請於民國\d+年\d+月\d+日 \d\d:\d\d 後再試$/);
    const admin = await server.login('admin');
    const unlocked = await call(`${server.url}/api/users/${server.seed.users.localB.id}/unlock`, admin, 'POST', {});
    expect([unlocked.status, unlocked.body.username]).toEqual([200, 'kaohsiung']);
    await server.login('kaohsiung');
    expect((await call(`${server.url}/api/users/${server.seed.users.localB.id}/unlock`, await server.login('taichung-admin'), 'POST', {})).status).toBe(404);
    expect((await audit('user.unlock')).length).toBe(1);
  });
});

describe('notifications by e-mail through the outbox', () => {
  it('loses none across an SMTP outage and delivers each once; an opted-out user gets none', async () => {
    await server.db('mail_outbox').whereNull('sent_at').update({ sent_at: new Date() });
    const optOut = await call(`${server.url}/api/auth/me`, await server.login('taichung'), 'PATCH', { emailOptOut: true });
    expect(optOut.body).toMatchObject({ emailOptOut: true });
    await smtp.stop();
    const before = smtp.received.length;
    // deadline reminders for both unions (application due 1/31): notifications made by the server's own job
    let queued: { to_address: string; subject: string }[] = [];
    let notices: { organization_id: number; title: string }[] = [];
    try {
      await runReminders(server.db, new Date('2026-01-26T09:00:00+08:00'));
      notices = await server.db('notifications').orderBy('id');
      queued = await server.db('mail_outbox').whereNull('sent_at').orderBy('id');
      // one mail per notification of each union (its accountant); the local government's officer opted out
      const expected = notices.flatMap((n) => (n.organization_id === server.seed.unionX.id ? ['x-accountant@union-x.test'] : n.organization_id === server.seed.unionY.id ? ['y-accountant@union-y.test'] : []));
      expect(notices.some((n) => n.organization_id === server.seed.localA.id)).toBe(true);
      expect(queued.map((m) => m.to_address)).toEqual(expected);
      expect(queued.length).toBeGreaterThanOrEqual(2);
      expect(queued.map((m) => m.subject)).toEqual(notices.filter((n) => n.organization_id !== server.seed.localA.id && n.organization_id !== server.seed.localB.id).map((n) => `【商港服務費福利專款】${n.title}`));
      const down = await deliver();
      expect(down).toEqual({ sent: 0, failed: queued.length });
      const failed = await server.db('mail_outbox').whereNull('sent_at').orderBy('id');
      expect(failed.every((m: { attempts: number; last_error: string }) => m.attempts === 1 && /^E[A-Z]+/.test(m.last_error))).toBe(true);
      expect(new Date(failed[0].next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    } finally {
      await smtp.start();
    }
    // not due again before its backoff, even with the server back
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    expect(await deliver(new Date(Date.now() + 60_000))).toEqual({ sent: queued.length, failed: 0 });
    expect(await deliver(new Date(Date.now() + 3_600_000))).toEqual({ sent: 0, failed: 0 });
    const mails = (await smtp.waitFor(before + queued.length)).slice(before);
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual(queued.map((m) => [m.to_address, m.subject]).sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(queued.length);
    expect(mails.every((m) => m.text.includes(`${server.url}/#/`))).toBe(true);
  });

  it('never sends one message twice when two senders race', async () => {
    const before = smtp.received.length;
    await server.db.transaction((trx) =>
      createNotifications(
        trx,
        Array.from({ length: 30 }, (_, i) => ({ organizationId: server.seed.unionX.id, filingId: null, kind: 'recon' as const, title: `對帳提醒 ${i + 1}`, message: `第 ${i + 1} 則`, dedupeKey: `race-${i}` })),
      ),
    );
    // a second connection pool: on PostgreSQL truly concurrent; on PGlite the one connection serialises them
    const other: Knex = process.env.TEST_DATABASE_URL === undefined ? server.db : createDb({ databaseUrl: process.env.TEST_DATABASE_URL, schema: await currentSchema() });
    try {
      const passes = await Promise.all([0, 1, 2, 3].map((i) => deliverDue(i % 2 === 0 ? server.db : other, transport, FROM)));
      const more = await Promise.all([deliverDue(server.db, transport, FROM), deliverDue(other, transport, FROM)]);
      expect([...passes, ...more].reduce((n, p) => n + p.sent, 0)).toBe(30);
    } finally {
      if (other !== server.db) await other.destroy();
    }
    const mails = (await smtp.waitFor(before + 30)).slice(before);
    expect(new Set(mails.map((m) => m.subject)).size).toBe(30);
    expect(mails.length).toBe(30);
  });
  it('forgets delivered mail after 90 days in the prune job, never mail still waiting to be sent', async () => {
    const day = 24 * 3_600_000;
    const row = (subject: string, sentDaysAgo: number | null) => ({
      kind: 'notification',
      to_address: 'clerk@example.org',
      subject,
      body: '內容',
      attempts: 1,
      sent_at: sentDaysAgo === null ? null : new Date(Date.now() - sentDaysAgo * day),
      created_at: new Date(Date.now() - 200 * day),
      next_attempt_at: new Date(Date.now() + day),
    });
    await server.db('mail_outbox').insert([row('prune-old', 91), row('prune-recent', 89), row('prune-waiting', null)]);
    await jobHandlers(server.db).prune({}, { retryCount: 0, lastAttempt: true });
    expect(await server.db('mail_outbox').where('subject', 'like', 'prune-%').orderBy('subject').pluck('subject')).toEqual(['prune-recent', 'prune-waiting']);
  });
});

const currentSchema = async (): Promise<string> => ((await server.db.raw('SELECT current_schema() AS s')) as { rows: { s: string }[] }).rows[0]?.s ?? 'public';

describe('bulk-created users', () => {
  it('mails each bulk-created user with an address a link that sets the first password', async () => {
    const localAdmin = await server.login('taichung-admin');
    const csv = Buffer.from(`帳號,姓名,Email,統一編號\nbulk-mailed,林會計,bulk@union-x.test,${UNION_X_UBN}\nbulk-no-mail,陳出納,,${UNION_X_UBN}\n`, 'utf8');
    const form = new FormData();
    form.append('dryRun', 'false');
    form.append('file', new Blob([new Uint8Array(csv)]), 'users.csv');
    const res = await fetch(`${server.url}/api/users/bulk`, { method: 'POST', headers: { authorization: `Bearer ${localAdmin}` }, body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ applied: true, counts: { create: 2, refused: 0 }, linksMailed: 1 });
    const count = smtp.received.length;
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const mail = (await smtp.waitFor(count + 1))[count];
    expect(mail?.to).toBe('bulk@union-x.test');
    const token = tokenOf(mail?.text ?? '');
    secrets.push(token);
    const first = 'Quayside-ledger-2027-gull';
    secrets.push(first);
    expect((await call(`${server.url}/api/auth/reset`, null, 'POST', { token, newPassword: first })).body).toEqual({ username: 'bulk-mailed' });
    const session = await server.login('bulk-mailed', first);
    expect((await call(`${server.url}/api/auth/me`, session)).body.account).toMatchObject({ mustChangePassword: false });
    // the one without an address waits for an administrator's temporary password
    expect(await server.db('password_reset_tokens').join('users', 'users.id', 'password_reset_tokens.user_id').where('users.username', 'bulk-no-mail')).toEqual([]);
  });
});

describe('the log', () => {
  it('never held a password, a token or a link of anything above', () => {
    const text = logged.join('\n');
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('reset?token=');
  });
});
