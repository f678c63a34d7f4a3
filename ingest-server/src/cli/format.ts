// Output of `portfund check`: SPEC §9's JSON shape, or human lines "sheet!cell code message".
import { findingCountText, SEVERITY_LABELS } from '@portfund/api-contract';
import { withoutParams, type Finding, type Reason } from '@portfund/shared-rules';
import { type FileCheck } from '../workbook/check/check-file';

export interface CheckJson {
  readonly files: readonly {
    readonly file: string;
    readonly kind: string | null;
    readonly templateVersion: string | null;
    readonly findings: readonly Omit<Finding, 'params'>[];
    readonly summary: { readonly errors: number; readonly warnings: number };
  }[];
}

export const toJson = (checks: readonly FileCheck[]): CheckJson => ({
  files: checks.map((c) => ({ file: c.file, kind: c.kind, templateVersion: c.templateVersion, findings: c.findings.map(withoutParams), summary: c.summary })),
});

const where = (f: Finding): string => {
  if (f.sheet !== undefined && f.cell !== undefined) return `${f.sheet}!${f.cell}`;
  if (f.sheet !== undefined) return f.sheet;
  if (f.row !== undefined) return `第 ${f.row} 列`;
  return '（檔案）';
};

export const toHuman = (checks: readonly FileCheck[]): string => {
  const lines: string[] = [];
  for (const c of checks) {
    const kind = c.kind === 'application' ? '申請書' : c.kind === 'cashbook' ? '現金收支登記簿' : /\.pdf$/i.test(c.file) ? '申請書 PDF 附件' : '無法辨識';
    lines.push(`${c.file}（${kind}${c.templateVersion === null ? '' : `，範本 ${c.templateVersion} 版`}）`);
    for (const f of c.findings) lines.push(`  ${where(f)} ${f.code} ${f.severity === 'warning' ? `[${SEVERITY_LABELS.warning}] ` : ''}${f.message}`);
    lines.push(`  → ${findingCountText(c.summary.errors, c.summary.warnings)}${c.summary.errors === 0 ? '，可以送出' : ''}`);
  }
  return `${lines.join('\n')}\n`;
};

/** 0 = no errors, 1 = errors found, 2 = a file could not be read (SPEC §9). */
export const exitCode = (checks: readonly FileCheck[]): 0 | 1 | 2 => {
  if (checks.some((c) => !c.readable)) return 2;
  return checks.some((c) => c.summary.errors > 0) ? 1 : 0;
};

/** A file the CLI will not read into memory: its size and the limit in MB, one decimal as the text shows them. */
export const cliTooLarge = (size: number, limit: number): Reason => ({ reason: 'cli.too_large', sizeMb: (size / 1048576).toFixed(1), limitMb: limit / 1048576 });
