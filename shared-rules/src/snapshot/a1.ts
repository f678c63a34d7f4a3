// A1 addresses: "C7" ↔ { row: 7, col: 3 }, ranges "B13:D26".

export interface Address {
  readonly row: number; // 1-based
  readonly col: number; // 1-based
}

export interface Bounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const lettersOf = (col: number): string => {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

// the letters of the columns a workbook of ours uses, worked out once: address() runs for every cell a rule reads
const LETTERS: string[] = [];
const CACHED_COLUMNS = 1024;

export const columnLetters = (col: number): string => {
  if (!Number.isInteger(col) || col < 0 || col >= CACHED_COLUMNS) return lettersOf(col);
  return (LETTERS[col] ??= lettersOf(col));
};

export const columnIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

const ADDRESS = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export const parseAddress = (a1: string): Address | null => {
  const plain = parsePlainAddress(a1);
  if (plain !== null) return plain;
  const m = ADDRESS.exec(a1.trim());
  if (m === null) return null;
  return { col: columnIndex(m[1] ?? ''), row: Number(m[2]) };
};

/**
 * An address in the form every reader and the definition write it — 1–3 upper-case letters, then 1–7 digits, no "$" —
 * read without a regular expression (the definition's and a sheet's ~100,000 addresses); null for any other form.
 */
export const parsePlainAddress = (a1: string): Address | null => {
  let col = 0;
  let i = 0;
  for (; i < a1.length && i < 4; i += 1) {
    const c = a1.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === a1.length || a1.length - i > 7) return null;
  let row = 0;
  for (let j = i; j < a1.length; j += 1) {
    const c = a1.charCodeAt(j);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return { col, row };
};

export const address = (row: number, col: number): string => `${columnLetters(col)}${row}`;

export const parseRange = (ref: string): Bounds | null => {
  const [a, b] = (ref.includes('$') ? ref.replace(/\$/g, '') : ref).split(':');
  const start = a === undefined ? null : parseAddress(a);
  const end = b === undefined ? start : parseAddress(b);
  if (start === null || end === null) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
};

export const formatRange = (b: Bounds): string =>
  b.top === b.bottom && b.left === b.right ? address(b.top, b.left) : `${address(b.top, b.left)}:${address(b.bottom, b.right)}`;

/** Every address of a range, row by row. */
export const cellsOfRange = (ref: string): string[] => {
  const b = parseRange(ref);
  if (b === null) return [];
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r += 1) for (let c = b.left; c <= b.right; c += 1) out.push(address(r, c));
  return out;
};

export const normalizeAddress = (a1: string): string => a1.replace(/\$/g, '').toUpperCase();

/**
 * A defined name's reference as Excel, exceljs and Office.js write it — "'現金收支登記簿'!$A$14:$K$3013", "=申請書!$C$4" —
 * → { sheet, ref: 'A14:K3013' }. A multi-area name gives its first area (as exceljs reads it; commas inside a quoted sheet
 * name do not split). Anything else (a constant, #REF!, a whole column) → null.
 */
export const parseSheetReference = (value: string): { sheet: string; ref: string } | null => {
  const text = value.startsWith('=') ? value.slice(1) : value;
  const first = text.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)[0] ?? '';
  const bang = first.lastIndexOf('!');
  if (bang < 0) return null;
  const rawSheet = first.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const ref = first.slice(bang + 1).replace(/\$/g, '').toUpperCase();
  return sheet !== '' && /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref) ? { sheet, ref } : null;
};
