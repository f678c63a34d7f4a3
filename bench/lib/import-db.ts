// The registry-import benchmarks' child process: a fresh database (PGlite on disk, or a schema of its own in a real
// PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) with one local government and its officer, dropped after.
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { type User } from '../../ingest-server/src/models/user';

/** The service-hours import's columns, in the order the benchmarks write them. */
export const SERVICE_HOURS_HEADER = ['身分證字號', '志工姓名', '時數歸屬單位', '時數類型', '服務日期起', '服務日期迄', '服務項目', '服務內容', '服務時數'];

export interface ImportDb {
  readonly db: Knex;
  readonly database: 'pglite' | 'postgresql';
  readonly orgId: number;
  readonly user: User;
}

export const withImportDb = async (dataDir: string, run: (ctx: ImportDb) => Promise<void>): Promise<void> => {
  const { createDb, migrate, bindModels } = await import('../../ingest-server/src/db/connection');
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const schema = url === undefined ? undefined : `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const db = createDb(url === undefined ? { dataDir } : { databaseUrl: url, schema });
  try {
    await migrate(db, schema);
    bindModels(db);
    const [org] = await db('organizations').insert({ kind: 'local_gov', name: '臺中市政府勞工局' }).returning('id');
    const orgId = (org as { id: number }).id;
    const [user] = (await db('users').insert({ username: 'bench', password_hash: 'x', organization_id: orgId, role: 'local_gov' }).returning('*')) as User[];
    if (user === undefined) throw new Error('bench user not created');
    await run({ db, database: url === undefined ? 'pglite' : 'postgresql', orgId, user });
  } finally {
    if (schema !== undefined) await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await db.destroy();
  }
};
