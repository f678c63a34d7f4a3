// Test-only helpers for the ledger and ratio tests: the seed's clean cash book with one thing changed, checked end to end.
import { checkWorkbook } from '../check/run';
import { createContext, type CheckContext } from '../check/context';
import { buildDefinition } from '../definition/build';
import { CB_ENTRY_COLUMNS, CB_FIRST_ENTRY_ROW, CB_SHEET } from '../definition/cashbook/ledger-sheet';
import { type Finding, type Severity } from '../findings/types';
import { Form } from '../form/form';
import { type WorkbookSnapshot } from '../snapshot/types';
import { CASHBOOK_EXAMPLE, CASHBOOK_ENTRIES } from '../testing/seed-examples';
import { buildSnapshot, type Fill, type FillValue, type SnapshotBuilderOptions } from '../testing/snapshot-builder';

export type EntryKey = 'month' | 'day' | 'zi' | 'voucher' | 'item' | 'no' | 'note' | 'amount' | 'category' | 'account';
/** Cell values of one entry by column key; null clears the cell. */
export type EntryPatch = Partial<Record<EntryKey, FillValue>>;

const COLUMN_INDEX = new Map(CB_ENTRY_COLUMNS.map((c, i) => [c.key, i]));

/** The sheet row of the i-th entry (0-based). */
export const rowOf = (index: number): number => CB_FIRST_ENTRY_ROW + index;

/** One entry as a fill row, in column order (摘要(一) stays the template's formula). */
export const entry = (patch: EntryPatch): FillValue[] => {
  const row: FillValue[] = CB_ENTRY_COLUMNS.map(() => undefined);
  for (const [key, value] of Object.entries(patch)) row[COLUMN_INDEX.get(key) ?? -1] = value;
  return row;
};

/** The example's entries with some of them patched, by 0-based index. */
export const patchedEntries = (changes: Readonly<Record<number, EntryPatch>>, base = CASHBOOK_ENTRIES): FillValue[][] =>
  base.map((r, i) => {
    const row: FillValue[] = [...r];
    for (const [key, value] of Object.entries(changes[i] ?? {})) row[COLUMN_INDEX.get(key) ?? -1] = value;
    return row;
  });

/** CASHBOOK_EXAMPLE with header values replaced and entries patched. */
export const book = (changes: Readonly<Record<number, EntryPatch>> = {}, header: Fill = {}): Fill => ({
  ...CASHBOOK_EXAMPLE,
  ...header,
  cb_entries: patchedEntries(changes),
});

export interface Brief {
  readonly code: string;
  readonly cell?: string;
  readonly severity: Severity;
}

/** The findings of a cash-book fill; cells are raw overrides on the ledger sheet (e.g. a balance typed over its formula). */
export const checkBook = (fill: Fill, cells: Readonly<Record<string, FillValue>> = {}, options: SnapshotBuilderOptions = {}): readonly Finding[] => {
  const overrides = Object.fromEntries(Object.entries(cells).map(([at, v]) => [at, v === null || v === undefined ? null : { v }]));
  return checkWorkbook(buildSnapshot('cashbook', fill, { ...options, cells: { [CB_SHEET]: overrides } })).findings;
};

export const brief = (f: Finding): Brief => ({ code: f.code, ...(f.cell !== undefined ? { cell: f.cell } : {}), severity: f.severity });

/** A check context over a snapshot, for reading the ledger directly. */
export const contextOf = (snapshot: WorkbookSnapshot, entryRows?: number): CheckContext => {
  const def = buildDefinition('cashbook', undefined, entryRows === undefined ? {} : { entryRows });
  return createContext(def, new Form(def, snapshot), {});
};
