// Reads a stored reconciliation finding whose params hold text fragments (a label, a change, an entry written out) back
// into the sub-codes and params reconciliation writes now; kept only if today's renderer writes the very same text.
import { LEGACY_MESSAGE, fillTemplate, messageOf, type FindingParams, type ParamValue } from '@portfund/shared-rules';
import { MESSAGES } from './20261207120000_finding_params.templates';

/** A blank cell as the old checks quoted it. */
const BLANK = '（空白）';

/** The codes whose params changed shape. */
export const RECON_CODES = ['recon.carry', 'recon.cashbook_vs_final_accounts', 'recon.history_changed'] as const;

/** The fixed labels as the old checks wrote them, and their sub-codes. */
const LABELS: Readonly<Record<string, string>> = {
  '上一年度歷年累積結餘款剩餘數＋動支歷年累積結餘款金額': 'carry.surplus_remaining',
  '截至決算年度利息收入（不得少於上一年度申請書結轉利息）': 'carry.interest_floor',
  '分配款金額': 'final_accounts.alloc',
  '其他收入': 'final_accounts.other',
  '截至決算年度利息收入（不得少於該年度利息收入）': 'final_accounts.interest_floor',
};
const FA_COLUMNS: Readonly<Record<string, string>> = { 結餘款: 'surplus', 分配款: 'alloc', 利息: 'interest' };

const CHANGES: readonly (readonly [code: string, text: RegExp, names: readonly string[]])[] = [
  ['history.altered', /^第 (\d+) 列已申報的收支被修改$/u, ['row']],
  ['history.moved', /^第 (\d+) 列已申報的收支順序被更動（原為第 (\d+) 筆，現為第 (\d+) 筆）$/u, ['row', 'was', 'now']],
  ['history.removed', /^已申報的收支被刪除$/u, []],
  ['history.back_dated', /^第 (\d+) 列新增了已申報期間（1–(\d+) 月）內的收支$/u, ['row', 'filedMonths']],
  ['history.inserted', /^第 (\d+) 列在已申報的收支之間插入了收支$/u, ['row']],
  ['history.unlisted', /^另有 (\d+) 筆更動未逐筆列出$/u, ['unlisted']],
];
const TOTALS = /^共 (\d+) 筆（新增 (\d+) 筆、刪除 (\d+) 筆、修改 (\d+) 筆、順序更動 (\d+) 筆），以上僅列出前 (\d+) 筆$/u;
const TOTALS_NAMES = ['total', 'added', 'removed', 'altered', 'moved', 'listed'];
const HISTORY = /^與第 (\d+) 季已申報資料比較，(.*?)：([\s\S]*)。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明$/u;
const ENTRY = /^(?<date>.*?) 傳票「(?<voucher>.*?)」(?<code>.*?) ?(?:摘要\(二\)「(?<note>[\s\S]*)」)?金額 (?<amount>[^，]*)(?<diff>，[\s\S]*)?$/u;

type Params = Record<string, ParamValue>;

const numbered = (m: RegExpExecArray, names: readonly string[]): Params => Object.fromEntries(names.map((n, i) => [n, Number(m[i + 1])]));

/** A quoted value: （空白） was a blank cell (left out). */
const value = (text: string | undefined): ParamValue | undefined => (text === undefined || text === BLANK ? undefined : text);

const defined = (params: Record<string, ParamValue | undefined>): Params =>
  Object.fromEntries(Object.entries(params).filter((e): e is [string, ParamValue] => e[1] !== undefined));

const labelPart = (label: string): Params | null => {
  const fixed = LABELS[label];
  if (fixed !== undefined) return { part: fixed };
  const carried = /^截至決算年度利息收入（含前一年度申請書結轉利息 (.*)）$/u.exec(label);
  if (carried !== null) return { part: 'final_accounts.interest_carried', carried: carried[1] ?? '' };
  const spend = /^(.*) (結餘款|分配款|利息)$/u.exec(label);
  if (spend !== null) return { part: 'final_accounts.spend', row: spend[1] ?? '', column: FA_COLUMNS[spend[2] ?? ''] ?? '' };
  return null;
};

const entryParams = (text: string): Params | null => {
  const m = ENTRY.exec(text)?.groups;
  if (m === undefined) return null;
  const date = /^(\d+)月(\d+)日$/u.exec(m.date ?? '');
  const loose = date === null ? /^月 (.*) 日 (.*)$/u.exec(m.date ?? '') : null;
  if (date === null && loose === null) return null;
  const [zi, no, ...rest] = (m.code ?? '').split(' ').filter((t) => t !== '');
  if (rest.length > 0) return null;
  const single = no === undefined && zi !== undefined && zi !== '收' && zi !== '支';
  const params = defined({
    entry: 'history.entry',
    entryMonth: date !== null ? Number(date[1]) : value(loose?.[1]),
    entryDay: date !== null ? Number(date[2]) : value(loose?.[2]),
    entryVoucher: value(m.voucher),
    entryZi: single ? undefined : zi,
    entryNo: single ? zi : no,
    entryNote: m.note,
    entryAmount: value(m.amount),
  });
  return m.diff === undefined ? params : { ...params, ...(diffParams(m.diff) ?? { diff: '' }) };
};

const diffParams = (text: string): Params | null => {
  const more = /等 (\d+) 個欄位$/u.exec(text);
  const body = (more === null ? text : text.slice(0, more.index)).slice(1);
  const params: Record<string, ParamValue | undefined> = { diff: 'history.fields' };
  let i = 0;
  for (const m of body.matchAll(/(.+?)由「(.*?)」改為「(.*?)」(?:、|$)/gu)) {
    i += 1;
    params[`field${i}`] = m[1];
    params[`from${i}`] = value(m[2]);
    params[`to${i}`] = value(m[3]);
  }
  if (i === 0) return null;
  if (more !== null) params.fieldCount = Number(more[1]);
  return defined(params);
};

const historyParams = (text: string): Params | null => {
  const m = HISTORY.exec(text);
  if (m === null) return null;
  const [, quarter, changeText = '', rest = ''] = m;
  for (const [code, regex, names] of CHANGES) {
    const c = regex.exec(changeText);
    if (c === null) continue;
    const totals = code === 'history.unlisted' ? TOTALS.exec(rest) : null;
    const entry = totals !== null ? { entry: 'history.totals', ...numbered(totals, TOTALS_NAMES) } : entryParams(rest);
    return entry === null ? null : { prevQuarter: Number(quarter), change: code, ...numbered(c, names), ...entry };
  }
  return null;
};

const parse = (code: string, text: string): Params | null => {
  if (code === 'recon.history_changed') return historyParams(text);
  const m = (code === 'recon.carry' ? /^「(.*)」為 (.*)，上一年度申請書為 (.*)$/u : /^決算「(.*)」為 (.*)，上一年度 12 月現金收支登記簿合計為 (.*)$/u).exec(text);
  const part = m === null ? null : labelPart(m[1] ?? '');
  return m === null || part === null ? null : { ...part, actual: m[2] ?? '', expected: m[3] ?? '' };
};

/** The text a row showed before: its legacy text, or its params in the old message (their values quoted, never sub-codes). */
export const oldText = (code: string, params: FindingParams): string => {
  const legacy = params[LEGACY_MESSAGE];
  if (typeof legacy === 'string') return legacy;
  return fillTemplate(MESSAGES[code] ?? '', params, { catalogue: {}, texts: {} });
};

/** What a stored row's params become: today's sub-codes and params that render its old text, or that text kept whole. */
export const reconParams = (code: string, params: FindingParams): FindingParams => {
  const text = oldText(code, params);
  const parsed = parse(code, text);
  return parsed !== null && messageOf(code, parsed) === text ? parsed : { [LEGACY_MESSAGE]: text };
};
