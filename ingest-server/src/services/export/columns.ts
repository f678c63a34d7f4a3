// What a downloadable table is made of — columns with a Chinese header, a kind and a value per row — shared by the
// CSV and XLSX writers so every report exports the same way, and the one place text cells are made inert.
import Decimal from 'decimal.js';

/** text: escaped string · amount: whole NT$ · percent: a percentage (41.5 means 41.5 %) · count: an integer. */
export type ColumnKind = 'text' | 'amount' | 'percent' | 'count';

export type CellInput = string | number | Decimal | null | undefined;

export interface Column<Row> {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Width in characters (a CJK character counts two); computed from the header and the values when omitted. */
  readonly width?: number;
  readonly value: (row: Row) => CellInput;
}

/** A normalised cell: text to escape and write as a string, a number to write as a number, or empty. */
export type Cell = { readonly type: 'text'; readonly text: string } | { readonly type: 'number'; readonly value: Decimal } | { readonly type: 'empty' };

// OWASP CSV injection: a spreadsheet treats a cell starting with one of these as a formula (TAB and CR too)
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a text cell inert in a spreadsheet: a leading = + - @ TAB or CR gets a single quote in front (OWASP). */
export const escapeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const toDecimal = (value: number | string | Decimal): Decimal | null => {
  try {
    const d = new Decimal(value);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
};

/** The cell a column makes of a value; numbers of a numeric column that cannot be read are left empty, never guessed. */
export const cellOf = (kind: ColumnKind, value: CellInput): Cell => {
  if (value === null || value === undefined || value === '') return { type: 'empty' };
  if (kind === 'text') return { type: 'text', text: escapeFormula(value instanceof Decimal ? value.toFixed() : String(value)) };
  const d = toDecimal(value);
  if (d === null) return { type: 'empty' };
  if (kind === 'percent') return { type: 'number', value: d.toDecimalPlaces(1, Decimal.ROUND_HALF_UP) };
  return { type: 'number', value: d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP) };
};

/** The number a cell shows in text form: amounts and counts as plain integers, percentages with one decimal. */
export const numberText = (kind: ColumnKind, value: Decimal): string => (kind === 'percent' ? value.toFixed(1) : value.toFixed(0));

/** Display width of a text: CJK and other wide characters count two. */
export const displayWidth = (text: string): number => {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return width;
};
