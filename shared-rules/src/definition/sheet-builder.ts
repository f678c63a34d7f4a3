// Builds a sheet definition cell by cell; every input field gets its defined name and its validation here, once.
import { address, parseAddress, parseRange } from '../snapshot/a1';
import { type Expr } from './expr';
import { listName } from './lists';
import {
  type CellRole,
  type CellSpec,
  type FieldDef,
  type FieldSpec,
  type RangeField,
  type SheetLayout,
  type SheetSpec,
  type TableColumn,
  type TableRow,
  type Validation,
} from './types';

export interface BuiltSheet {
  readonly sheet: SheetSpec;
  readonly fields: readonly FieldDef[];
  readonly validations: readonly Validation[];
}

export interface RangeOptions {
  readonly name: string;
  /** Top-left cell of the range. */
  readonly at: string;
  readonly columns: readonly TableColumn[];
  readonly rows?: readonly TableRow[];
  readonly rowCount?: number;
  /** What sits in a cell of the range; default: an input of the column's spec. */
  readonly cellAt?: (rowIndex: number, colIndex: number, address: string) => CellSpec | 'input';
}

const DIGIT_LIMIT = (digits: number): number => 10 ** digits - 1;

/** The Excel validation that blocks the most common mistakes at typing time (the checker stays the authority). */
export const validationFor = (sheet: string, sqref: string, spec: FieldSpec): Validation | null => {
  const base = { sheet, sqref, allowBlank: true, errorTitle: spec.label };
  if (spec.list !== undefined) {
    return { ...base, type: 'list', formula: [listName(spec.list)], error: '請由下拉選單點選。' };
  }
  switch (spec.type) {
    case 'amount':
    case 'count': {
      const max = spec.max ?? DIGIT_LIMIT(spec.maxDigits ?? 9);
      const min = spec.min ?? 0;
      return {
        ...base,
        type: 'whole',
        operator: 'between',
        formula: [String(min), String(max)],
        error: `請輸入 ${min} 到 ${max} 的整數（半形數字，不加逗號）。`,
      };
    }
    case 'hours':
      return {
        ...base,
        type: 'decimal',
        operator: 'between',
        formula: ['0', String(spec.max ?? 24)],
        error: `請輸入 0 到 ${spec.max ?? 24} 的時數。`,
      };
    case 'rocYear':
      return {
        ...base,
        type: 'whole',
        operator: 'between',
        formula: [String(spec.min ?? 100), '999'],
        error: `請輸入民國年 3 碼（${spec.min ?? 100}–999），例如 115。`,
      };
    case 'rocDate':
      return { ...base, type: 'textLength', operator: 'equal', formula: ['7'], error: '請輸入民國年月日 7 碼，例如 0840301。' };
    case 'ubn':
      return { ...base, type: 'textLength', operator: 'equal', formula: ['8'], error: '統一編號為 8 碼數字。' };
    case 'text':
      return spec.maxLength === undefined
        ? null
        : {
            ...base,
            type: 'textLength',
            operator: 'lessThanOrEqual',
            formula: [String(spec.maxLength)],
            error: `最多 ${spec.maxLength} 個字。`,
          };
    default:
      return null;
  }
};

export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  readonly fields: FieldDef[] = [];
  readonly validations: Validation[] = [];

  constructor(
    readonly name: string,
    private readonly inputColor: 'red' | 'white',
    private readonly markable = true,
  ) {}

  label(at: string, text: string, role: CellRole = 'label'): this {
    this.cells.set(at, { kind: 'label', text, role });
    return this;
  }

  formula(at: string, expr: Expr, format: 'amount' | 'count' | 'text' = 'amount', role: CellRole = 'total'): this {
    this.cells.set(at, { kind: 'formula', expr, role, format });
    return this;
  }

  /** A formula cell (or block) that also gets a defined name, e.g. fa_rev_total. */
  namedFormula(name: string, at: string, label: string, expr: Expr, format: 'amount' | 'count' | 'text' = 'amount'): this {
    this.formula(at, expr, format, 'total');
    this.fields.push({ kind: 'formula', name, sheet: this.name, ref: at, label });
    return this;
  }

  /** A defined name over formula cells already placed (e.g. the cash book's running balances). */
  nameFormulas(name: string, ref: string, label: string): this {
    this.fields.push({ kind: 'formula', name, sheet: this.name, ref, label });
    return this;
  }

  forbidden(at: string, label: string): this {
    this.cells.set(at, { kind: 'forbidden', label });
    return this;
  }

  /** A single input cell with its defined name. */
  single(name: string, at: string, spec: FieldSpec): this {
    this.cells.set(at, { kind: 'input', field: spec, fieldName: name });
    this.fields.push({ kind: 'single', name, sheet: this.name, cell: at, spec });
    const v = validationFor(this.name, at, spec);
    if (v !== null) this.validations.push(v);
    return this;
  }

  /** A named rectangular range; one validation per input column over all its rows. */
  range(options: RangeOptions): RangeField {
    const start = parseAddress(options.at);
    if (start === null) throw new Error(`bad address ${options.at}`);
    const rowCount = options.rows?.length ?? options.rowCount ?? 0;
    const bottom = start.row + rowCount - 1;
    const right = start.col + options.columns.length - 1;
    const ref = `${options.at}:${address(bottom, right)}`;
    const inputRowsByColumn = options.columns.map(() => [] as number[]);
    // one spec per input column, shared by its rows (specs are never changed after they are built)
    const inputSpecs = options.columns.map((column): CellSpec | undefined =>
      column.spec === undefined ? undefined : { kind: 'input', field: column.spec, fieldName: options.name },
    );
    for (let r = 0; r < rowCount; r += 1) {
      options.columns.forEach((column, c) => {
        const at = address(start.row + r, start.col + c);
        const spec = options.cellAt?.(r, c, at) ?? 'input';
        if (spec === 'input') {
          const input = inputSpecs[c];
          if (input === undefined) throw new Error(`${options.name}: column ${column.key} has no input spec`);
          this.cells.set(at, input);
          inputRowsByColumn[c]?.push(start.row + r);
        } else {
          this.cells.set(at, spec);
          // an input given whole (with text the form prints in it) is validated like the column's other inputs
          if (spec.kind === 'input') inputRowsByColumn[c]?.push(start.row + r);
        }
      });
    }
    options.columns.forEach((column, c) => {
      const rows = inputRowsByColumn[c] ?? [];
      if (column.spec === undefined || rows.length === 0) return;
      const v = validationFor(this.name, runs(rows, start.col + c), column.spec);
      if (v !== null) this.validations.push(v);
    });
    const field: RangeField = {
      kind: 'range',
      name: options.name,
      sheet: this.name,
      ref,
      columns: options.columns,
      ...(options.rows !== undefined ? { rows: options.rows } : {}),
      rowCount,
    };
    this.fields.push(field);
    return field;
  }

  /** Gives the dropdown over sqref another source: a list that depends on other cells of the row (relative to sqref's top). */
  listSource(sqref: string, formula: string): this {
    const i = this.validations.findIndex((v) => v.sqref === sqref && v.type === 'list');
    const v = this.validations[i];
    if (v === undefined) throw new Error(`${this.name}: no dropdown over ${sqref}`);
    this.validations[i] = { ...v, formula: [formula] };
    return this;
  }

  build(layout: SheetLayout): BuiltSheet {
    return {
      sheet: { name: this.name, inputColor: this.inputColor, cells: this.cells, layout, markable: this.markable },
      fields: this.fields,
      validations: this.validations,
    };
  }
}

/** Consecutive rows of one column as a space-separated sqref, e.g. "C13:C14 C16:C18". */
const runs = (rows: readonly number[], col: number): string => {
  const parts: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j += 1;
    const top = address(rows[i] ?? 0, col);
    parts.push(i === j ? top : `${top}:${address(rows[j] ?? 0, col)}`);
    i = j + 1;
  }
  return parts.join(' ');
};

/** The cell of a range at (row index, column index), both 0-based. */
export const rangeCell = (field: RangeField, rowIndex: number, colIndex: number): string => {
  const b = parseRange(field.ref);
  if (b === null) throw new Error(`bad range ${field.ref}`);
  return address(b.top + rowIndex, b.left + colIndex);
};
