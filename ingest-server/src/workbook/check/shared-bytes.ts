// Upload bytes in shared memory: a Buffer over a SharedArrayBuffer reaches a check worker as the same memory (no copy,
// no transfer), while the request keeps it to hash and store. Nothing writes to an upload's bytes once read.
import { open } from 'node:fs/promises';

/** Whether the bytes live in shared memory, so a worker can read them where they are. */
export const isShared = (bytes: Uint8Array): boolean => bytes.buffer instanceof SharedArrayBuffer;

/** A whole file read straight into shared memory (one allocation of its size, no copy afterwards). */
export const readFileShared = async (path: string): Promise<Buffer> => {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
};
