// `portfund migrate FILE --out FILE`: copies every input of a workbook made from an older template into the current one.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CURRENT_VERSION } from '@portfund/shared-rules';
import { checkFileBytes } from '../workbook/check/check-file';
import { migrateSnapshot } from '../workbook/migrate';
import { useBlankCacheFromEnv } from './blank-cache';

export const runMigrate = async (path: string | undefined, out: string | undefined): Promise<number> => {
  if (path === undefined || out === undefined) {
    process.stderr.write('用法：portfund migrate FILE --out FILE\n');
    return 2;
  }
  useBlankCacheFromEnv();
  const checked = await checkFileBytes(await readFile(path), basename(path));
  if (!checked.readable || checked.snapshot === undefined || checked.kind === null || checked.templateVersion === null) {
    process.stderr.write(`${basename(path)}：${checked.findings[0]?.message ?? '無法讀取'}\n`);
    return 2;
  }
  const bytes = await migrateSnapshot(checked.snapshot, checked.kind, checked.templateVersion);
  await writeFile(out, bytes);
  process.stdout.write(`已將 ${checked.templateVersion} 版的資料轉入 ${CURRENT_VERSION} 版範本：${out}\n`);
  return 0;
};
