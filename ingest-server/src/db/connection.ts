// The database: a real PostgreSQL (DATABASE_URL) or the embedded PGlite in a data directory — same migrations on both.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import knex, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { Model } from 'objection';
import { log } from '../observability/logger';
import { migrationSource } from './migrations';

// knex's own warnings (a lost connection, a failed acquire) go to the JSON log, not to console.log
const knexLog = {
  warn: (message: unknown): void => log().warn({ knex: String(message) }, '資料庫連線警告'),
  error: (message: unknown): void => log().error({ knex: String(message) }, '資料庫連線錯誤'),
  deprecate: (): void => undefined,
  debug: (): void => undefined,
};

export interface DbOptions {
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory; omit for an in-memory database. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests isolate each file in its own schema). */
  readonly schema?: string | undefined;
  /** An opened PGlite database to use (tests open one from a migrated copy); it is closed with the knex instance. */
  readonly pglite?: PGlite | undefined;
}

// bytea (OID 17) on PGlite: its own codec goes byte by byte (Array.from, toString(16), join; parseInt per pair), ~140 ms to
// store a 100 kB workbook and ~30 ms to read one back; Buffer's hex codec writes the same text in ~2 ms and reads a Buffer,
// as node-postgres does on PostgreSQL
const BYTEA = 17;
const withBufferBytea = (pglite: PGlite): PGlite => {
  pglite.serializers[BYTEA] = (value: unknown): string => {
    if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  };
  pglite.parsers[BYTEA] = (text: string): Buffer => Buffer.from(text.slice(2), 'hex');
  return pglite;
};

// numeric(15,0) amounts come back as strings from pg: keep them strings and turn them into Decimal in services
export const createDb = (options: DbOptions): Knex => {
  if (options.databaseUrl !== undefined) {
    return knex({
      client: 'pg',
      // named, so an operator (and a test) can find this server's connections in pg_stat_activity
      connection: { connectionString: options.databaseUrl, application_name: options.schema === undefined ? 'portfund' : `portfund/${options.schema}` },
      // an error's message names the SQL without its values (a password hash or a file's bytes never reach a log line)
      compileSqlOnError: false,
      log: knexLog,
      pool: { min: 0, max: 10 },
      ...(options.schema !== undefined ? { searchPath: [options.schema] } : {}),
    });
  }
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  // opened here rather than by knex-pglite (new PGlite(dataDir), the same) so its bytea codec can be set
  const pglite = withBufferBytea(options.pglite ?? new PGlite(options.dataDir));
  return knex({
    client: ClientPgLite as unknown as typeof knex.Client,
    dialect: 'postgres',
    // knex-pglite takes an opened database as { pglite } (knex's own connection type does not know it)
    connection: { pglite } as unknown as Knex.StaticConnectionConfig,
  });
};

const runMigrations = async (db: Knex, schema?: string): Promise<void> => {
  if (schema !== undefined) await db.raw('CREATE SCHEMA IF NOT EXISTS ??', [schema]);
  await db.migrate.latest({ migrationSource, ...(schema !== undefined ? { schemaName: schema } : {}) });
};

/**
 * Brings the database up to date. On PostgreSQL, instances starting at once (a rolling restart, two replicas) would
 * each create knex's tables and run the same migrations, and the later one fail: they take turns under a session
 * advisory lock, so the second waits and then finds nothing left to do. PGlite belongs to one process: no lock.
 */
export const migrate = async (db: Knex, schema?: string): Promise<void> => {
  if (db.client instanceof ClientPgLite) return runMigrations(db, schema);
  const key = `portfund|migrations|${schema ?? ''}`;
  // one connection holds the lock while the migrations run on others (a session lock goes with its connection)
  const holder: unknown = await db.client.acquireConnection();
  try {
    await db.raw('SELECT pg_advisory_lock(hashtext(?))', [key]).connection(holder);
    try {
      await runMigrations(db, schema);
    } finally {
      await db.raw('SELECT pg_advisory_unlock(hashtext(?))', [key]).connection(holder);
    }
  } finally {
    await db.client.releaseConnection(holder);
  }
};

/** Binds objection's models to this database. */
export const bindModels = (db: Knex): void => {
  Model.knex(db);
};
