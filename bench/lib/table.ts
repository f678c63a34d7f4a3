// A plain-text table printer: right-aligns numbers, left-aligns text; counts CJK characters as two columns.
export type Cell = string | number;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes. */
export const displayWidth = (text: string): number => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

const pad = (text: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

const isNumeric = (cell: Cell): boolean => typeof cell === 'number' || /^[-+]?[\d.,]+\s*(%|ms|s|MB|KB|kB|x)?$/.test(cell);

export const formatTable = (headers: readonly string[], rows: readonly (readonly Cell[])[]): string => {
  const text = rows.map((row) => row.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i] ?? ''))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === undefined || r[i] === '' || isNumeric(r[i] ?? '')));
  const line = (cells: readonly string[], header: boolean): string =>
    `| ${cells.map((c, i) => pad(c, widths[i] ?? 0, !header && numeric[i] === true)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] === true ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers, true), rule, ...text.map((r) => line(r, false))].join('\n');
};

export const printTable = (title: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): void => {
  process.stdout.write(`\n${title}\n${formatTable(headers, rows)}\n`);
};
