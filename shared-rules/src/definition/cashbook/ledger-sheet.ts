// Sheet 現金收支登記簿: header, opening balances and the entry table with running balances (seed 004 §2.8; SPEC §4).
import { type Account, ACCOUNTS } from '../../ledger/delta';
import { address, columnLetters } from '../../snapshot/a1';
import { cell, concat, ifBlank, range, str, sum, type CellRef, type Expr } from '../expr';
import { listName } from '../lists';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type CellSpec, type FieldSpec, type TableColumn } from '../types';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { paramKey, type ParamTable } from './params';

export const CB_SHEET = '現金收支登記簿';

export const CB_CELLS = {
  unionName: 'C3',
  year: 'C4',
  ubn: 'C5',
  period: 'C6',
  openSpecial1: 'C8',
  openSpecial2: 'C9',
  openFixed: 'C10',
  openPetty: 'C11',
} as const;

const amount = (label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'amount', label, required: true, maxDigits: 9, ...extra });

export const CB_HEADER_FIELDS: readonly { name: string; cell: string; label: string; spec: FieldSpec; hint: string }[] = [
  { name: 'cb_union_name', cell: CB_CELLS.unionName, label: '工會名稱：', spec: { type: 'text', label: '工會名稱', required: true, maxLength: 100 }, hint: '全名' },
  { name: 'cb_year', cell: CB_CELLS.year, label: '年度：', spec: { type: 'rocYear', label: '年度', required: true, min: 100 }, hint: '民國年 3 碼，依實際發生年度填寫' },
  { name: 'cb_ubn', cell: CB_CELLS.ubn, label: '統一編號：', spec: { type: 'ubn', label: '統一編號', required: true }, hint: '8 碼數字（作為上傳檢核依據）' },
  { name: 'cb_period', cell: CB_CELLS.period, label: '申報月份：', spec: { type: 'enum', label: '申報月份', required: true, list: 'period' }, hint: '3、6、9、12 月底申報當年度累計收支' },
  { name: 'cb_open_special1', cell: CB_CELLS.openSpecial1, label: '專戶存款1：', spec: amount('上年度結存 專戶存款1'), hint: '最多 9 位數字' },
  { name: 'cb_open_special2', cell: CB_CELLS.openSpecial2, label: '專戶存款2：', spec: amount('上年度結存 專戶存款2'), hint: '最多 9 位數字' },
  { name: 'cb_open_fixed', cell: CB_CELLS.openFixed, label: '定期存款：', spec: amount('上年度結存 定期存款'), hint: '最多 9 位數字' },
  { name: 'cb_open_petty', cell: CB_CELLS.openPetty, label: '零用金：', spec: amount('上年度結存 零用金'), hint: '最多 9 位數字' },
];

export const CB_ENTRY_COLUMNS: readonly TableColumn[] = [
  { key: 'month', header: '月', spec: { type: 'count', label: '月', required: true, min: 1, max: 12, maxDigits: 2 } },
  { key: 'day', header: '日', spec: { type: 'count', label: '日', required: true, min: 1, max: 31, maxDigits: 2 } },
  { key: 'zi', header: '字', spec: { type: 'enum', label: '字', required: true, list: 'cb_zi' } },
  { key: 'voucher', header: '傳票序號', spec: { type: 'text', label: '傳票序號', required: true, maxLength: 10, textKind: 'code' } },
  { key: 'item', header: '項目', spec: { type: 'enum', label: '項目', required: true, list: 'cb_item' } },
  { key: 'no', header: '號', spec: { type: 'enum', label: '號', required: true, list: 'cb_no' } },
  { key: 'summary', header: '摘要(一)' },
  { key: 'note', header: '摘要(二)', spec: { type: 'text', label: '摘要(二)', maxLength: 50 } },
  { key: 'amount', header: '金額', spec: { type: 'amount', label: '金額', required: true, min: 1, maxDigits: 9 } },
  { key: 'category', header: '動支類別', spec: { type: 'enum', label: '動支類別', list: 'cb_category' } },
  { key: 'account', header: '動支帳戶', spec: { type: 'enum', label: '動支帳戶', required: true, list: 'cb_account' } },
];

export const CB_BALANCE_COLUMNS: readonly { key: 'total' | Account; header: string }[] = [
  { key: 'total', header: '結存' },
  ...ACCOUNTS.map((a) => ({ key: a, header: a })),
];

export const CB_HEADER_ROW = 12;
export const CB_OPENING_ROW = 13;
export const CB_FIRST_ENTRY_ROW = 14;
export const DEFAULT_ENTRY_ROWS = 3000;
export const CB_SUMMARY_TABLE = 'tbl_cb_summary';
/** From 1.3: 字|項目 → 號, one row per 號, grouped by 字|項目 (the source of the 號 dropdown). */
export const CB_NO_TABLE = 'tbl_cb_no';

/** The table's rows in the parameter table's order, each 字|項目 group together. */
export const noTableRows = (params: ParamTable): (readonly [string, string])[] => {
  const groups = new Map<string, string[]>();
  for (const p of params.rows) groups.set(paramKey(p.zi, p.item), [...(groups.get(paramKey(p.zi, p.item)) ?? []), p.no]);
  return [...groups].flatMap(([key, nos]) => nos.map((no) => [key, no] as const));
};

/**
 * The 號 dropdown of the first entry row (relative, so each row reads its own 字 and 項目): the 號 of that 字|項目 in the
 * parameter table, or every 號 while 字 or 項目 is empty or not in the table. OFFSET over the very-hidden _meta works on a
 * protected sheet (no INDIRECT, no named list per item).
 */
const noListFormula = (row: number): string => {
  const key = `$${entryColumn('zi')}${row}&"|"&$${entryColumn('item')}${row}`;
  const keys = `INDEX(${CB_NO_TABLE},0,1)`;
  return `IF(COUNTIF(${keys},${key})=0,${listName('cb_no')},OFFSET(${CB_NO_TABLE},MATCH(${key},${keys},0)-1,1,COUNTIF(${keys},${key}),1))`;
};
export const SUMMARY_MISSING = '（字、號不在參數表）';

// the letters of each column, worked out once (a 20,000-row definition asks for them ~500,000 times)
const ENTRY_LETTERS = new Map(CB_ENTRY_COLUMNS.map((c, i) => [c.key, columnLetters(i + 1)]));
const BALANCE_LETTERS = new Map(CB_BALANCE_COLUMNS.map((c, i) => [c.key, columnLetters(CB_ENTRY_COLUMNS.length + 1 + i)]));

export const entryColumn = (key: string): string => ENTRY_LETTERS.get(key) ?? columnLetters(0);
export const balanceColumn = (key: 'total' | Account): string => BALANCE_LETTERS.get(key) ?? columnLetters(CB_ENTRY_COLUMNS.length);

const ref = (col: string, row: number, absRow = false): CellRef =>
  absRow ? { sheet: CB_SHEET, cell: `${col}${row}`, absRow } : { sheet: CB_SHEET, cell: `${col}${row}` };

/**
 * The cells of one entry row its formulas read, made once per row and shared by them (expressions are never changed
 * after they are built): a 20,000-row definition then holds a fraction of the objects.
 */
interface EntryRefs {
  readonly row: number;
  readonly zi: CellRef;
  readonly no: CellRef;
  readonly amount: CellRef;
  readonly acct: CellRef;
  /** The cells whose emptiness makes the row empty (CB_ROW_FILLED_COLUMNS). */
  readonly filled: readonly CellRef[];
}

const entryRefs = (row: number): EntryRefs => {
  const amount = ref(entryColumn('amount'), row);
  return {
    row,
    zi: ref(entryColumn('zi'), row),
    no: ref(entryColumn('no'), row),
    amount,
    acct: ref(entryColumn('account'), row),
    filled: CB_ROW_FILLED_COLUMNS.map((key) => (key === 'amount' ? amount : ref(entryColumn(key), row))),
  };
};

const summaryExpr = (refs: EntryRefs, entries: ReadonlyMap<string, string>): Expr => ({
  t: 'lookup',
  zi: refs.zi,
  no: refs.no,
  table: CB_SUMMARY_TABLE,
  entries,
  missing: SUMMARY_MISSING,
});

/** The columns whose emptiness makes an entry row empty: 月 and 金額 (from 1.3 its balances show blank and it does not print). */
export const CB_ROW_FILLED_COLUMNS = ['month', 'amount'] as const;

// each account's header cell and opening balance, the same for every row
const HEADER_REFS = new Map(ACCOUNTS.map((a) => [a, ref(balanceColumn(a), CB_HEADER_ROW, true)]));
const OPENING_REFS = new Map(ACCOUNTS.map((a) => [a, ref(balanceColumn(a), CB_OPENING_ROW, true)]));

const balanceExpr = (account: Account, refs: EntryRefs, blankWhenEmpty: boolean): Expr => ({
  t: 'balance',
  account,
  prev: ref(balanceColumn(account), refs.row - 1),
  header: HEADER_REFS.get(account) ?? ref(balanceColumn(account), CB_HEADER_ROW, true),
  zi: refs.zi,
  no: refs.no,
  amount: refs.amount,
  acct: refs.acct,
  ...(blankWhenEmpty ? { blankWhen: refs.filled, first: OPENING_REFS.get(account) ?? ref(balanceColumn(account), CB_OPENING_ROW, true) } : {}),
});

const totalExpr = (row: number): Expr => sum(range(CB_SHEET, `${balanceColumn(ACCOUNTS[0])}${row}:${balanceColumn(ACCOUNTS[3])}${row}`));

/** From 1.3 an empty row's total is blank like its balances. */
const rowTotalExpr = (row: number, blankWhenEmpty: boolean): Expr =>
  blankWhenEmpty ? ifBlank(cell(CB_SHEET, `${balanceColumn(ACCOUNTS[0])}${row}`), str(''), totalExpr(row)) : totalExpr(row);

export const buildLedgerSheet = (entryRows: number, params: ParamTable, release: TemplateVersion): BuiltSheet => {
  const b = new SheetBuilder(CB_SHEET, 'white');
  const summaries = new Map(params.rows.map((p) => [paramKey(p.zi, p.no), p.summary]));
  const lastCol = balanceColumn('零用金');
  const year = cell(CB_SHEET, CB_CELLS.year, 'cb_year');
  const name = cell(CB_SHEET, CB_CELLS.unionName, 'cb_union_name');
  b.formula('A1', concat(str('商港服務費福利專款現金收支登記簿 '), ifBlank(year, str(''), concat(year, str('年度')))), 'text', 'title');
  b.formula('A2', ifBlank(name, str(''), name), 'text', 'title');
  const merges = [`A1:${lastCol}1`, `A2:${lastCol}2`];
  CB_HEADER_FIELDS.forEach((f) => {
    const row = Number(f.cell.slice(1));
    b.label(`A${row}`, f.label);
    b.single(f.name, f.cell, f.spec);
    b.label(`E${row}`, f.hint, 'note');
    merges.push(`A${row}:B${row}`, `C${row}:D${row}`, `E${row}:K${row}`);
  });
  b.label('A7', '上年度結存', 'section');
  merges.push('A7:D7');
  CB_ENTRY_COLUMNS.forEach((c, i) => b.label(address(CB_HEADER_ROW, i + 1), c.header, 'header'));
  CB_BALANCE_COLUMNS.forEach((c) => b.label(`${balanceColumn(c.key)}${CB_HEADER_ROW}`, c.header, 'header'));

  // the opening row carries the header's opening balances into the running-balance columns
  b.label(`A${CB_OPENING_ROW}`, '上年度結存');
  merges.push(`A${CB_OPENING_ROW}:${entryColumn('account')}${CB_OPENING_ROW}`);
  const openings: Record<Account, string> = {
    專戶存款1: CB_CELLS.openSpecial1,
    專戶存款2: CB_CELLS.openSpecial2,
    定期存款: CB_CELLS.openFixed,
    零用金: CB_CELLS.openPetty,
  };
  b.formula(`${balanceColumn('total')}${CB_OPENING_ROW}`, totalExpr(CB_OPENING_ROW));
  ACCOUNTS.forEach((a) => b.formula(`${balanceColumn(a)}${CB_OPENING_ROW}`, sum(cell(CB_SHEET, openings[a]))));

  const summaryIndex = CB_ENTRY_COLUMNS.findIndex((c) => c.key === 'summary');
  // the row's refs, shared by its summary and its four balances (the range is built row by row before the balances)
  const rows = new Map<number, EntryRefs>();
  const refsOf = (row: number): EntryRefs => {
    let refs = rows.get(row);
    if (refs === undefined) rows.set(row, (refs = entryRefs(row)));
    return refs;
  };
  b.range({
    name: 'cb_entries',
    at: `A${CB_FIRST_ENTRY_ROW}`,
    columns: CB_ENTRY_COLUMNS,
    rowCount: entryRows,
    cellAt: (r, c): CellSpec | 'input' =>
      c === summaryIndex ? { kind: 'formula', expr: summaryExpr(refsOf(CB_FIRST_ENTRY_ROW + r), summaries), role: 'label', format: 'text' } : 'input',
  });
  const lastRow = CB_FIRST_ENTRY_ROW + entryRows - 1;
  const manual = hasManualLayout(release);
  if (manual) b.listSource(`${entryColumn('no')}${CB_FIRST_ENTRY_ROW}:${entryColumn('no')}${lastRow}`, noListFormula(CB_FIRST_ENTRY_ROW));
  for (let row = CB_FIRST_ENTRY_ROW; row <= lastRow; row += 1) {
    b.formula(`${balanceColumn('total')}${row}`, rowTotalExpr(row, manual));
    const refs = refsOf(row);
    ACCOUNTS.forEach((a) => b.formula(`${balanceColumn(a)}${row}`, balanceExpr(a, refs, manual)));
  }
  b.nameFormulas('cb_balances', `${balanceColumn('total')}${CB_FIRST_ENTRY_ROW}:${lastCol}${lastRow}`, '結存');
  const widths = [5, 5, 5, 10, 18, 7, 30, 18, 12, 11, 11, 13, 13, 13, 13, 12];
  return b.build({
    columns: widths.map((width) => ({ width })),
    merges,
    freeze: `A${CB_FIRST_ENTRY_ROW}`,
    orientation: 'landscape',
    printTitleRows: `${CB_HEADER_ROW}:${CB_HEADER_ROW}`,
    // from 1.3 a book prints down to its last entry (月 or 金額 filled), not its 3,000 prepared rows
    ...(manual
      ? {
          printArea: { ref: `A1:${lastCol}${lastRow}`, lastRowOf: { columns: CB_ROW_FILLED_COLUMNS.map(entryColumn), minRow: CB_OPENING_ROW } },
          fitRowHeights: true,
        }
      : {}),
  });
};
