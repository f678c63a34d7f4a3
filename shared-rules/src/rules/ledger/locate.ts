// Where a ledger finding points and how an entry's code and date are quoted (shared by the ledger.* rules).
import { type ParamRow } from '../../definition/cashbook/params';
import { CB_SHEET, entryColumn } from '../../definition/cashbook/ledger-sheet';
import { type Location } from '../../findings/make';

export { BLANK, ledgerDateText, monthDayText } from '../../findings/display';
import { type LedgerEntryInput } from '../../ledger/replay';

/** The cell of one column of an entry's row, e.g. 號 of row 20. */
export const entryCell = (e: Pick<LedgerEntryInput, 'row'>, columnKey: string): Location => ({
  sheet: CB_SHEET,
  cell: `${entryColumn(columnKey)}${e.row}`,
  field: 'cb_entries',
});

/** A code as users say it: '支 1-4', '轉 2'. */
export const codeText = (p: ParamRow): string => `${p.zi} ${p.no}`;

/** Text compared for sameness, not rewritten: NFKC (full-width → half-width) without any whitespace. */
export const comparable = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

/** An amount as a message shows it: thousands grouped, exact (the finding's actual/expected fields keep plain digits). */
