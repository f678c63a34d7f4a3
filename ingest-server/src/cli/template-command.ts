// `portfund template application|cashbook --year Y [--ubn U] --out FILE`: writes a blank protected template.
import { writeFile } from 'node:fs/promises';
import { checkUbn, findVersion, CURRENT_VERSION, TEMPLATE_MAX_ROWS } from '@portfund/shared-rules';
import { writeTemplate } from '@portfund/templates';
import { useBlankCacheFromEnv } from './blank-cache';

export interface TemplateArgs {
  readonly year?: string | undefined;
  readonly ubn?: string | undefined;
  readonly version?: string | undefined;
  readonly rows?: string | undefined;
  readonly out?: string | undefined;
}

const fail = (message: string): number => {
  process.stderr.write(`${message}\n`);
  return 2;
};

export const runTemplate = async (kind: string | undefined, args: TemplateArgs): Promise<number> => {
  if (kind !== 'application' && kind !== 'cashbook') return fail('請指定範本種類：application（申請書）或 cashbook（現金收支登記簿）');
  if (args.out === undefined) return fail('請以 --out 指定輸出檔名');
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && (!/^\d{3}$/.test(args.year ?? '') || year < 100)) return fail('--year 須為民國年 3 碼且不低於 100，例如 115');
  if (args.ubn !== undefined && !checkUbn(args.ubn).ok) return fail(`--ubn「${args.ubn}」不是有效的統一編號`);
  const version = args.version ?? CURRENT_VERSION;
  if (findVersion(version) === undefined) return fail(`範本版本「${version}」不存在`);
  const rows = args.rows === undefined ? undefined : Number(args.rows);
  // the checker's bounds are derived from the largest template: it never generates one they would refuse
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1 || rows > TEMPLATE_MAX_ROWS)) return fail(`--rows 須為 1 到 ${TEMPLATE_MAX_ROWS} 的整數`);
  useBlankCacheFromEnv();
  const bytes = await writeTemplate(kind, {
    ...(year !== undefined ? { year } : {}),
    ...(args.ubn !== undefined ? { ubn: args.ubn } : {}),
    version,
    ...(rows !== undefined ? (kind === 'cashbook' ? { entryRows: rows } : { rosterRows: rows }) : {}),
  });
  await writeFile(args.out, bytes);
  process.stdout.write(`已產生 ${args.out}（${kind === 'application' ? '申請書' : '現金收支登記簿'}，範本 ${version} 版）\n`);
  return 0;
};
