// @portfund-postgresql-only — the test schemas made from the run's template SQL (postgresql-template.ts) are the schemas
// the migrations and pg-boss's install make, each file's own and empty (npm run test:db; jest.config.js leaves this file
// out without TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { createDb, migrate } from '../db/connection';
import { migrationSource } from '../db/migrations';
import { jobHandlers } from '../jobs/handlers';
import { startJobRunner } from '../jobs/runner';
import { createMigratedSchema, jobSchemaOf } from './postgresql-template';

const url = process.env.TEST_DATABASE_URL ?? '';
const opened: { db: Knex; schema: string }[] = [];

const open = (): { db: Knex; schema: string } => {
  const schema = `tmpl_test_${randomBytes(4).toString('hex')}`;
  const entry = { db: createDb({ databaseUrl: url, schema }), schema };
  opened.push(entry);
  return entry;
};

afterAll(async () => {
  for (const { db, schema } of opened) {
    await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [jobSchemaOf(schema)]);
    await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await db.destroy();
  }
});

/** The shape of a schema: its tables and columns, constraints, indexes, sequences and functions, without its name. */
const shape = async (db: Knex, schema: string): Promise<string[]> => {
  const rows = (sql: string): Promise<string[]> =>
    db.raw(sql, [schema]).then((r: { rows: { line: string }[] }) => r.rows.map((row) => row.line.split(schema).join('<schema>')));
  return [
    ...(await rows(
      "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line FROM information_schema.columns WHERE table_schema = ? ORDER BY 1",
    )),
    ...(await rows("SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(c.oid) AS line FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ? ORDER BY 1")),
    ...(await rows('SELECT indexdef AS line FROM pg_indexes WHERE schemaname = ? ORDER BY 1')),
    ...(await rows("SELECT sequence_name AS line FROM information_schema.sequences WHERE sequence_schema = ? ORDER BY 1")),
    ...(await rows("SELECT p.proname || ' ' || pg_get_function_identity_arguments(p.oid) AS line FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? ORDER BY 1")),
  ];
};

describe('a test schema from the template SQL', () => {
  it('is the schema the migrations and pg-boss make, with the same rows, and leaves the connection in the schema', async () => {
    const migrated = open();
    await migrate(migrated.db, migrated.schema);
    const jobs = await startJobRunner(migrated.db, jobHandlers(migrated.db), { schema: jobSchemaOf(migrated.schema), work: false, log: () => undefined });
    await jobs.stop();

    const copied = open();
    await createMigratedSchema(copied.db, url, copied.schema);

    expect(await shape(copied.db, copied.schema)).toEqual(await shape(migrated.db, migrated.schema));
    expect(await shape(copied.db, jobSchemaOf(copied.schema))).toEqual(await shape(migrated.db, jobSchemaOf(migrated.schema)));
    expect(await copied.db('knex_migrations').orderBy('name').pluck('name')).toEqual(await migrated.db('knex_migrations').orderBy('name').pluck('name'));
    const queues = (db: Knex, schema: string): Promise<string[]> => db.withSchema(jobSchemaOf(schema)).from('queue').orderBy('name').pluck('name');
    expect(await queues(copied.db, copied.schema)).toEqual(await queues(migrated.db, migrated.schema));
    // every pooled connection still looks in the test's schema (pg_dump's own settings are not run)
    const paths = await Promise.all([1, 2, 3].map(() => copied.db.raw('SELECT current_schema() AS s').then((r: { rows: { s: string }[] }) => r.rows[0]?.s)));
    expect(paths).toEqual([copied.schema, copied.schema, copied.schema]);
    // migrating it again finds nothing to do
    await migrate(copied.db, copied.schema);
    expect((await copied.db.migrate.list({ migrationSource, schemaName: copied.schema }))[1]).toEqual([]);
  });

  it('gives each file its own rows: one schema never sees another one’s', async () => {
    const a = open();
    const b = open();
    await createMigratedSchema(a.db, url, a.schema);
    await createMigratedSchema(b.db, url, b.schema);
    await a.db('organizations').insert({ kind: 'ministry', name: '勞動部' });
    expect(await a.db('organizations').pluck('name')).toEqual(['勞動部']);
    expect(await b.db('organizations').pluck('name')).toEqual([]);
    // and ids start over in each (the sequences are the schema's own)
    const [row] = await b.db('organizations').insert({ kind: 'ministry', name: '勞動部' }).returning('id');
    expect(Number((row as { id: number }).id)).toBe(1);
  });
});
