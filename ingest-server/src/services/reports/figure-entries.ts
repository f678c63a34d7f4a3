// Drill-down to the cell (issue 17): the ledger entries behind one figure of a cash book — 分配款收入, or a spending
// category (× 動支來源) — each with its workbook cell. The entries are picked as the ledger totals pick them
// (shared-rules ledger/totals.ts, through the parameter table of the book's own template version), so their sum is
// the figure the reports show.
import { CB_SHEET, entryColumn, paramKey, paramsFor, type ParamRow } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';
import { FUND_SOURCES, type FundSourceKey, SPEND_GROUPS, type SpendGroupKey } from './spend-groups';

export type Figure = { readonly figure: 'allocation' } | { readonly figure: 'spend'; readonly group: SpendGroupKey; readonly source?: FundSourceKey };

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
  const group = SPEND_GROUPS.find((g) => g.key === f.group);
  const source = FUND_SOURCES.find((s) => s.key === f.source);
  return `${f.group} ${group?.label ?? ''}${source === undefined ? '（各來源）' : `（${source.label}）`}`;
};

/** Whether an entry of the book counts in the figure (its parameter row from the book's template version). */
const counts = (f: Figure, param: ParamRow | undefined, category: string | null): boolean => {
  if (param === undefined) return false;
  // 收 1 商港服務費福利專款 is the 分配款 received (ledger/totals.ts RECEIPTS)
  if (f.figure === 'allocation') return param.zi === '收' && param.no === '1';
  if (param.zi !== '支' || param.spendRow === undefined) return false;
  const group = SPEND_GROUPS.find((g) => g.key === f.group);
  if (group === undefined || !(group.rows as readonly string[]).includes(param.spendRow)) return false;
  const sources = f.source === undefined ? FUND_SOURCES : FUND_SOURCES.filter((s) => s.key === f.source);
  return category !== null && sources.some((s) => (s.categories as readonly string[]).includes(category));
};

const AMOUNT_COLUMN = entryColumn('amount');

/** The entries of a cash book the caller may see (the route has checked the scope) behind one figure. */
export const figureEntries = async (db: Knex, filing: Filing, f: Figure): Promise<FigureEntries> => {
  const byKey = paramsFor(filing.template_version).byKey;
  const [rows, union] = await Promise.all([
    db<EntryRow>('ledger_entries')
      .where('filing_id', filing.id)
      .orderBy('seq')
      .select('sheet_row', 'month', 'day', 'zi', 'voucher', 'item', 'no', 'note', 'amount', 'category', 'account'),
    db('organizations').where('id', filing.union_id).first<{ id: number; name: string; ubn: string | null }>('id', 'name', 'ubn'),
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
    filing: {
      id: filing.id,
      union: { id: union?.id ?? filing.union_id, name: union?.name ?? '', ubn: union?.ubn ?? null },
      year: filing.year,
      quarter: filing.quarter,
      version: filing.version,
      status: filing.status,
    },
    figure: { label: figureLabel(f), total: entries.reduce((s, e) => s.plus(e.amount), new Decimal(0)).toFixed(0) },
    entries,
  };
};
