// The "flat form": a workbook snapshot read through the definition. Inputs are read where the definition puts them;
// every formula cell is recomputed from the inputs (SPEC §7), never taken from the file's cached results — not even
// for a formula typed into an input cell: constant arithmetic (=1200*3) we compute, anything else is unknown.
import Decimal from 'decimal.js';
import { cellsOfRange, parseRange, address } from '../snapshot/a1';
import { isBlank, isDateValue, isErrorValue, type CellValue, type SnapshotCell, type WorkbookSnapshot } from '../snapshot/types';
import { evaluate, toNumber, type EvalEnv, type Value } from '../definition/expr';
import { type CellSpec, type FieldSpec, type RangeField, type SingleField, type WorkbookDefinition } from '../definition/types';
import { evaluateConstantFormula } from '../values/constant-formula';

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

/** A formula found in a cell the template leaves to the user (an input, a "/" cell or a label). */
export interface TypedFormula {
  readonly sheet: string;
  readonly cell: string;
  /** The formula text without the leading "=". */
  readonly formula: string;
  /** What the cell counts as: the value we computed for constant arithmetic, or null when it cannot be known. */
  readonly value: CellValue;
  readonly known: boolean;
}

const INTEGER_TOLERANCE = new Decimal('1e-6');

const readTypedFormula = (sheet: string, cell: string, formula: string): TypedFormula => {
  const r = evaluateConstantFormula(formula);
  if (r.ok) return { sheet, cell, formula, value: r.value.toNumber(), known: true };
  // Excel shows #DIV/0! for =1/0: that is what the cell holds
  if (r.reason === 'division_by_zero') return { sheet, cell, formula, value: { error: '#DIV/0!' }, known: true };
  return { sheet, cell, formula, value: null, known: false };
};

/** A cell value as the evaluator sees it; float artefacts within 1e-6 of an integer are that integer (SPEC §2). */
export const toValue = (v: CellValue | undefined): Value => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    // whole numbers (nearly every amount, month and day) need no rounding
    if (Number.isInteger(v)) return new Decimal(v);
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
  private readonly typed = new Map<string, TypedFormula>();
  private readonly used = new Map<string, readonly RangeRow[]>();
  /** Formula cells whose recomputed value depends on an input that cannot be known. */
  private readonly tainted = new Set<string>();
  /** One flag per formula being evaluated: set when it reads an unknown input or a tainted formula. */
  private readonly reading: boolean[] = [];
  private warmed = false;

  constructor(
    readonly def: WorkbookDefinition,
    readonly snapshot: WorkbookSnapshot,
  ) {
    for (const s of snapshot.sheets) this.sheetCells.set(s.name, s.cells);
    for (const s of def.sheets) this.specs.set(s.name, s.cells);
    for (const f of def.fields) if (f.kind !== 'formula') this.fieldsByName.set(f.name, f);
    for (const s of snapshot.sheets) {
      const specs = this.specs.get(s.name);
      if (specs === undefined) continue;
      for (const [cell, stored] of s.cells) {
        if (stored.f === undefined) continue;
        const spec = specs.get(cell);
        if (spec !== undefined && spec.kind !== 'formula') this.typed.set(`${s.name}!${cell}`, readTypedFormula(s.name, cell, stored.f));
      }
    }
  }

  /** The formula typed into a cell the template leaves without one (an input cell, a "/" cell or a label), if any. */
  typedFormula(sheet: string, cell: string): TypedFormula | undefined {
    return this.typed.get(`${sheet}!${cell}`);
  }

  /** Every formula typed where the template has none, in snapshot order. */
  typedFormulas(): readonly TypedFormula[] {
    return [...this.typed.values()];
  }

  /** True for an input whose typed formula cannot be known and for every formula cell whose value depends on one. */
  isUnknown(sheet: string, cell: string): boolean {
    if (this.typed.size === 0) return false;
    const kind = this.spec(sheet, cell)?.kind;
    if (kind === 'input') return this.typed.get(`${sheet}!${cell}`)?.known === false;
    if (kind !== 'formula') return false;
    this.warmUp();
    return this.tainted.has(`${sheet}!${cell}`);
  }

  /** Whether any input holds a formula whose value cannot be known. */
  hasUnknownInputs(): boolean {
    return [...this.typed.values()].some((t) => !t.known && this.spec(t.sheet, t.cell)?.kind === 'input');
  }

  hasSheet(name: string): boolean {
    return this.sheetCells.has(name);
  }

  /** The stored cell (value and formula text) of the snapshot. */
  stored(sheet: string, cell: string): SnapshotCell | undefined {
    return this.sheetCells.get(sheet)?.get(cell);
  }

  /** What the user put in a cell: the stored value; for a typed formula the value we computed, never its cached result. */
  raw(sheet: string, cell: string): CellValue {
    // almost no workbook has typed formulas: skip building a key for each of its ~100,000 reads
    const typed = this.typed.size === 0 ? undefined : this.typed.get(`${sheet}!${cell}`);
    if (typed !== undefined) return typed.value;
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
    if (spec?.kind !== 'formula') {
      if (this.typed.size > 0 && spec?.kind === 'input' && this.typed.get(`${sheet}!${cell}`)?.known === false) this.markReading();
      return toValue(this.raw(sheet, cell));
    }
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

  /** Rows of a repeating range with at least one non-blank input cell, in order (found once per range: rules share them). */
  usedRows(name: string): readonly RangeRow[] {
    let rows = this.used.get(name);
    if (rows === undefined) this.used.set(name, (rows = this.findUsedRows(name)));
    return rows;
  }

  private findUsedRows(name: string): readonly RangeRow[] {
    const f = this.range(name);
    const b = parseRange(f.ref);
    if (b === null) return [];
    const cells = this.sheetCells.get(f.sheet);
    const inputCols = f.columns.map((c, i) => (c.spec === undefined ? -1 : b.left + i)).filter((c) => c > 0);
    const colOf = new Map(f.columns.map((c, i) => [c.key, b.left + i]));
    const rows: RangeRow[] = [];
    for (let r = b.top; r <= b.bottom; r += 1) {
      // a typed formula makes its row used even when its value cannot be known
      const used = inputCols.some((c) => {
        const stored = cells?.get(address(r, c));
        return stored !== undefined && (stored.f !== undefined || !isBlank(stored.v));
      });
      if (!used) continue;
      const row = r;
      const at = (key: string): string => address(row, colOf.get(key) ?? 0);
      rows.push({ index: r - b.top, row, at, raw: (key) => this.raw(f.sheet, at(key)) });
    }
    return rows;
  }

  private markReading(): void {
    if (this.reading.length > 0) this.reading[this.reading.length - 1] = true;
  }

  private evaluateFormula(sheet: string, cell: string, spec: Extract<CellSpec, { kind: 'formula' }>): Value {
    const key = `${sheet}!${cell}`;
    if (this.memo.has(key)) {
      if (this.tainted.has(key)) this.markReading();
      return this.memo.get(key) ?? null;
    }
    this.reading.push(false);
    const value = evaluate(spec.expr, this);
    if (this.reading.pop() === true) {
      this.tainted.add(key);
      this.markReading();
    }
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
