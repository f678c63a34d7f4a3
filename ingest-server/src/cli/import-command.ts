// `portfund import KIND FILE --dry-run [--json] [--sheet NAME]`: checks a registry import file offline with exactly the
// row rules the server uses (SPEC §8). Offline there is no registry, so unit names, union jurisdiction and eligibility
// are not compared (the server does that). Exit 0 = no errors, 1 = errors found, 2 = the file could not be read.
import { SEVERITY_LABELS } from '@portfund/api-contract';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { reasonText, taipeiDate, withoutParams, type Finding, type Reason } from '@portfund/shared-rules';
import { IMPORT_KIND_LABELS, isImportKind } from '@portfund/shared-rules/src/registry';
import { ENCODING_LABELS } from '../tables/decode';
import { openTable } from '../tables/open-table';
import { TableReadError } from '../tables/source';
import { checkPass, type PassSummary } from '../services/registry/pipeline';
import { dateFormatsText } from '../services/registry/view';
import { DEFAULT_LIMITS } from '../workbook/gate/input-gate';
import { cliTooLarge } from './format';
import { IMPORT_USAGE } from './usage';


export interface ImportCommandOptions {
  readonly 'dry-run'?: boolean;
  readonly json?: boolean;
  readonly sheet?: string;
}

interface JsonResult {
  file: string;
  kind: string;
  format: string | null;
  encoding: string | null;
  sheet: string | null;
  dateFormats: { gregorian: number; roc: number } | null;
  counts: { read: number; valid: number; rejected: number } | null;
  findings: Omit<Finding, 'params'>[];
  summary: { errors: number; warnings: number };
  error?: string;
}

const line = (f: Finding): string => {
  const where = [f.row === undefined ? '標題列' : `第 ${f.row} 列`, f.field === undefined ? '' : `「${f.field}」`].join('');
  return `${where} ${SEVERITY_LABELS[f.severity]} ${f.code} ${f.message}\n`;
};

const fail = (json: boolean, result: Omit<JsonResult, 'findings' | 'summary'>, why: Reason): number => {
  const reason = reasonText(why);
  if (json) process.stdout.write(`${JSON.stringify({ ...result, findings: [], summary: { errors: 1, warnings: 0 }, error: reason }, null, 2)}\n`);
  else process.stderr.write(`${result.file}：檔案無法讀取：${reason}\n`);
  return 2;
};

export const runImportCommand = async (positionals: readonly string[], options: ImportCommandOptions): Promise<number> => {
  const [kind, path] = positionals;
  if (kind === undefined || path === undefined || !isImportKind(kind)) {
    process.stderr.write(`請指定匯入類別與檔案：\n${IMPORT_USAGE}`);
    return 2;
  }
  if (options['dry-run'] !== true) {
    process.stderr.write('離線只能檢查（--dry-run）；寫入名冊請由伺服器匯入：POST /api/registry/imports/KIND\n');
    return 2;
  }
  const json = options.json === true;
  const file = basename(path);
  const base = { file, kind, format: null, encoding: null, sheet: null, dateFormats: null, counts: null };
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail(json, base, { reason: 'cli.not_a_file' });
    // refuse a huge file before reading it into memory
    if (info.size > DEFAULT_LIMITS.maxFileBytes) return fail(json, base, cliTooLarge(info.size, DEFAULT_LIMITS.maxFileBytes));
  } catch {
    return fail(json, base, { reason: 'cli.not_found' });
  }
  const opened = await openTable(await readFile(path), options.sheet !== undefined ? { sheet: options.sheet } : {});
  if (!opened.ok) return fail(json, base, opened.reason);
  const source = opened.source;
  const findings: Finding[] = [];
  if (!json) {
    const encoding = source.encoding === null ? '' : `，${ENCODING_LABELS[source.encoding]}`;
    process.stdout.write(`${file}：${IMPORT_KIND_LABELS[kind]}（${source.format.toUpperCase()}${encoding}）\n`);
  }
  let pass: PassSummary;
  try {
    pass = await checkPass(source, kind, { today: taipeiDate(new Date()) }, {
      onFindings: (fs) => {
        if (json) findings.push(...fs);
        else for (const f of fs) process.stdout.write(line(f));
      },
      onValid: () => undefined,
    });
  } catch (error) {
    if (error instanceof TableReadError) return fail(json, { ...base, format: source.format, encoding: source.encoding, sheet: source.sheet() }, error.reason);
    throw error;
  }
  if (json) {
    const result: JsonResult = {
      ...base,
      format: source.format,
      encoding: source.encoding,
      sheet: source.sheet(),
      dateFormats: pass.dates,
      counts: { read: pass.read, valid: pass.valid, rejected: pass.rejected },
      findings: findings.map(withoutParams),
      summary: { errors: pass.errors, warnings: pass.warnings },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const sheet = source.sheet() === null ? '' : `工作表「${source.sheet()}」，`;
    process.stdout.write(
      pass.headerOk
        ? `${sheet}共 ${pass.read} 筆，可匯入 ${pass.valid} 筆，有錯誤 ${pass.rejected} 筆；${SEVERITY_LABELS.error} ${pass.errors}、${SEVERITY_LABELS.warning} ${pass.warnings}；日期：${dateFormatsText(pass.dates.gregorian, pass.dates.roc)}（離線檢查：未比對單位、工會管轄與資格）\n`
        : '欄位標題有誤，未檢查資料列\n',
    );
  }
  return pass.errors > 0 ? 1 : 0;
};
