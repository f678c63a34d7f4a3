// zh-TW texts of the reconciliation checks' sub-codes (ingest-server/src/services/reconcile): the {part} of recon.carry
// and recon.cashbook_vs_final_accounts, and the {change}, {entry} and {diff} of recon.history_changed.
import { type FindingParams } from '../params';
import { BLANK, monthDayText } from '../display';
import { type TextTemplate } from './template';

/** The 決算 columns a spend cell is named by (recon.final_accounts.spend's {column}). */
const FA_COLUMN_LABELS: Readonly<Record<string, string>> = { surplus: '結餘款', alloc: '分配款', interest: '利息' };

/** A value of the entry as quoted (q) or （空白） when the param is absent (a blank cell). */
const valueOr = (p: FindingParams, q: (name: string) => string, name: string): string => (p[name] === undefined ? BLANK : q(name));

/**
 * '3月31日 傳票「5」支 6-1 摘要(二)「辦公文具」金額 2,000': an entry as it was or is written, from params entryMonth,
 * entryDay, entryVoucher, entryZi, entryNo, entryNote and entryAmount (absent ones were blank cells).
 */
const entryText = (p: FindingParams, q: (name: string) => string): string => {
  const date =
    typeof p.entryMonth === 'number' && typeof p.entryDay === 'number'
      ? monthDayText(p.entryMonth, p.entryDay)
      : `月 ${valueOr(p, q, 'entryMonth')} 日 ${valueOr(p, q, 'entryDay')}`;
  const code = ['entryZi', 'entryNo'].filter((name) => p[name] !== undefined).map(q).join(' ');
  // a space only where no closing bracket already separates the parts
  let text = `${date} 傳票「${valueOr(p, q, 'entryVoucher')}」${code}`;
  if (p.entryNote !== undefined) text += `${code === '' ? '' : ' '}摘要(二)「${q('entryNote')}」`;
  return `${text}${text.endsWith('」') ? '' : ' '}金額 ${valueOr(p, q, 'entryAmount')}`;
};

/** '，傳票序號由「4」改為「4a」、金額由「103」改為「999」': params field1…, from1…, to1… (an absent from/to was blank), fieldCount when more were changed. */
const fieldsText = (p: FindingParams, q: (name: string) => string): string => {
  const named: string[] = [];
  for (let i = 1; p[`field${i}`] !== undefined; i += 1) named.push(`${q(`field${i}`)}由「${valueOr(p, q, `from${i}`)}」改為「${valueOr(p, q, `to${i}`)}」`);
  const more = p.fieldCount === undefined ? '' : `等 ${q('fieldCount')} 個欄位`;
  return `，${named.join('、')}${more}`;
};

export const RECON_TEXTS = {
  // recon.carry's {part}
  'carry.surplus_remaining': '上一年度歷年累積結餘款剩餘數＋動支歷年累積結餘款金額',
  'carry.interest_floor': '截至決算年度利息收入（不得少於上一年度申請書結轉利息）',
  // recon.cashbook_vs_final_accounts' {part}
  'final_accounts.alloc': '分配款金額',
  'final_accounts.other': '其他收入',
  'final_accounts.interest_carried': '截至決算年度利息收入（含前一年度申請書結轉利息 {carried}）',
  'final_accounts.interest_floor': '截至決算年度利息收入（不得少於該年度利息收入）',
  'final_accounts.spend': (p, q) => `${q('row')} ${FA_COLUMN_LABELS[String(p.column)] ?? q('column')}`,
  // recon.history_changed's {change}
  'history.altered': '第 {row} 列已申報的收支被修改',
  'history.moved': '第 {row} 列已申報的收支順序被更動（原為第 {was} 筆，現為第 {now} 筆）',
  'history.removed': '已申報的收支被刪除',
  'history.back_dated': '第 {row} 列新增了已申報期間（1–{filedMonths} 月）內的收支',
  'history.inserted': '第 {row} 列在已申報的收支之間插入了收支',
  'history.unlisted': '另有 {unlisted} 筆更動未逐筆列出',
  // recon.history_changed's {entry} and {diff}
  'history.entry': entryText,
  'history.totals': '共 {total} 筆（新增 {added} 筆、刪除 {removed} 筆、修改 {altered} 筆、順序更動 {moved} 筆），以上僅列出前 {listed} 筆',
  'history.fields': fieldsText,
} as const satisfies Record<string, TextTemplate>;
