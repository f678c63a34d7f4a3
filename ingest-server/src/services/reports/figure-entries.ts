// Drill-down to the cell (issue 17): the ledger entries behind one figure of a cash book — 分配款收入, or a spending
// category (× 動支來源) — each with its workbook cell. The entries are picked as the ledger totals pick them
// (shared-rules ledger/totals.ts, through the parameter table of the book's own template version), so their sum is
// the figure the reports show. A closing balance (期末餘額) is its own cell: the running-balance column of the account on the
// book's last entry row (the opening row when the book has no entry), its amount the stored closing balance.
import { type ACCOUNTS, balanceColumn, CB_OPENING_ROW, CB_SHEET, entryColumn, paramKey, paramsFor, type ParamRow } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';
import { FUND_SOURCES, type FundSourceKey, SPEND_GROUPS, type SpendGroupKey } from './spend-groups';

export type AccountKey = 'special1' | 'special2' | 'fixed' | 'petty';
export type Figure =
  | { readonly figure: 'allocation' }
  | { readonly figure: 'spend'; readonly group: SpendGroupKey; readonly source?: FundSourceKey }
  | { readonly figure: 'balance'; readonly account?: AccountKey };

/** The four accounts: key, the workbook's name, the stored closing balance's column. */
const ACCOUNT_OF: Record<AccountKey, { readonly name: (typeof ACCOUNTS)[number]; readonly column: string }> = {
  special1: { name: '專戶存款1', column: 'closing_special1' },
  special2: { name: '專戶存款2', column: 'closing_special2' },
  fixed: { name: '定期存款', column: 'closing_fixed' },
  petty: { name: '零用金', column: 'closing_petty' },
};

export interface FigureEntry {
  readonly row: number;
  readonly cell: string;
  readonly month: number | null;
  readonly day: number | null;
  readonly voucher: string | null;
  readonly no: string | null;
  readonly summary: string | null;
  readonly amount: string;
  readonly category: string | null;
  readonly account: string | null;
}

export interface FigureEntries {
  readonly filing: {
    readonly id: number;
    readonly union: { readonly id: number; readonly name: string; readonly ubn: string | null };
    readonly year: number;
    readonly quarter: number;
    readonly version: number;
    readonly status: string;
  };
  readonly figure: { readonly label: string; readonly total: string };
  readonly entries: readonly FigureEntry[];
}

interface EntryRow {
  readonly sheet_row: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly zi: string | null;
  readonly voucher: string | null;
  readonly item: string | null;
  readonly no: string | null;
  readonly note: string | null;
  readonly amount: string | number | null;
  readonly category: string | null;
  readonly account: string | null;
}

/** The figure's zh-TW name, as the dashboard and the union page label it. */
export const figureLabel = (f: Figure): string => {
  if (f.figure === 'allocation') return '分配款收入';
  if (f.figure === 'balance') return `期末餘額（${f.account === undefined ? '四個帳戶合計' : ACCOUNT_OF[f.account].name}）`;
  const group = SPEND_GROUPS.find((g) => g.key === f.group);
  const source = FUND_SOURCES.find((s) => s.key === f.source);
  return `${f.group} ${group?.label ?? ''}${source === undefined ? '（各來源）' : `（${source.label}）`}`;
};

/** Whether an entry of the book counts in the figure (its parameter row from the book's template version). */
const counts = (f: Figure, param: ParamRow | undefined, category: string | null): boolean => {
  if (param === undefined) return false;
  // 收 1 商港服務費福利專款 is the 分配款 received (ledger/totals.ts RECEIPTS)
  if (f.figure === 'allocation') return param.zi === '收' && param.no === '1';
  if (f.figure === 'balance') return false;
  if (param.zi !== '支' || param.spendRow === undefined) return false;
  const group = SPEND_GROUPS.find((g) => g.key === f.group);
  if (group === undefined || !(group.rows as readonly string[]).includes(param.spendRow)) return false;
  const sources = f.source === undefined ? FUND_SOURCES : FUND_SOURCES.filter((s) => s.key === f.source);
  return category !== null && sources.some((s) => (s.categories as readonly string[]).includes(category));
};

const AMOUNT_COLUMN = entryColumn('amount');

const filingHeader = async (db: Knex, filing: Filing): Promise<FigureEntries['filing']> => {
  const union = await db('organizations').where('id', filing.union_id).first<{ id: number; name: string; ubn: string | null } | undefined>('id', 'name', 'ubn');
  return {
    id: filing.id,
    union: { id: union?.id ?? filing.union_id, name: union?.name ?? '', ubn: union?.ubn ?? null },
    year: filing.year,
    quarter: filing.quarter,
    version: filing.version,
    status: filing.status,
  };
};

/** The closing-balance cells of a book: one per account asked, on the last entry row, with the stored closing balance. */
const balanceEntries = async (db: Knex, filing: Filing, account: AccountKey | undefined): Promise<FigureEntry[]> => {
  const [last, summary] = await Promise.all([
    db<EntryRow>('ledger_entries').where('filing_id', filing.id).orderBy('seq', 'desc').first('sheet_row', 'month', 'day', 'voucher', 'no'),
    db('cashbook_summaries').where('filing_id', filing.id).first<Record<string, string | number | null> | undefined>(),
  ]);
  const row = last?.sheet_row ?? CB_OPENING_ROW;
  const keys = account === undefined ? (Object.keys(ACCOUNT_OF) as AccountKey[]) : [account];
  return keys.map((key) => {
    const { name, column } = ACCOUNT_OF[key];
    const value = summary?.[column];
    return {
      row,
      cell: `${CB_SHEET}!${balanceColumn(name)}${row}`,
      month: last?.month ?? null,
      day: last?.day ?? null,
      voucher: last?.voucher ?? null,
      no: last?.no ?? null,
      summary: last === undefined ? `上年度結存：${name}` : `期末餘額：${name}（最後一筆分錄之後）`,
      amount: new Decimal(value === null || value === undefined ? 0 : String(value)).toFixed(0),
      category: null,
      account: name,
    };
  });
};

/** The entries of a cash book the caller may see (the route has checked the scope) behind one figure. */
export const figureEntries = async (db: Knex, filing: Filing, f: Figure): Promise<FigureEntries> => {
  if (f.figure === 'balance') {
    const [entries, header] = await Promise.all([balanceEntries(db, filing, f.account), filingHeader(db, filing)]);
    return { filing: header, figure: { label: figureLabel(f), total: entries.reduce((s, e) => s.plus(e.amount), new Decimal(0)).toFixed(0) }, entries };
  }
  const byKey = paramsFor(filing.template_version).byKey;
  const [rows, header] = await Promise.all([
    db<EntryRow>('ledger_entries')
      .where('filing_id', filing.id)
      .orderBy('seq')
      .select('sheet_row', 'month', 'day', 'zi', 'voucher', 'item', 'no', 'note', 'amount', 'category', 'account'),
    filingHeader(db, filing),
  ]);
  const entries = rows
    .filter((r) => r.amount !== null && r.zi !== null && r.no !== null && counts(f, byKey.get(paramKey(r.zi, r.no)), r.category))
    .map(
      (r): FigureEntry => ({
        row: r.sheet_row,
        cell: `${CB_SHEET}!${AMOUNT_COLUMN}${r.sheet_row}`,
        month: r.month,
        day: r.day,
        voucher: r.voucher,
        no: r.no,
        summary: [r.item, r.note].filter((t): t is string => t !== null && t !== '').join('／') || null,
        amount: new Decimal(String(r.amount)).toFixed(0),
        category: r.category,
        account: r.account,
      }),
    );
  return {
    filing: header,
    figure: { label: figureLabel(f), total: entries.reduce((s, e) => s.plus(e.amount), new Decimal(0)).toFixed(0) },
    entries,
  };
};
