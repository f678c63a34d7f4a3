// A test file's schemas on PostgreSQL (TEST_DATABASE_URL), made from SQL written once per test run: the migrated schema
// and its pg-boss schema are made once under a template name and dumped with pg_dump; each file runs that SQL with its
// own schema name instead of running every migration and pg-boss's install again (test-server.ts then confirms the
// copy is current, as on PGlite).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { type Knex } from 'knex';
import { sharedFile } from '../../../test/support/shared-file';
import { createDb, migrate } from '../db/connection';
import { jobHandlers } from '../jobs/handlers';
import { startJobRunner } from '../jobs/runner';

/** The pg-boss schema of a test file's schema. */
export const jobSchemaOf = (schema: string): string => `${schema}_jobs`;

interface SchemaSql {
  readonly template: string;
  readonly sql: string;
}

// pg_dump's session settings (an empty search_path above all) would stay on the pooled connection that runs the SQL, and
// its psql meta-commands (\restrict since 15.14) are not SQL
const NOT_FOR_THE_SERVER = /^(SET |SELECT pg_catalog\.set_config\(|\\).*$/gm;

const dumpSchemas = async (databaseUrl: string): Promise<Buffer> => {
  const template = `portfund_template_${randomBytes(6).toString('hex')}`;
  const db = createDb({ databaseUrl, schema: template });
  try {
    await migrate(db, template);
    const jobs = await startJobRunner(db, jobHandlers(db), { schema: jobSchemaOf(template), work: false, log: () => undefined });
    await jobs.stop();
    const { stdout } = await promisify(execFile)(
      'pg_dump',
      ['--dbname', databaseUrl, '--schema', template, '--schema', jobSchemaOf(template), '--no-owner', '--no-privileges', '--inserts'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const dump: SchemaSql = { template, sql: stdout.replace(NOT_FOR_THE_SERVER, '') };
    return Buffer.from(JSON.stringify(dump));
  } finally {
    await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [jobSchemaOf(template)]);
    await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [template]);
    await db.destroy();
  }
};

/** Makes `schema` and its pg-boss schema as every migration and pg-boss's install leave them, empty. */
export const createMigratedSchema = async (db: Knex, databaseUrl: string, schema: string): Promise<void> => {
  const { template, sql } = JSON.parse((await sharedFile('postgresql', `schemas ${databaseUrl}`, () => dumpSchemas(databaseUrl))).toString('utf8')) as SchemaSql;
  // the template's name stands for the schema wherever it occurs (identifiers, sequence names in defaults, function bodies)
  const script = sql.split(template).join(schema);
  // one simple-protocol script on a connection of the pool, in one transaction (knex.raw would read `?` in it as bindings)
  const connection = (await db.client.acquireConnection()) as { query(text: string): Promise<unknown> };
  try {
    await connection.query(`BEGIN; SET LOCAL check_function_bodies = false; ${script}; COMMIT;`);
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.client.releaseConnection(connection);
  }
};
