// One temporary folder per `npm test` run, shared by every jest worker: generated fixtures and the migrated PGlite
// database are made there once and reused by every test file of the run, then removed with the folder.
// Keys are content-addressed inside a run; the folder never outlives the run, so a code change can never serve stale files.
export const RUN_DIR_VARIABLE = 'PORTFUND_TEST_RUN_DIR';

/** The run's folder, or undefined outside jest's global setup (a bench, a script): then nothing is cached on disk. */
export const testRunDir = (): string | undefined => {
  const dir = process.env[RUN_DIR_VARIABLE];
  return dir === undefined || dir === '' ? undefined : dir;
};
