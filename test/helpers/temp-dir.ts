// A private temporary directory per test file, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const makeTempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `portfund-e2e-${prefix}-`));

export const removeDir = (dir: string | undefined): Promise<void> =>
  dir === undefined ? Promise.resolve() : rm(dir, { recursive: true, force: true });
