// A database as the code before one migration left it, to test that migration on the rows old code wrote: in-memory
// PGlite (opened from the run's empty cluster, testing/pglite-dumps.ts: no initdb of its own), or (with TEST_DATABASE_URL)
// a schema of its own on that PostgreSQL, dropped afterwards. Registers its own beforeAll and afterAll; `db` is there from
// beforeAll on.
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { createDb } from '../../connection';
import { openEmptyPglite } from '../../../testing/pglite-dumps';
import { migrationSource } from '..';

export interface BeforeMigration {
  readonly db: Knex;
  /** Runs the migration under test. */
  up(): Promise<unknown>;
  /** Undoes it. */
  down(): Promise<unknown>;
}

export const beforeMigration = (name: string): BeforeMigration => {
  const url = process.env.TEST_DATABASE_URL;
  const schema = `migration_${randomBytes(4).toString('hex')}`;
  const inSchema = url !== undefined ? { schemaName: schema } : {};
  // the migrations as they were before this one
  const oldSource: Knex.MigrationSource<string> = {
    ...migrationSource,
    getMigrations: async () => (await migrationSource.getMigrations([])).filter((m) => m < name),
  };
  let db: Knex | undefined;
  const opened = (): Knex => {
    if (db === undefined) throw new Error('the database opens in beforeAll');
    return db;
  };

  beforeAll(async () => {
    db = createDb(url !== undefined ? { databaseUrl: url, schema } : { pglite: await openEmptyPglite() });
    if (url !== undefined) await db.raw('CREATE SCHEMA ??', [schema]);
    await db.migrate.latest({ migrationSource: oldSource, ...inSchema });
  });
  afterAll(async () => {
    if (url !== undefined) await opened().raw('DROP SCHEMA ?? CASCADE', [schema]);
    await opened().destroy();
  });

  return {
    get db() {
      return opened();
    },
    up: () => opened().migrate.up({ migrationSource, name, ...inSchema }),
    down: () => opened().migrate.down({ migrationSource, name, ...inSchema }),
  };
};

/** A union, its user and one filing of it, as any version of the schema since the first holds them. */
export const oldFiling = async (db: Knex, kind: 'application' | 'cashbook'): Promise<{ orgId: number; userId: number; filingId: number }> => {
  const [org] = await db('organizations').insert({ kind: 'union', name: '臺中市港區裝卸職業工會', ubn: '04595257' }).returning('id');
  const [user] = await db('users').insert({ username: 'u', password_hash: 'x', organization_id: org.id, role: 'union' }).returning('id');
  const [filing] = await db('filings')
    .insert({
      kind,
      union_id: org.id,
      ubn: '04595257',
      year: 115,
      quarter: kind === 'application' ? 0 : 2,
      version: 1,
      sha256: 'a',
      file_name: 'f.xlsx',
      size_bytes: 1,
      template_version: '1',
      status: 'submitted',
      uploaded_by: user.id,
    })
    .returning('id');
  return { orgId: Number(org.id), userId: Number(user.id), filingId: Number(filing.id) };
};
