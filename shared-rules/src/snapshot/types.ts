// The one shape every reader (exceljs on the server/CLI, Office.js in the add-in) turns a workbook into.

/** A calendar date found in a cell (Excel stores dates as numbers with a date format). */
export interface DateValue {
  readonly date: string; // ISO yyyy-mm-dd
}

/** A cell error such as #REF! or #DIV/0!. */
export interface ErrorValue {
  readonly error: string;
}

export type CellValue = string | number | boolean | DateValue | ErrorValue | null;

export interface SnapshotCell {
  /** The cell's value; for a formula cell, the cached result as stored in the file (never trusted by checks). */
  readonly v: CellValue;
  /** The formula text without the leading "=", when the cell holds a formula. */
  readonly f?: string;
}

/** One data validation (dropdown or input restriction) as stored in the file. */
export interface SnapshotValidation {
  /** Space-separated A1 areas (upper case, no $): as the file wrote them, or an equivalent set of areas. */
  readonly sqref: string;
  /** As in the file: 'list', 'whole', 'decimal', 'textLength', 'date', 'time', 'custom'; 'any' when none is given. */
  readonly type: string;
  /** The comparison of a type that has one ('between' when the file leaves it out); absent for list, custom and any. */
  readonly operator?: string;
  /** formula1 and formula2 as written (numbers of whole, decimal and textLength in canonical form). */
  readonly formulas: readonly string[];
}

export interface SnapshotSheet {
  readonly name: string;
  /** Sheet visibility as stored in the file. */
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** Non-empty cells by A1 address (upper case, no $). */
  readonly cells: ReadonlyMap<string, SnapshotCell>;
  // The structure below is read from the file by the server's readers; the Office.js adapter cannot see it and leaves
  // it out, and the rules comparing it with the template then say nothing.
  /** The sheet's data validations. */
  readonly validations?: readonly SnapshotValidation[];
  /** Whether the sheet is protected (<sheetProtection sheet="1">). */
  readonly protected?: boolean;
  /** Addresses of non-empty cells whose format has Locked turned off. */
  readonly unlocked?: ReadonlySet<string>;
}

/** A workbook-level defined name resolved to a sheet and an A1 range (no $), e.g. { sheet: '決算', ref: 'B13:D26' }. */
export interface DefinedNameTarget {
  readonly sheet: string;
  readonly ref: string;
}

export interface WorkbookSnapshot {
  /** Sheets in workbook order. */
  readonly sheets: readonly SnapshotSheet[];
  /** Workbook-level defined names (lower-cased keys are NOT used; names are kept as written). */
  readonly names: ReadonlyMap<string, DefinedNameTarget>;
}

export const isDateValue = (v: CellValue): v is DateValue => typeof v === 'object' && v !== null && 'date' in v;
export const isErrorValue = (v: CellValue): v is ErrorValue => typeof v === 'object' && v !== null && 'error' in v;
export const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
