// What Office.js would report for a workbook, as plain data: sheets (visibility, cells as values/formulas/number formats)
// and workbook names. Both fakes — office-addin-mock in jest and the browser's fake Excel — answer from it.
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type ValueType = 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error';
export type OfficeScalar = string | number | boolean;

export interface ModelCell {
  /** What Range.values reports: the value, or a formula's cached result ('' when empty). */
  readonly value: OfficeScalar;
  /** What Range.formulas reports for a formula cell ('=SUM(A1:A3)'); absent for constants. */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly valueType: ValueType;
}

export interface ModelSheet {
  readonly name: string;
  readonly visibility: Visibility;
  /** A1 → cell; cells not listed are empty. */
  readonly cells: Record<string, ModelCell>;
}

export interface ModelName {
  readonly name: string;
  readonly type: 'Range' | 'String' | 'Error';
  /** For a Range name, its address as NamedItem.value reports it ("'現金收支登記簿'!$A$14:$K$3013"). */
  readonly value: string;
}

export interface OfficeWorkbookModel {
  /** Office.context.document.url */
  readonly url: string;
  readonly sheets: ModelSheet[];
  readonly names: ModelName[];
  /** The workbook counts date serials from 1904-01-01 (workbookPr date1904). */
  readonly date1904?: boolean;
}

const DAY_MS = 86_400_000;

/** A UTC time as Excel's serial in the workbook's date system (the 1900 epoch 1899-12-30 holds from 1900-03-01 on). */
export const serialOfTime = (ms: number, date1904 = false): number => (ms - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / DAY_MS;

/** Worksheet DATE(year, month, day) as Excel answers it in the workbook's date system. */
export const dateSerial = (year: number, month: number, day: number, date1904 = false): number => serialOfTime(Date.UTC(year, month - 1, day), date1904);

export interface RangeData {
  readonly address: string;
  readonly values: OfficeScalar[][];
  readonly formulas: OfficeScalar[][];
  readonly numberFormat: string[][];
  readonly valueTypes: ValueType[][];
}

export interface UsedRange {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export const colLetters = (col: number): string => {
  let n = col;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const colIndex = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export const parseA1 = (a1: string): { row: number; col: number } => {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (m === null) throw new Error(`bad address ${a1}`);
  return { col: colIndex(m[1] ?? ''), row: Number(m[2]) };
};

export const parseBounds = (ref: string): { top: number; left: number; bottom: number; right: number } => {
  const [a = '', b = a] = ref.replace(/^.*!/, '').split(':');
  const s = parseA1(a);
  const e = parseA1(b);
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
};

/** Range.getUsedRange(true): the smallest rectangle around the cells with a value or formula (A1 for an empty sheet). */
export const usedRange = (sheet: ModelSheet): UsedRange => {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [a1, cell] of Object.entries(sheet.cells)) {
    if (cell.value === '' && cell.formula === undefined) continue;
    const { row, col } = parseA1(a1);
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  if (bottom === 0) return { rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 1 };
  return { rowIndex: top - 1, columnIndex: left - 1, rowCount: bottom - top + 1, columnCount: right - left + 1 };
};

/** Range.values / formulas / numberFormat / valueTypes of a rectangle, as Office.js returns them. */
export const rangeData = (sheet: ModelSheet, ref: string): RangeData => {
  const b = parseBounds(ref);
  const values: OfficeScalar[][] = [];
  const formulas: OfficeScalar[][] = [];
  const numberFormat: string[][] = [];
  const valueTypes: ValueType[][] = [];
  for (let r = b.top; r <= b.bottom; r += 1) {
    const vr: OfficeScalar[] = [];
    const fr: OfficeScalar[] = [];
    const nr: string[] = [];
    const tr: ValueType[] = [];
    for (let c = b.left; c <= b.right; c += 1) {
      const cell = sheet.cells[`${colLetters(c)}${r}`];
      vr.push(cell?.value ?? '');
      fr.push(cell?.formula ?? cell?.value ?? '');
      nr.push(cell?.numberFormat ?? 'General');
      tr.push(cell?.valueType ?? 'Empty');
    }
    values.push(vr);
    formulas.push(fr);
    numberFormat.push(nr);
    valueTypes.push(tr);
  }
  const topLeft = `${colLetters(b.left)}${b.top}`;
  const address = b.top === b.bottom && b.left === b.right ? topLeft : `${topLeft}:${colLetters(b.right)}${b.bottom}`;
  return { address, values, formulas, numberFormat, valueTypes };
};

export const valueTypeOf = (value: OfficeScalar): ValueType => {
  if (value === '') return 'Empty';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Double';
  return 'String';
};

/** Writes a 2-D block of values (Range.values = …) into a sheet, starting at the range's top-left. */
export const writeValues = (sheet: ModelSheet, ref: string, values: readonly (readonly OfficeScalar[])[]): void => {
  const b = parseBounds(ref);
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const at = `${colLetters(b.left + c)}${b.top + r}`;
      if (value === '') delete sheet.cells[at];
      else sheet.cells[at] = { value, valueType: valueTypeOf(value) };
    }),
  );
};

/** Range.clear('Contents'): removes values and formulas in the rectangle. */
export const clearRange = (sheet: ModelSheet, ref: string): void => {
  const b = parseBounds(ref);
  for (const a1 of Object.keys(sheet.cells)) {
    const { row, col } = parseA1(a1);
    if (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right) delete sheet.cells[a1];
  }
};
