// A ledger finding's context: the cash-book entry on its row (月/日, 字, 傳票序號, 摘要, 金額), read from the extracted
// entries, so a reviewer sees which voucher is meant without opening the workbook.
import { CB_SHEET, type StoredFinding } from '@portfund/shared-rules';
import { type FindingEntry } from '@portfund/api-contract';
import { type Knex } from 'knex';

interface EntryRow {
  readonly sheet_row: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly zi: string | null;
  readonly voucher: string | null;
  readonly item: string | null;
  readonly note: string | null;
  readonly amount: string | number | null;
}

const CELL_ROW = /^[A-Z]{1,3}(\d+)$/;

/** The sheet row a finding points at: its row, or the row of its cell. */
export const findingRow = (f: Pick<StoredFinding, 'row' | 'cell'>): number | null => {
  if (f.row !== undefined) return f.row;
  const m = f.cell === undefined ? null : CELL_ROW.exec(f.cell);
  return m === null ? null : Number(m[1]);
};

const entryOf = (e: EntryRow): FindingEntry => ({
  month: e.month,
  day: e.day,
  zi: e.zi,
  voucher: e.voucher,
  // 摘要(一) is the template's formula over 項目; the book's own words are 摘要(二)
  summary: [e.item, e.note].filter((t): t is string => t !== null && t !== '').join('／') || null,
  amount: e.amount === null ? null : String(e.amount),
});

/** The filing's ledger entries by sheet row (empty for an application). */
export const ledgerEntriesByRow = async (db: Knex, filingId: number): Promise<ReadonlyMap<number, FindingEntry>> => {
  const rows = await db<EntryRow>('ledger_entries')
    .where('filing_id', filingId)
    .select('sheet_row', 'month', 'day', 'zi', 'voucher', 'item', 'note', 'amount');
  return new Map(rows.map((r) => [r.sheet_row, entryOf(r)]));
};

/** The finding with the entry of its ledger row, when it points at one. */
export const withEntry = <F extends StoredFinding>(entries: ReadonlyMap<number, FindingEntry>, f: F): F & { entry?: FindingEntry } => {
  if (entries.size === 0 || f.sheet !== CB_SHEET) return f;
  const row = findingRow(f);
  const entry = row === null ? undefined : entries.get(row);
  return entry === undefined ? f : { ...f, entry };
};
