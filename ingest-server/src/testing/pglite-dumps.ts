// PGlite databases for tests, each opened from a data-directory dump made once per test run (test/support/shared-file.ts).
// initdb is the costly part of a new PGlite (~7 s of CPU): a run does it once, for the empty cluster every other dump and
// every database of a test starts from — the migrated database of the test servers, a database before one migration.
import { PGlite } from '@electric-sql/pglite';
import { sharedFile } from '../../../test/support/shared-file';
import { createDb, migrate } from '../db/connection';

const dumpOf = async (pglite: PGlite): Promise<Buffer> => Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());

/**
 * The dump as PGlite's loadDataDir reads it (its type and arrayBuffer() only): the bytes already in memory. A Blob of
 * 40 MB costs ~0.3–0.5 s of CPU a file more in Node 20's Blob.arrayBuffer (64 KB reads and their concatenation).
 */
export const dumpBlob = (dump: Buffer): Blob => {
  const bytes = new Uint8Array(dump);
  return { type: 'application/x-tar', size: bytes.byteLength, arrayBuffer: () => Promise.resolve(bytes.buffer) } as unknown as Blob;
};

/**
 * A test's PGlite is one session on a small database in memory: initdb's 128 MB of shared buffers (and slots for 100
 * connections) only cost page faults at every start — 8 MB and 10 take ~0.7 s of CPU less a start (49,000 minor page
 * faults → 15,000). Its pages live in memory either way, so a page evicted from the buffers is read back from memory.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB', '-c', 'max_connections=10'];

/** A PGlite opened from a dump: in memory, or in `dataDir` (a test's own data directory). */
export const openDump = async (dump: Buffer, dataDir?: string): Promise<PGlite> =>
  PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), loadDataDir: dumpBlob(dump), startParams: START_PARAMS });

/** The empty cluster just after initdb, made once per test run. */
export const initdbDump = (): Promise<Buffer> =>
  sharedFile('pglite', 'initdb', async () => {
    const pglite = await PGlite.create({ startParams: START_PARAMS });
    try {
      return await dumpOf(pglite);
    } finally {
      await pglite.close();
    }
  });

/** A fresh in-memory PGlite as initdb leaves it (no migration applied). */
export const openEmptyPglite = async (): Promise<PGlite> => openDump(await initdbDump());

/** The migrated, empty database as a PGlite data-directory dump, made once per test run (also for a data directory of a test's own). */
export const migratedDump = (): Promise<Buffer> =>
  sharedFile('pglite', 'migrated', async () => {
    const pglite = await openEmptyPglite();
    const db = createDb({ pglite });
    try {
      await migrate(db);
      return await dumpOf(pglite);
    } finally {
      await db.destroy();
    }
  });

/** A fresh in-memory PGlite with every migration applied, opened from the run's dump. */
export const openMigratedPglite = async (): Promise<PGlite> => openDump(await migratedDump());
