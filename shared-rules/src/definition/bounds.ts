// How large a workbook of ours can be, derived from the definition (every released version, both kinds) and never from
// the file: the readers (server, CLI, add-in) refuse a workbook past these bounds before they allocate anything by them.
import { type Reason } from '../findings/make';
import { columnIndex } from '../snapshot/a1';
import { buildDefinition } from './build';
import { DEFAULT_ROSTER_ROWS } from './application/roster-sheet';
import { DEFAULT_ENTRY_ROWS } from './cashbook/ledger-sheet';
import { MARKS_SHEET } from './marks';
import { definedNames } from './names';
import { type WorkbookKind } from './types';
import { TEMPLATE_VERSIONS } from './versions';
import { PINNED_BOUNDS } from './bounds-pinned';

/** The most rows `portfund template --rows` generates for a repeating table (the largest real cash book has 20,000 entries). */
export const TEMPLATE_MAX_ROWS = 20_000;

// margins over the largest template: rows a user inserts inside a table, notes typed beside or below it, names Excel
// or LibreOffice add (print areas, filters), styles a re-save splits
const ROW_MARGIN = 0.25;
const BELOW_TABLE_ROWS = 1_000;
const COLUMN_MARGIN = 26;
const NAME_COLUMN_MARGIN = 16;
const NAME_ROW_MARGIN = 16;
const NAME_COUNT_MARGIN = 1_000;

export const SHEET_MAX_ROWS = 1_048_576;
export const SHEET_MAX_COLUMNS = 16_384;

export interface NameBound {
  readonly rows: number;
  readonly columns: number;
}

export interface WorkbookBounds {
  /** Rows of a repeating table (cb_entries, roster_rows) and of any name over one. */
  readonly maxTableRows: number;
  /** Per defined name of any version: the largest area it may cover. */
  readonly names: ReadonlyMap<string, NameBound>;
  /** Workbook-level and sheet-level defined names together. */
  readonly maxDefinedNames: number;
  /** The last row and column a cell may be in. */
  readonly maxRow: number;
  readonly maxColumn: number;
  /** Cell formats (Excel allows 64,000 unique ones; a template has a few hundred). */
  readonly maxStyles: number;
  /** Shared strings: no more than the cells a workbook may have; each no longer than Excel lets a cell hold. */
  readonly maxSharedStrings: number;
  readonly maxStringLength: number;
}

const KINDS: readonly WorkbookKind[] = ['application', 'cashbook'];
const DEFAULT_ROWS: Readonly<Record<WorkbookKind, number>> = { application: DEFAULT_ROSTER_ROWS, cashbook: DEFAULT_ENTRY_ROWS };

/** An area's extent: "A14:K3013", "C4", whole columns "A:Z" and whole rows "3:9" (what a hostile name may claim). */
export const areaExtent = (ref: string): { rows: number; columns: number; bottom: number; right: number } | null => {
  const [a = '', b = a] = ref.replace(/\$/g, '').toUpperCase().split(':');
  const cell = /^([A-Z]{1,3})?(\d{1,7})?$/;
  const start = cell.exec(a.trim());
  const end = cell.exec(b.trim());
  if (start === null || end === null || (start[1] === undefined && start[2] === undefined) || (end[1] === undefined && end[2] === undefined)) return null;
  const col = (m: RegExpExecArray, whole: number): number => (m[1] === undefined ? whole : columnIndex(m[1]));
  const row = (m: RegExpExecArray, whole: number): number => (m[2] === undefined ? whole : Number(m[2]));
  const top = Math.min(row(start, 1), row(end, 1));
  const bottom = Math.max(row(start, SHEET_MAX_ROWS), row(end, SHEET_MAX_ROWS));
  const left = Math.min(col(start, 1), col(end, 1));
  const right = Math.max(col(start, SHEET_MAX_COLUMNS), col(end, SHEET_MAX_COLUMNS));
  return { rows: bottom - top + 1, columns: right - left + 1, bottom, right };
};

/** Every area of a defined name's formula ("'現金收支登記簿'!$A$14:$K$3013", several areas comma-separated). */
export const nameAreas = (formula: string): string[] =>
  (formula.startsWith('=') ? formula.slice(1) : formula)
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((area) => area.slice(area.lastIndexOf('!') + 1).trim())
    .filter((area) => area !== '');

/**
 * The bounds, from the definitions of every version at their default size and one row larger (which names grow with
 * the table), grown to the largest template. Slow (it builds every definition twice): pinned in bounds-pinned.ts, and a
 * test keeps the pin equal to this.
 */
export const deriveBounds = (): WorkbookBounds => {
  const maxTableRows = Math.ceil(TEMPLATE_MAX_ROWS * (1 + ROW_MARGIN));
  const names = new Map<string, NameBound>();
  let nameCount = 0;
  let maxRow = 0;
  let maxColumn = 0;
  for (const kind of KINDS) {
    const extraRows = maxTableRows - DEFAULT_ROWS[kind];
    const oneMore = kind === 'cashbook' ? { entryRows: DEFAULT_ROWS[kind] + 1 } : { rosterRows: DEFAULT_ROWS[kind] + 1 };
    for (const { version } of TEMPLATE_VERSIONS) {
      const all = definedNames(buildDefinition(kind, version));
      const grown = definedNames(buildDefinition(kind, version, oneMore));
      nameCount = Math.max(nameCount, all.size);
      for (const [name, target] of all) {
        const extent = areaExtent(target.ref);
        const larger = grown.get(name);
        const next = larger === undefined ? null : areaExtent(larger.ref);
        if (extent === null) continue;
        // a name over a repeating table grows by the rows a larger template adds, and so do the add-in's mark blocks
        // (laid out in steps, so one more row need not move them); any other name keeps its size
        const growing = target.sheet === MARKS_SHEET || (next !== null && (next.rows > extent.rows || next.bottom > extent.bottom));
        const rows = growing ? extent.rows + extraRows : extent.rows + NAME_ROW_MARGIN;
        const columns = extent.columns + NAME_COLUMN_MARGIN;
        const known = names.get(name);
        names.set(name, { rows: Math.max(rows, known?.rows ?? 0), columns: Math.max(columns, known?.columns ?? 0) });
        maxRow = Math.max(maxRow, extent.bottom + (growing ? extraRows : 0));
        maxColumn = Math.max(maxColumn, extent.right);
      }
    }
  }
  return {
    maxTableRows,
    names: new Map([...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    maxDefinedNames: nameCount + NAME_COUNT_MARGIN,
    maxRow: maxRow + BELOW_TABLE_ROWS,
    maxColumn: maxColumn + COLUMN_MARGIN,
    maxStyles: 64_000,
    maxSharedStrings: 1_000_000,
    maxStringLength: 32_767,
  };
};

/** The bounds every reader applies (the pinned derivation: reading a workbook never builds eight definitions). */
export const workbookBounds = (): WorkbookBounds => PINNED_BOUNDS;

const count = (n: number): string => n.toLocaleString('en-US');

/** Why the defined names are refused (too many, or one over an area the definition never gives it), or null. */
export const definedNamesBeyondBounds = (defined: Iterable<{ readonly name: string; readonly formula: string }>, bounds = workbookBounds()): Reason | null => {
  let seen = 0;
  for (const { name, formula } of defined) {
    seen += 1;
    if (seen > bounds.maxDefinedNames) return { reason: 'bounds.too_many_names', limit: count(bounds.maxDefinedNames) };
    const bound = bounds.names.get(name);
    if (bound === undefined) continue;
    for (const area of nameAreas(formula)) {
      const extent = areaExtent(area);
      if (extent === null) continue;
      if (extent.rows > bound.rows || extent.columns > bound.columns) {
        return { reason: 'bounds.name_too_large', name, rows: count(extent.rows), columns: count(extent.columns), limitRows: count(bound.rows), limitColumns: count(bound.columns) };
      }
    }
  }
  return null;
};

/** Why a cell position is refused (past the last row or column a template of ours reaches), or null. */
export const cellBeyondBounds = (sheetName: string, row: number, column: number, bounds = workbookBounds()): Reason | null => {
  if (row > bounds.maxRow) return { reason: 'bounds.row_out_of_range', sheetName, row: count(row), limit: count(bounds.maxRow) };
  if (column > bounds.maxColumn) return { reason: 'bounds.column_out_of_range', sheetName, column: count(column), limit: count(bounds.maxColumn) };
  return null;
};
