// Runs LibreOffice headless on several files in one call (each start costs seconds), with a private profile directory
// so parallel runs never share or lock one.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const LIBREOFFICE_TIMEOUT_MS = 180_000;

// LibreOffice trusts the cached results of a file that says Excel wrote it (exceljs does) unless told to recalculate on load
const ALWAYS_RECALCULATE =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>' +
  '</oor:items>\n';

/** Converts (or, for xlsx → xlsx, recalculates and re-saves) the files into outDir; returns the output paths in order. */
export const convertWithLibreOffice = async (files: readonly string[], format: 'xlsx' | 'pdf', outDir: string): Promise<string[]> => {
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    await mkdir(join(profile, 'user'));
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
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
