// PGlite databases for tests, each opened from a data-directory dump made once per test run (test/support/shared-file.ts).
// initdb is the costly part of a new PGlite (~7 s of CPU): a run does it twice, for the migrated database of the test
// servers and for the empty cluster the migration tests start from (before-migration.ts), rather than once a file.
// A test server's database is a copy on disk of the migrated data directory (made from the dump once per run):
// PostgreSQL then reads only the pages it needs, where loading the whole dump into PGlite's memory took ~1 s more CPU a
// file (openMigratedPglite below).
import { PGlite } from '@electric-sql/pglite';
import { cpSync } from 'node:fs';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sharedFile } from '../../../test/support/shared-file';
import { testRunDir } from '../../../test/support/run-dir';
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

/**
 * A fresh in-memory PGlite as initdb leaves it (no migration applied), opened from the run's dump of the empty cluster;
 * the one caller that makes that dump (its own initdb) keeps the database it dumped instead of opening a copy.
 */
export const openEmptyPglite = async (): Promise<PGlite> => {
  let made: PGlite | undefined;
  const dump = await sharedFile('pglite', 'initdb', async () => {
    made = await PGlite.create({ startParams: START_PARAMS });
    return dumpOf(made).catch(async (error: unknown) => {
      await made?.close();
      throw error;
    });
  });
  return made ?? openDump(dump);
};

/**
 * What every test server copies from the migrated database, made small: 1 MB WAL segments (initdb's 16 MB segment was
 * 17 of the 41 MB a copy wrote) and no template databases (14 MB more: tests on PGlite never create a database, and
 * PGlite opens `postgres`). A copy is then ~380 files of ~11 MB instead of 1,187 of 41 MB.
 */
const SMALL_CLUSTER = { initDbStartParams: ['--wal-segsize=1'], startParams: [...START_PARAMS, '-c', 'min_wal_size=2MB', '-c', 'max_wal_size=4MB'] };

const dropTemplateDatabases = async (pglite: PGlite): Promise<void> => {
  for (const name of ['template0', 'template1']) {
    // one statement a call: several in one exec are one transaction, and DROP DATABASE refuses to run in one
    await pglite.exec(`ALTER DATABASE ${name} IS_TEMPLATE false`);
    await pglite.exec(`DROP DATABASE ${name}`);
  }
  await pglite.exec('CHECKPOINT');
};

/** The migrated, empty database as a PGlite data-directory dump, made once per test run (also for a data directory of a test's own). */
export const migratedDump = (): Promise<Buffer> =>
  sharedFile('pglite', 'migrated', async () => {
    // its own initdb rather than a copy of the empty cluster: a copy's dump and open would cost ~1.5 s CPU more
    const pglite = await PGlite.create(SMALL_CLUSTER);
    const db = createDb({ pglite });
    try {
      await migrate(db);
      await dropTemplateDatabases(pglite);
      return await dumpOf(pglite);
    } finally {
      await db.destroy();
    }
  });

/** A PGlite with every migration applied, and what removes it once it is closed. */
export interface MigratedPglite {
  readonly pglite: PGlite;
  remove(): Promise<void>;
}

// the run's migrated data directory: made once by jest's global setup (test/support/global-setup.ts), before any file
// starts, and only read afterwards (each test server copies it)
const runMigratedDir = (runDir: string): string => join(runDir, 'pglite', 'migrated');

/** Makes the run's migrated data directory from the run's dump (jest's global setup, once, before any test file). */
export const makeMigratedDataDir = async (runDir: string): Promise<void> => {
  await mkdir(join(runDir, 'pglite'), { recursive: true });
  await (await openDump(await migratedDump(), runMigratedDir(runDir))).close();
};

/**
 * A fresh PGlite with every migration applied: under jest, a copy of the run's migrated data directory in its folder
 * (removed by `remove`, or with the folder); elsewhere (a bench), in memory from the dump.
 */
export const openMigratedPglite = async (): Promise<MigratedPglite> => {
  const runDir = testRunDir();
  if (runDir === undefined) return { pglite: await openDump(await migratedDump()), remove: () => Promise.resolve() };
  const from = runMigratedDir(runDir);
  if (!(await access(from).then(() => true, () => false))) throw new Error(`${from} is missing: jest's global setup makes it (not for PORTFUND_TESTS=quick)`);
  const dataDir = await mkdtemp(join(runDir, 'pglite', 'db-'));
  // synchronous: node's asynchronous cp took ~4 times as long in a jest worker (a promise per file and per stat)
  cpSync(from, dataDir, { recursive: true });
  // a test's database need not survive a crash of the machine: no fsync
  const pglite = await PGlite.create({ dataDir, startParams: START_PARAMS, relaxedDurability: true });
  return { pglite, remove: () => rm(dataDir, { recursive: true, force: true }) };
};
