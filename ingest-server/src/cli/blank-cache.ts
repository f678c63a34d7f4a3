// PORTFUND_TEMPLATE_CACHE=DIR: the blank templates `portfund template` and `portfund migrate` fill (made through exceljs,
// ~1 s for a cash book) are kept in DIR between calls — for a script that migrates or writes many files, and the tests.
// A blank is stored under its key and the stamp of the sources (bin/build-stamp.js: every source and the lock file), so
// a changed or upgraded portfund never reads a blank an older one made.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BlankSource, setBlankSource } from '@portfund/templates';
import { currentStamp } from '../../bin/build-stamp';
import { writeFileAtomically } from './write-atomically';

export const TEMPLATE_CACHE_VARIABLE = 'PORTFUND_TEMPLATE_CACHE';

/** A blank source reading and writing DIR; `stamp` names the code that makes the blanks. */
export const blankCacheIn =
  (dir: string, stamp: string): BlankSource =>
  async (key, make) => {
    const path = join(dir, `${createHash('sha256').update(`${stamp}\0${key}`).digest('hex')}.xlsx`);
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const bytes = await make();
    await mkdir(dir, { recursive: true });
    await writeFileAtomically(path, bytes);
    return bytes;
  };

/** Uses the cache when the variable names a folder (the commands that write templates call this first). */
export const useBlankCacheFromEnv = (): void => {
  const dir = process.env[TEMPLATE_CACHE_VARIABLE];
  if (dir !== undefined && dir !== '') setBlankSource(blankCacheIn(dir, currentStamp('server').sources));
};
