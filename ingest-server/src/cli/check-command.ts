// `portfund check FILE… [--json]`: reads each file (size-capped before reading), checks it, prints, returns the exit code.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkFileBytes, type FileCheck, unreadable } from '../workbook/check/check-file';
import { WORKBOOK_LIMITS } from '../workbook/gate/input-gate';
import { cliTooLarge, exitCode, toHuman, toJson } from './format';

export const checkPath = async (path: string): Promise<FileCheck> => {
  const file = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return unreadable(file, { reason: 'cli.not_a_file' });
    size = info.size;
  } catch {
    return unreadable(file, { reason: 'cli.not_found' });
  }
  // refuse a huge file before reading it into memory
  if (size > WORKBOOK_LIMITS.maxFileBytes) {
    return unreadable(file, cliTooLarge(size, WORKBOOK_LIMITS.maxFileBytes));
  }
  return checkFileBytes(await readFile(path), file);
};

export const runCheck = async (paths: readonly string[], json: boolean): Promise<number> => {
  if (paths.length === 0) {
    process.stderr.write('請指定要檢查的檔案：portfund check FILE… [--json]\n');
    return 2;
  }
  const checks: FileCheck[] = [];
  for (const path of paths) checks.push(await checkPath(path));
  process.stdout.write(json ? `${JSON.stringify(toJson(checks), null, 2)}\n` : toHuman(checks));
  return exitCode(checks);
};
