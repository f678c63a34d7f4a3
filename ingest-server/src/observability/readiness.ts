// What /api/health/ready reports: the database answers, every migration is applied, a check worker runs (one is started when none is), and the
// process is not shutting down. Each part is checked within a time limit: a probe never hangs on a lost database.
import { type Knex } from 'knex';
import { migrationSource } from '../db/migrations';
import { checkPoolStatus, checkWorkersAlive } from '../workbook/check/check-pool';
import { isShuttingDown } from './lifecycle';

export interface Readiness {
  readonly ready: boolean;
  readonly database: 'ok' | 'unreachable';
  readonly migrations: 'current' | 'pending' | 'unknown';
  readonly checkWorkers: 'ok' | 'failing' | 'stopped';
  readonly checkQueue: { readonly busy: number; readonly waiting: number; readonly max: number };
  readonly shuttingDown: boolean;
}

/** A database that does not answer within this long counts as unreachable. */
export const READY_TIMEOUT_MS = 2000;

const within = <T>(promise: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

const pendingMigrations = async (db: Knex): Promise<number> => {
  // knex_migrations is found through the connection's search path (a test server's schema, or public)
  const done = new Set(await db('knex_migrations').pluck<string[]>('name'));
  return (await migrationSource.getMigrations([])).filter((name) => !done.has(name)).length;
};

export const readiness = async (db: Knex, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> => {
  const database = await within(db.raw('select 1'), timeoutMs).then(
    () => 'ok' as const,
    () => 'unreachable' as const,
  );
  const migrations =
    database === 'ok'
      ? await within(pendingMigrations(db), timeoutMs).then(
          (n) => (n === 0 ? ('current' as const) : ('pending' as const)),
          () => 'unknown' as const,
        )
      : 'unknown';
  const before = checkPoolStatus();
  const checkWorkers = before.closed ? 'stopped' : (await checkWorkersAlive(timeoutMs)) ? 'ok' : 'failing';
  const pool = checkPoolStatus();
  const shuttingDown = isShuttingDown();
  return {
    ready: database === 'ok' && migrations === 'current' && checkWorkers === 'ok' && !shuttingDown,
    database,
    migrations,
    checkWorkers,
    checkQueue: { busy: pool.busy, waiting: pool.waiting, max: pool.maxQueue },
    shuttingDown,
  };
};
