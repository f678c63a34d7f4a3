// A real server for tests: Express listening on a free port, on PGlite (a data directory of its own) or — with
// TEST_DATABASE_URL — on a real PostgreSQL in a schema of its own (dropped afterwards), seeded with the ministry, two
// local governments, two unions.
// One per test file: PGlite opens a copy of the migrated database made once per test run (pglite-dumps.ts: initdb
// costs ~7 s of CPU, opening the copy ~0.5 s),
// and passwords are hashed at a low scrypt cost (the production cost is asserted in config.test.ts and auth.test.ts).
import { randomBytes } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { type Knex } from 'knex';
import { type Express, type Router } from 'express';
import { loadConfig, type Config } from '../config';
import { bindModels, createDb, migrate } from '../db/connection';
import { openMigratedPglite } from './pglite-dumps';
import { createMigratedSchema, jobSchemaOf } from './postgresql-template';
import { createApp } from '../http/app';
import { jobHandlers } from '../jobs/handlers';
import { startJobRunner } from '../jobs/runner';
import { Organization } from '../models/organization';
import { createLogger, type Logger } from '../observability/logger';
import { type User } from '../models/user';
import { type MailSender, startMailSender } from '../services/mail/sender';
import { createSmtpTransport } from '../services/mail/transport';
import { hashPassword, type ScryptCost } from '../services/passwords';
import { closeCheckPool } from '../workbook/check/check-pool';

export { migratedDump } from './pglite-dumps';

export const PASSWORD = 'Portfund2026pw';
export const UNION_X_UBN = '04595257';
export const UNION_Y_UBN = '10458574';

export interface Seed {
  readonly ministry: Organization;
  readonly localA: Organization;
  readonly localB: Organization;
  readonly unionX: Organization;
  readonly unionY: Organization;
  readonly users: Readonly<Record<'admin' | 'ministry' | 'localA' | 'localAAdmin' | 'localB' | 'unionX' | 'unionY', User>>;
}

export interface TestServer {
  readonly url: string;
  /** The Express application itself (its router stack lists every registered route). */
  readonly app: Express;
  readonly db: Knex;
  readonly seed: Seed;
  readonly config: Config;
  /** The pg-boss schema of this server's job queue. */
  readonly jobSchema: string;
  /** The running mail sender (option mailSender), if any. */
  readonly mailSender: MailSender | undefined;
  /** Signs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** scrypt at 1/32 of the production memory: the same code path, milliseconds instead of ~0.5 s a hash. */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };

// one hash per test process: every seeded account shares the password anyway
let passwordHash: Promise<string> | undefined;
const seededHash = (): Promise<string> => (passwordHash ??= hashPassword(PASSWORD, TEST_PASSWORD_COST));

/** The ministry, two local governments, two unions and their users (also for tests that start servers of their own). */
export const seed = async (db: Knex): Promise<Seed> => {
  const org = async (kind: Organization['kind'], name: string, ubn: string | null, parent: number | null): Promise<Organization> =>
    Organization.query(db).insertAndFetch({ kind, name, ubn, parent_id: parent, code: null });
  const ministry = await org('ministry', '勞動部', null, null);
  const localA = await org('local_gov', '臺中市政府勞工局', null, null);
  const localB = await org('local_gov', '高雄市政府勞工局', null, null);
  const unionX = await org('union', '臺中市港區裝卸職業工會', UNION_X_UBN, localA.id);
  const unionY = await org('union', '高雄市港區碼頭職業工會', UNION_Y_UBN, localB.id);
  const user = async (username: string, org: Organization, isAdmin = false): Promise<User> => {
    const [row] = await db('users')
      .insert({ username, password_hash: await seededHash(), organization_id: org.id, role: org.kind, is_admin: isAdmin })
      .returning('*');
    return row as User;
  };
  return {
    ministry,
    localA,
    localB,
    unionX,
    unionY,
    users: {
      admin: await user('admin', ministry, true),
      ministry: await user('reviewer', ministry),
      localA: await user('taichung', localA),
      localAAdmin: await user('taichung-admin', localA, true),
      localB: await user('kaohsiung', localB),
      unionX: await user('union-x', unionX),
      unionY: await user('union-y', unionY),
    },
  };
};

export interface TestServerOptions {
  readonly extraApi?: readonly { readonly path: string; readonly router: (db: Knex, config: Config) => Router }[];
  readonly config?: Partial<Config>;
  /** Receives what the server logs (unexpected errors); silent by default. */
  readonly log?: (message: string, error?: unknown) => void;
  /** The JSON logger of the server's request lines and errors (a test that reads the log passes one); silent by default. */
  readonly logger?: Logger;
  /** No organisations or users (the first-run setup); `seed` then throws. */
  readonly empty?: true;
  /** The first-run setup code (as main.ts prints it when no user exists). */
  readonly setupCode?: string;
  /** False: this server's job runner only queues jobs (a test starts a worker when it wants them run). */
  readonly jobWorkers?: false;
  /** Runs the mail sender over config.smtpUrl, a pass every intervalMs. */
  readonly mailSender?: { readonly intervalMs: number };
}

export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const schema = databaseUrl === undefined ? undefined : `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const migrated = databaseUrl === undefined ? await openMigratedPglite() : undefined;
  const db = createDb({ databaseUrl, schema, pglite: migrated?.pglite });
  // on PostgreSQL the new schema (and its pg-boss schema) is made from the run's template SQL; on both engines this then
  // only confirms the copy is current
  if (databaseUrl !== undefined && schema !== undefined) await createMigratedSchema(db, databaseUrl, schema);
  await migrate(db, schema);
  bindModels(db);
  // listening before the app exists: links in e-mail point at this server (PORTFUND_PUBLIC_URL) unless a test says otherwise
  const server: Server = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: Config = { ...loadConfig({}), passwordCost: TEST_PASSWORD_COST, publicUrl: url, logLevel: 'silent', ...options.config };
  const log = options.log ?? (() => undefined);
  // the jobs of this file's server (registry imports), in a pg-boss schema of its own on PostgreSQL; nothing scheduled.
  // Every job of a test is sent in this process, which wakes the worker at once: an idle worker polls only twice a minute
  const jobs = await startJobRunner(db, jobHandlers(db), {
    schema: schema === undefined ? 'pgboss' : jobSchemaOf(schema),
    pollingSeconds: 30,
    log,
    ...(options.jobWorkers === false ? { work: false } : {}),
  });
  const app = createApp({
    db,
    config,
    log: options.log ?? (options.logger === undefined ? log : undefined),
    logger: options.logger ?? createLogger(config.logLevel),
    jobs,
    setupCode: options.setupCode,
    extraApi: (options.extraApi ?? []).map((e) => ({ path: e.path, router: e.router(db, config) })),
  });
  server.on('request', app);
  const transport = options.mailSender === undefined || config.smtpUrl === undefined ? undefined : createSmtpTransport(config.smtpUrl);
  const mailSender = transport === undefined ? undefined : startMailSender(db, transport, config.mailFrom, { intervalMs: options.mailSender?.intervalMs, log });
  // client and server share one event loop here: a long synchronous check can delay the client's idle-socket timer past
  // the server's, and fetch would reuse a socket the server just closed ("other side closed"); let the client close first
  server.keepAliveTimeout = 60_000;
  const seeded = options.empty === true ? undefined : await seed(db);
  return {
    url,
    app,
    db,
    get seed(): Seed {
      if (seeded === undefined) throw new Error('this test server was started empty');
      return seeded;
    },
    config,
    jobSchema: jobs.schema,
    mailSender,
    async login(username, password = PASSWORD) {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await mailSender?.stop();
      transport?.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // a keep-alive socket a test left open (an aborted upload, a stream not read to the end) would hold close() for the
      // whole keep-alive timeout: the file's tests are over, so end them all now
      server.closeAllConnections();
      await closed;
      // the check worker of this file's server (a test file's modules, and so its pool, are its own)
      await closeCheckPool();
      await jobs.stop();
      if (schema !== undefined) await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
      if (schema !== undefined) await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [jobs.schema]);
      await db.destroy();
      await migrated?.remove();
    },
  };
};
