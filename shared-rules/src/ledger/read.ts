// Reads the cash book through the definition (SPEC §4): header, opening balances and every used row of cb_entries,
// tolerantly — a cell that cannot be read is null here and reported by the cell rules — then replays it once per check.
import type Decimal from 'decimal.js';
import { type CheckContext } from '../check/context';
import { type ParamTable, paramKey, paramsFor } from '../definition/cashbook/params';
import { CB_CELLS, CB_ENTRY_COLUMNS, CB_SHEET } from '../definition/cashbook/ledger-sheet';
import { toNumber, toText } from '../definition/expr';
import { isListed, listStrings } from '../definition/lists';
import { type FieldSpec, type ListKey } from '../definition/types';
import { type RangeRow } from '../form/form';
import { type CellValue } from '../snapshot/types';
import { readAmount } from '../values/amount';
import { readEnum } from '../values/enum';
import { readRocYear } from '../values/roc-date';
import { cellText } from '../values/text';
import { type Account } from './delta';
import { type Balances, type LedgerEntryInput, type Replay, replayEntries } from './replay';

export interface Ledger extends Replay {
  /** cb_year (ROC), or null when it cannot be read. */
  readonly year: number | null;
  /** cb_period (3, 6, 9 or 12), or null when it cannot be read. */
  readonly period: number | null;
  readonly opening: Balances;
}

const OPENING_CELLS: Readonly<Record<Account, string>> = {
  專戶存款1: CB_CELLS.openSpecial1,
  專戶存款2: CB_CELLS.openSpecial2,
  定期存款: CB_CELLS.openFixed,
  零用金: CB_CELLS.openPetty,
};

const SPECS = new Map(CB_ENTRY_COLUMNS.map((c) => [c.key, c.spec]));
const specOf = (key: string): FieldSpec | undefined => SPECS.get(key);

/** A month/day cell as a whole number within its column's bounds (月 1–12, 日 1–31), or null. */
const readCount = (v: CellValue, key: 'month' | 'day'): number | null => {
  const spec = specOf(key);
  const r = readAmount(v, { maxDigits: spec?.maxDigits ?? 2 });
  if (!r.ok || r.value === null) return null;
  const n = r.value.toNumber();
  return n < (spec?.min ?? 1) || n > (spec?.max ?? 31) ? null : n;
};

/** 金額 as a whole amount (> 0 is the cell rules' concern), or null. */
const readEntryAmount = (v: CellValue): Decimal | null => {
  const r = readAmount(v, { maxDigits: specOf('amount')?.maxDigits ?? 9 });
  return r.ok ? r.value : null;
};

const readPeriod = (v: CellValue, version: string): number | null => {
  const r = readEnum(v, listStrings('period', version));
  return r.ok && r.value !== null ? Number(r.value) : null;
};

/** True when text is one of the strings the column's dropdown offers in the workbook's template version. */
export const isOffered = (version: string, list: ListKey, text: string | null): text is string =>
  text !== null && isListed(list, version, text);

const readEntry = (ctx: CheckContext, byKey: ParamTable['byKey'], r: RangeRow): LedgerEntryInput => {
  const text = (key: string): string | null => cellText(r.raw(key));
  // exactly what the template's running-balance formula reads (definition/expr.ts 'balance')
  const formulaText = (key: string): string => toText(ctx.form.value(CB_SHEET, r.at(key))).trim();
  const zi = text('zi');
  const no = text('no');
  return {
    row: r.row,
    month: readCount(r.raw('month'), 'month'),
    day: readCount(r.raw('day'), 'day'),
    zi,
    voucher: text('voucher'),
    item: text('item'),
    no,
    note: text('note'),
    amount: readEntryAmount(r.raw('amount')),
    category: text('category'),
    account: text('account'),
    param: zi === null || no === null ? null : (byKey.get(paramKey(zi, no)) ?? null),
    formula: {
      zi: formulaText('zi'),
      no: formulaText('no'),
      amount: toNumber(ctx.form.value(CB_SHEET, r.at('amount'))),
      account: formulaText('account'),
    },
  };
};

/** The cash book's 年度 and 申報月份 (3/6/9/12) as the ledger reads them; null where unreadable. */
export const readCashbookPeriod = (ctx: CheckContext): { readonly year: number | null; readonly period: number | null } => {
  const year = readRocYear(ctx.form.raw(CB_SHEET, CB_CELLS.year), { min: 100 });
  return { year: year.ok ? year.value : null, period: readPeriod(ctx.form.raw(CB_SHEET, CB_CELLS.period), ctx.def.version) };
};

/** The cash book read and replayed, computed once per check and shared by every ledger and ratio rule. */
export const readLedger = (ctx: CheckContext): Ledger =>
  ctx.memo('ledger', () => {
    const form = ctx.form;
    // the opening row's formulas SUM the header cells: a number or plain-digit text counts, anything else is 0
    const opening = Object.fromEntries(
      Object.entries(OPENING_CELLS).map(([account, cell]) => [account, form.amount(CB_SHEET, cell)]),
    ) as Record<Account, Decimal>;
    // the parameter table of the workbook's own template version (a later edition never re-judges it)
    const byKey = paramsFor(ctx.def.version).byKey;
    const inputs = form.usedRows('cb_entries').map((r) => readEntry(ctx, byKey, r));
    return {
      ...readCashbookPeriod(ctx),
      opening,
      ...replayEntries(opening, inputs),
    };
  });
