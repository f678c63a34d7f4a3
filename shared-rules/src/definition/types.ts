// The definition of both workbooks as data: sheets, cells, fields and their defined names (SPEC §3–§4).
import { type Expr } from './expr';

export type WorkbookKind = 'application' | 'cashbook';

export type FieldType =
  | 'text'
  | 'amount' // whole NT$, ≥ 0, maxDigits (default 9)
  | 'count' // whole number ≥ 0, maxDigits
  | 'hours' // number of hours, ≥ 0, may be a half hour
  | 'rocDate' // 7-digit ROC date text
  | 'rocYear' // 3-digit ROC year
  | 'ubn'
  | 'nationalId'
  | 'phone'
  | 'email'
  | 'enum'; // one of a list (dropdown)

export type ListKey =
  | 'union_type'
  | 'gender'
  | 'interest_option'
  | 'days'
  | 'mark'
  | 'period'
  | 'cb_zi'
  | 'cb_item'
  | 'cb_no'
  | 'cb_category'
  | 'cb_account';

export interface FieldSpec {
  readonly type: FieldType;
  /** zh-TW label used in messages ("工會名稱", "決算 分配款 1、教育訓練"). */
  readonly label: string;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly maxDigits?: number;
  /** Dropdown list (for 'enum' fields and for typed fields that also offer a dropdown, e.g. 天數). */
  readonly list?: ListKey;
  /** Minimum / maximum value (e.g. 申請年度 ≥ 100, 會員人數 ≥ 1, 時數 ≤ 24). */
  readonly min?: number;
  readonly max?: number;
  /** A composite text the seed prescribes (checked by rules/cell/composite-text.ts). */
  readonly format?: 'bank_account' | 'address' | 'leader';
  /** What a text field's digits are: a code or a count (full-width digits an error) or prose, the default (a warning); see fullwidth-policy.ts. */
  readonly textKind?: 'code' | 'prose';
  /** Short zh-TW hint shown beside the cell and in the instructions sheet. */
  readonly hint?: string;
}

export type CellRole = 'title' | 'section' | 'header' | 'label' | 'note' | 'total';

export type CellSpec =
  | { readonly kind: 'label'; readonly text: string; readonly role: CellRole }
  /** initial: text the printed form carries in this cell, which the union may change (預算 說明). */
  | { readonly kind: 'input'; readonly field: FieldSpec; readonly fieldName: string; readonly initial?: string }
  | { readonly kind: 'formula'; readonly expr: Expr; readonly role: CellRole; readonly format: 'amount' | 'count' | 'text' }
  /** A locked cell marked "/" where the seed forbids a value (決算 結餘款 column). */
  | { readonly kind: 'forbidden'; readonly label: string };

export interface ColumnLayout {
  readonly width: number;
}

/** What prints: a fixed range, or for a growing table the rows down to the last one filled in column lastRowOf. */
export interface PrintArea {
  /** A1 range without $, at its fullest, e.g. 'A1:P3013'. */
  readonly ref: string;
  /** A growing table: the area ends at the last row where any of these columns is not blank (never above minRow). */
  readonly lastRowOf?: { readonly columns: readonly string[]; readonly minRow: number };
}

export interface SheetLayout {
  readonly columns: readonly ColumnLayout[];
  readonly merges: readonly string[];
  /** Rows/columns frozen above/left of this cell, e.g. 'A4'. */
  readonly freeze?: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Rows repeated on every printed page, e.g. '2:3'. */
  readonly printTitleRows?: string;
  readonly rowHeights?: ReadonlyMap<number, number>;
  /** From 1.3: the print area, and row heights grown to fit wrapped labels (older versions print the used range). */
  readonly printArea?: PrintArea;
  readonly fitRowHeights?: boolean;
}

export interface SheetSpec {
  readonly name: string;
  /** Input cells are coloured: red for the application, white for the cash book (seed 004 §1.2). */
  readonly inputColor: 'red' | 'white';
  readonly cells: ReadonlyMap<string, CellSpec>;
  readonly layout: SheetLayout;
  /** Whether the add-in may mark this sheet's input cells through the _marks sheet. */
  readonly markable: boolean;
}

/** A single-cell field with its workbook-level defined name. */
export interface SingleField {
  readonly kind: 'single';
  readonly name: string;
  readonly sheet: string;
  readonly cell: string;
  readonly spec: FieldSpec;
}

export interface TableColumn {
  readonly key: string;
  /** Input spec of the column; absent for a formula-only column. */
  readonly spec?: FieldSpec;
  /** Column header as shown (for messages and instructions). */
  readonly header: string;
}

export interface TableRow {
  readonly key: string;
  readonly label: string;
}

/** A rectangular range with a defined name: fixed labelled rows (fa_spend) or repeating rows (roster_rows). */
export interface RangeField {
  readonly kind: 'range';
  readonly name: string;
  readonly sheet: string;
  /** A1 range without $, e.g. 'B13:D26'. */
  readonly ref: string;
  readonly columns: readonly TableColumn[];
  /** Labelled rows for fixed tables; absent for repeating ranges. */
  readonly rows?: readonly TableRow[];
  readonly rowCount: number;
}

/** A defined name over formula cells (totals, carried values, running balances): read-only for tools. */
export interface FormulaName {
  readonly kind: 'formula';
  readonly name: string;
  readonly sheet: string;
  readonly ref: string;
  readonly label: string;
}

export type FieldDef = SingleField | RangeField | FormulaName;

export interface Validation {
  readonly sheet: string;
  /** Space-separated A1 ranges. */
  readonly sqref: string;
  readonly type: 'list' | 'textLength' | 'whole' | 'decimal';
  /** For list: a defined name of the list (in _meta); for others: the bound(s). */
  readonly formula: readonly string[];
  readonly operator?: 'between' | 'lessThanOrEqual' | 'greaterThanOrEqual' | 'equal';
  readonly allowBlank: boolean;
  readonly errorTitle: string;
  readonly error: string;
}

/** A list shown in a dropdown: values in _meta, a defined name over them. */
export interface ListDef {
  readonly key: ListKey;
  readonly name: string;
  readonly values: readonly (string | number)[];
}

export interface TemplateOptions {
  /** Rows of the cash book's entry range (≥ 3,000). */
  readonly entryRows?: number;
  /** Rows of the member roster (≥ 2,000). */
  readonly rosterRows?: number;
}

export interface WorkbookDefinition {
  readonly kind: WorkbookKind;
  readonly version: string;
  readonly title: string;
  /** Visible data sheets in order (the instructions sheet, _meta and _marks are added by the template). */
  readonly sheets: readonly SheetSpec[];
  readonly fields: readonly FieldDef[];
  readonly lists: readonly ListDef[];
  /** Two-column lookup tables in _meta (e.g. the cash book's 字|號 → 摘要(一)). */
  readonly tables: readonly { readonly name: string; readonly rows: readonly (readonly [string, string])[] }[];
  readonly validations: readonly Validation[];
  readonly options: Required<TemplateOptions>;
}
