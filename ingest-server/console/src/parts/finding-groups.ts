// Findings grouped for reading: by sheet (workbook order), then by rule; the filter and search a reviewer types; and a
// per-sheet summary for a blank or mostly empty workbook (dozens of 「必填欄位未填」 say one thing).
import { CATALOGUE, isFindingCode } from '@portfund/shared-rules/src/findings/catalogue';
import { type Finding } from '@portfund/api-contract';

export const FILE_LEVEL = '（整份檔案）';

export type SeverityFilter = 'all' | 'error' | 'warning';

export const titleOf = (code: string): string => (isFindingCode(code) ? CATALOGUE[code].title : code);

export interface RuleGroup {
  readonly code: string;
  readonly title: string;
  readonly findings: readonly Finding[];
  readonly errors: number;
}

export interface SheetGroup {
  readonly sheet: string;
  readonly rules: readonly RuleGroup[];
  readonly count: number;
  readonly errors: number;
}

/** Sheets in the order their first finding appears (the check reports in workbook order), rules likewise within a sheet. */
export const groupFindings = (findings: readonly Finding[]): SheetGroup[] => {
  const sheets = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const sheet = f.sheet ?? FILE_LEVEL;
    const rules = sheets.get(sheet) ?? new Map<string, Finding[]>();
    sheets.set(sheet, rules);
    const list = rules.get(f.code) ?? [];
    list.push(f);
    rules.set(f.code, list);
  }
  return [...sheets.entries()].map(([sheet, rules]) => {
    const groups = [...rules.entries()].map(([code, list]) => ({ code, title: titleOf(code), findings: list, errors: list.filter((f) => f.severity === 'error').length }));
    return { sheet, rules: groups, count: groups.reduce((n, g) => n + g.findings.length, 0), errors: groups.reduce((n, g) => n + g.errors, 0) };
  });
};

const normalise = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Whether a finding matches the search: its code, cell, sheet, rule title, message or its entry's voucher and 摘要. */
export const matches = (f: Finding, query: string): boolean => {
  const q = normalise(query.trim());
  if (q === '') return true;
  const hay = [f.code, f.cell, f.row === undefined ? undefined : `第 ${f.row} 列`, f.sheet, titleOf(f.code), f.message, f.entry?.voucher, f.entry?.summary];
  return hay.some((t) => t !== undefined && t !== null && normalise(t).includes(q));
};

export const filterFindings = (findings: readonly Finding[], severity: SeverityFilter, query: string): Finding[] =>
  findings.filter((f) => (severity === 'all' || f.severity === severity) && matches(f, query));

const EMPTY_CODES: ReadonlySet<string> = new Set(['cell.required']);

/** Whether a finding only says a required field is empty. */
export const isEmptyField = (f: { readonly code: string }): boolean => EMPTY_CODES.has(f.code);

export interface EmptySummary {
  readonly sheet: string;
  readonly empty: number;
}

/**
 * A blank or mostly empty workbook: when most of many findings are 「必填欄位未填」, one line per sheet says how many
 * required fields are empty instead of listing each (the other findings are shown as they are); null otherwise.
 */
export const emptyWorkbookSummary = (findings: readonly { readonly code: string; readonly sheet?: string }[]): EmptySummary[] | null => {
  const empty = findings.filter(isEmptyField);
  if (findings.length < 10 || empty.length * 2 < findings.length) return null;
  const bySheet = new Map<string, number>();
  for (const f of empty) bySheet.set(f.sheet ?? FILE_LEVEL, (bySheet.get(f.sheet ?? FILE_LEVEL) ?? 0) + 1);
  return [...bySheet.entries()].map(([sheet, n]) => ({ sheet, empty: n }));
};

/** "工作表 會員名冊：12 個必填欄位未填". */
export const emptySummaryText = (s: EmptySummary): string => `工作表 ${s.sheet}：${s.empty} 個必填欄位未填`;
