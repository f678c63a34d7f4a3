// A file written under a temporary name, then renamed: a reader at the same time never sees half a file (the CLI's blank
// cache, the tests' run folder).
import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';

export const writeFileAtomically = async (path: string, bytes: Buffer): Promise<void> => {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
};
