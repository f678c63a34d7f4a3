// pg-boss runs its SQL through the server's own knex connections (PostgreSQL pool or the one embedded PGlite
// connection), so the queue lives in the same database on both engines and a job can be sent inside a knex transaction.
import { type PGlite } from '@electric-sql/pglite';
import { type Knex } from 'knex';

/** What pg-boss needs of a database: its `db` option (`{ executeSql }`). */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null }>;
}

interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

// knex-pglite's connection is the PGlite instance itself; knex's pg client hands out a pg.Client
const isPglite = (connection: unknown): connection is PGlite => typeof (connection as Partial<PGlite>).exec === 'function';

/**
 * pg-boss's SQL over a knex instance or transaction. It bypasses knex's query builder (pg-boss writes `$1` placeholders and
 * binds arrays): the statement goes to the driver of a connection knex lends — a transaction's own connection inside one.
 */
export const bossDb = (db: Knex | Knex.Transaction): BossDb => ({
  async executeSql(text, values) {
    const connection: unknown = await db.client.acquireConnection();
    const script = values === undefined || values.length === 0;
    try {
      if (isPglite(connection)) {
        // PGlite's extended protocol takes one statement; pg-boss's schema plans are several, sent without values
        if (script) {
          const results = await connection.exec(text);
          const last = results[results.length - 1];
          return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
        }
        const result = await connection.query(text, values);
        return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
      }
      return await (connection as PgClient).query(text, values);
    } catch (error) {
      // a script is `BEGIN; …; COMMIT;` (pg-boss's schema plans): one that failed part-way (another instance created the
      // schema first — pg-boss expects that) leaves its transaction open and aborted on a connection knex lends again
      if (script && !db.isTransaction) {
        await (isPglite(connection) ? connection.exec('ROLLBACK') : (connection as PgClient).query('ROLLBACK')).catch(() => undefined);
      }
      throw error;
    } finally {
      await db.client.releaseConnection(connection);
    }
  },
});
