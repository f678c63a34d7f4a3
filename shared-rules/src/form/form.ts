// The "flat form": a workbook snapshot read through the definition. Inputs are read where the definition puts them;
// every formula cell is recomputed from the inputs (SPEC §7), never taken from the file's cached results.
import Decimal from 'decimal.js';
import { cellsOfRange, parseRange, address } from '../snapshot/a1';
import { isDateValue, isErrorValue, type CellValue, type SnapshotCell, type WorkbookSnapshot } from '../snapshot/types';
import { evaluate, toNumber, type EvalEnv, type Value } from '../definition/expr';
import { type CellSpec, type FieldSpec, type RangeField, type SingleField, type WorkbookDefinition } from '../definition/types';

/** One input cell of a field, with what a rule needs to report on it. */
export interface FieldCell {
  readonly sheet: string;
  readonly cell: string;
  readonly field: string;
  readonly label: string;
  readonly spec: FieldSpec;
  readonly raw: CellValue;
}

/** One used row of a repeating range (roster_rows, tr_sessions, cb_entries). */
export interface RangeRow {
  /** 0-based index within the range. */
  readonly index: number;
  /** Sheet row number. */
  readonly row: number;
  /** Address of a column of this row. */
  at(columnKey: string): string;
  raw(columnKey: string): CellValue;
}

const INTEGER_TOLERANCE = new Decimal('1e-6');

/** A cell value as the evaluator sees it; float artefacts within 1e-6 of an integer are that integer (SPEC §2). */
export const toValue = (v: CellValue | undefined): Value => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    const d = new Decimal(v);
    const rounded = d.round();
    return d.minus(rounded).abs().lte(INTEGER_TOLERANCE) ? rounded : d;
  }
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.date;
  if (isErrorValue(v)) return v.error;
  return null;
};

export class Form implements EvalEnv {
  private readonly sheetCells = new Map<string, ReadonlyMap<string, SnapshotCell>>();
  private readonly specs = new Map<string, ReadonlyMap<string, CellSpec>>();
  private readonly memo = new Map<string, Value>();
  private readonly fieldsByName = new Map<string, SingleField | RangeField>();
  private warmed = false;

  constructor(
    readonly def: WorkbookDefinition,
    readonly snapshot: WorkbookSnapshot,
  ) {
    for (const s of snapshot.sheets) this.sheetCells.set(s.name, s.cells);
    for (const s of def.sheets) this.specs.set(s.name, s.cells);
    for (const f of def.fields) if (f.kind !== 'formula') this.fieldsByName.set(f.name, f);
  }

  hasSheet(name: string): boolean {
    return this.sheetCells.has(name);
  }

  /** The stored cell (value and formula text) of the snapshot. */
  stored(sheet: string, cell: string): SnapshotCell | undefined {
    return this.sheetCells.get(sheet)?.get(cell);
  }

  raw(sheet: string, cell: string): CellValue {
    return this.stored(sheet, cell)?.v ?? null;
  }

  spec(sheet: string, cell: string): CellSpec | undefined {
    return this.specs.get(sheet)?.get(cell);
  }

  cellsOf(ref: string): readonly string[] {
    return cellsOfRange(ref);
  }

  /** The recomputed value of any cell: an input as read, a formula cell evaluated from the inputs. */
  value(sheet: string, cell: string): Value {
    const spec = this.spec(sheet, cell);
    if (spec?.kind !== 'formula') return toValue(this.raw(sheet, cell));
    this.warmUp();
    return this.evaluateFormula(sheet, cell, spec);
  }

  /** The recomputed numeric value of a cell; blank or non-numeric reads as null. */
  number(sheet: string, cell: string): Decimal | null {
    return toNumber(this.value(sheet, cell));
  }

  /** Like number() but blank or non-numeric reads as 0 (the cell rules report bad content separately). */
  amount(sheet: string, cell: string): Decimal {
    return this.number(sheet, cell) ?? new Decimal(0);
  }

  single(name: string): FieldCell {
    const f = this.fieldsByName.get(name);
    if (f?.kind !== 'single') throw new Error(`not a single field: ${name}`);
    return { sheet: f.sheet, cell: f.cell, field: f.name, label: f.spec.label, spec: f.spec, raw: this.raw(f.sheet, f.cell) };
  }

  range(name: string): RangeField {
    const f = this.fieldsByName.get(name);
    if (f?.kind !== 'range') throw new Error(`not a range field: ${name}`);
    return f;
  }

  /** Address of a cell of a range by row key (fixed tables) or row index, and column key. */
  rangeCell(name: string, row: string | number, columnKey: string): string {
    const f = this.range(name);
    const b = parseRange(f.ref);
    const rowIndex = typeof row === 'number' ? row : (f.rows ?? []).findIndex((r) => r.key === row);
    const colIndex = f.columns.findIndex((c) => c.key === columnKey);
    if (b === null || rowIndex < 0 || colIndex < 0) throw new Error(`no cell ${name}[${row}][${columnKey}]`);
    return address(b.top + rowIndex, b.left + colIndex);
  }

  /** The recomputed numeric value of a fixed-table cell (blank → 0). */
  tableAmount(name: string, rowKey: string, columnKey: string): Decimal {
    const f = this.range(name);
    return this.amount(f.sheet, this.rangeCell(name, rowKey, columnKey));
  }

  /** Rows of a repeating range with at least one non-blank input cell, in order. */
  usedRows(name: string): RangeRow[] {
    const f = this.range(name);
    const b = parseRange(f.ref);
    if (b === null) return [];
    const cells = this.sheetCells.get(f.sheet);
    const inputCols = f.columns.map((c, i) => (c.spec === undefined ? -1 : b.left + i)).filter((c) => c > 0);
    const colOf = new Map(f.columns.map((c, i) => [c.key, b.left + i]));
    const rows: RangeRow[] = [];
    for (let r = b.top; r <= b.bottom; r += 1) {
      const used = inputCols.some((c) => {
        const v = cells?.get(address(r, c))?.v;
        return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
      });
      if (!used) continue;
      const row = r;
      const at = (key: string): string => address(row, colOf.get(key) ?? 0);
      rows.push({ index: r - b.top, row, at, raw: (key) => cells?.get(at(key))?.v ?? null });
    }
    return rows;
  }

  private evaluateFormula(sheet: string, cell: string, spec: Extract<CellSpec, { kind: 'formula' }>): Value {
    const key = `${sheet}!${cell}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? null;
    const value = evaluate(spec.expr, this);
    this.memo.set(key, value);
    return value;
  }

  /** Evaluates every formula once in sheet and row order, so running balances never recurse thousands of rows deep. */
  private warmUp(): void {
    if (this.warmed) return;
    this.warmed = true;
    for (const sheet of this.def.sheets) {
      for (const [cell, spec] of sheet.cells) if (spec.kind === 'formula') this.evaluateFormula(sheet.name, cell, spec);
    }
  }
}
