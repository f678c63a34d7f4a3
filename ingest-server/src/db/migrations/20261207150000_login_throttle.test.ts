// The login-throttle migration on a database as the old code left it: old attempts are kept, new tables and a pending
// state arrive, and down goes back (a pending attempt becomes a failure, as the old code recorded every claim).
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { createDb } from '../connection';
import { openEmptyPglite } from '../../testing/pglite-dumps';
import { migrationSource } from '.';

const THIS = '20261207150000_login_throttle';

/** The migrations before this one. */
const oldSource: Knex.MigrationSource<string> = {
  ...migrationSource,
  getMigrations: async () => (await migrationSource.getMigrations([])).filter((name) => name < THIS),
};

const url = process.env.TEST_DATABASE_URL;
const schema = `throttle_${randomBytes(4).toString('hex')}`;
const inSchema = url !== undefined ? { schemaName: schema } : {};
let db: Knex;

beforeAll(async () => {
  db = createDb(url !== undefined ? { databaseUrl: url, schema } : { pglite: await openEmptyPglite() });
  if (url !== undefined) await db.raw('CREATE SCHEMA ??', [schema]);
  await db.migrate.latest({ migrationSource: oldSource, ...inSchema });
});
afterAll(async () => {
  if (url !== undefined) await db.raw('DROP SCHEMA ?? CASCADE', [schema]);
  await db.destroy();
});

describe(`migration ${THIS}`, () => {
  it('keeps old attempts, adds the throttle and device tables and the pending state, and goes back', async () => {
    await db('login_attempts').insert([
      { username: 'a', ip: '10.0.0.1', success: true },
      { username: 'a', ip: '10.0.0.1', success: false },
    ]);
    await db.migrate.up({ migrationSource, name: THIS, ...inSchema });
    expect(await db('login_attempts').orderBy('id').pluck('success')).toEqual([true, false]);
    const [org] = await db('organizations').insert({ kind: 'ministry', name: '勞動部' }).returning('id');
    const [user] = await db('users').insert({ username: 'a', password_hash: 'x', organization_id: org.id, role: 'ministry' }).returning('id');
    const [device] = await db('login_devices').insert({ token_hash: 'h', user_id: user.id }).returning('id');
    await db('login_attempts').insert({ username: 'a', ip: '10.0.0.1', success: null, device_id: device.id });
    await db('login_throttles').insert({ key: 'account:a', failures: 5, last_failure_at: new Date(), blocked_until: new Date() });
    // a known device of a user is gone with the user
    await db('login_attempts').delete();
    await db('users').where('id', user.id).delete();
    expect(await db('login_devices').count<{ count: string | number }[]>('* as count').then((r) => Number(r[0]?.count))).toBe(0);

    await db('login_attempts').insert({ username: 'b', ip: '10.0.0.2', success: null });
    await db.migrate.down({ migrationSource, name: THIS, ...inSchema });
    expect(await db('login_attempts').pluck('success')).toEqual([false]);
    expect(await db.schema.hasTable('login_throttles')).toBe(false);
    expect(await db.schema.hasTable('login_devices')).toBe(false);
    expect(await db.schema.hasColumn('login_attempts', 'device_id')).toBe(false);
    await expect(db('login_attempts').insert({ username: 'c', ip: '10.0.0.3', success: null })).rejects.toThrow();
  });
});
