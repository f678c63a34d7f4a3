// @portfund-postgresql-only — two instances starting at once on one PostgreSQL (a rolling restart, two replicas) both run
// migrate(): they take turns under an advisory lock and both come up, the schema migrated once (npm run test:db;
// jest.config.js leaves this file out without TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { createDb, migrate } from './connection';
import { migrationSource } from './migrations';

const url = process.env.TEST_DATABASE_URL ?? '';
const schema = `race_${randomBytes(4).toString('hex')}`;
const instances: Knex[] = [];

afterAll(async () => {
  await instances[0]?.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
  for (const db of instances) await db.destroy();
});

it('two instances migrating an empty database at once both succeed, each migration applied once', async () => {
  instances.push(createDb({ databaseUrl: url, schema }), createDb({ databaseUrl: url, schema }));
  const results = await Promise.allSettled(instances.map((db) => migrate(db, schema)));
  expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String(r.reason)))).toEqual(['ok', 'ok']);
  const [db] = instances;
  if (db === undefined) throw new Error('no instance');
  const applied = await db.withSchema(schema).table('knex_migrations').select('name').orderBy('id');
  const expected = await migrationSource.getMigrations([]);
  expect(applied.map((m: { name: string }) => m.name)).toEqual(expected.map((m) => migrationSource.getMigrationName(m)));
  // the lock was given back: a third run takes it at once and finds nothing to do
  await migrate(db, schema);
  expect(await db.withSchema(schema).table('knex_migrations').count<{ count: string }[]>('* as count')).toEqual([{ count: String(applied.length) }]);
});
