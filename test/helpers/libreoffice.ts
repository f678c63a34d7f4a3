// Runs LibreOffice headless on several files in one call (each start costs seconds), with a private profile directory
// so parallel runs never share or lock one.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const LIBREOFFICE_TIMEOUT_MS = 180_000;

/** Converts (or, for xlsx → xlsx, recalculates and re-saves) the files into outDir; returns the output paths in order. */
export const convertWithLibreOffice = async (files: readonly string[], format: 'xlsx' | 'pdf', outDir: string): Promise<string[]> => {
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    await run(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
      { timeout: LIBREOFFICE_TIMEOUT_MS - 10_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return files.map((file) => join(outDir, `${basename(file).replace(/\.[^.]+$/, '')}.${format}`));
};
