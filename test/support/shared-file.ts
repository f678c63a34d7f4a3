// A file made once per test run and shared by every jest worker: the first worker to need it claims it (an exclusive
// lock file), makes it and writes it (to a temporary name, then renamed, so no one reads half a file); a worker that
// asks meanwhile waits for it instead of making it too. Within a worker it is also kept in memory.
import { createHash } from 'node:crypto';
import { access, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileAtomically } from '../../ingest-server/src/cli/write-atomically';
import { testRunDir } from './run-dir';

const inMemory = new Map<string, Promise<Buffer>>();

// longer than any fixture takes to make; past it the claimer is presumed dead and the waiter makes the file itself
const WAIT_FOR_OTHER_WORKER_MS = 180_000;

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** True for the one caller that may make the file. */
const claim = async (path: string): Promise<boolean> => {
  try {
    await (await open(`${path}.lock`, 'wx')).close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};


const fromDisk = async (dir: string, path: string, make: () => Promise<Buffer>): Promise<Buffer> => {
  await mkdir(dir, { recursive: true });
  if (!(await exists(path)) && !(await claim(path))) {
    const until = Date.now() + WAIT_FOR_OTHER_WORKER_MS;
    while (!(await exists(path)) && Date.now() < until) await sleep(50);
  }
  if (await exists(path)) return readFile(path);
  const bytes = await make();
  await writeFileAtomically(path, bytes);
  return bytes;
};

/** The bytes stored under (area, key) for this run, made by `make` the first time anyone asks. Kept in the worker's memory
 * too, unless `keepInMemory` is false (large results asked for once or twice: read from the run's folder again). */
export const sharedFile = (area: string, key: string, make: () => Promise<Buffer>, { keepInMemory = true } = {}): Promise<Buffer> => {
  const id = `${area}/${createHash('sha256').update(key).digest('hex')}`;
  let bytes = inMemory.get(id);
  if (bytes === undefined) {
    const runDir = testRunDir();
    bytes = runDir === undefined ? make() : fromDisk(join(runDir, area), join(runDir, id), make);
    // a failure is not cached: the next caller tries again and sees the error itself
    bytes.catch(() => inMemory.delete(id));
    // without the run's folder nothing else keeps it: then it stays in memory
    if (!keepInMemory && runDir !== undefined) void bytes.finally(() => inMemory.delete(id)).catch(() => undefined);
    inMemory.set(id, bytes);
  }
  // each caller gets its own copy: a test may change the buffer it was given
  return bytes.then((b) => Buffer.from(b));
};
