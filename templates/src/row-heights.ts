// Row heights that fit wrapped labels and headers: Excel and LibreOffice never grow a row for wrapped text when they open
// a file, so a header taller than its row prints clipped. Heights are estimated from the text and the column widths.
import { parseAddress, parseRange, type CellRole, type SheetSpec } from '@portfund/shared-rules';

/** Width in Excel character units: CJK and full-width characters take two. */
export const textWidth = (text: string): number => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);

/** Points per line by role (11 pt text, 14 pt titles, 9 pt notes), with room for CJK fonts' taller lines. */
export const LINE_HEIGHT: Readonly<Record<CellRole, number>> = { title: 22, section: 16, header: 16, label: 16, note: 13, total: 16 };

/** Lines a text needs in a cell of the given width (explicit line breaks count too). */
export const linesFor = (text: string, width: number): number =>
  text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width - 1.5))), 0);

const WRAPPING_ROLES: ReadonlySet<CellRole> = new Set(['header', 'label', 'note']);

/** Each row's height where its wrapped labels need more than one line and more than the layout gives. */
export const fittedRowHeights = (sheet: SheetSpec): Map<number, number> => {
  const widths = sheet.layout.columns.map((c) => c.width);
  const merged = new Map<string, { width: number; rows: number }>();
  for (const merge of sheet.layout.merges) {
    const b = parseRange(merge);
    if (b === null) continue;
    merged.set(merge.split(':')[0] ?? '', { width: widths.slice(b.left - 1, b.right).reduce((a, w) => a + w, 0), rows: b.bottom - b.top + 1 });
  }
  const heights = new Map<number, number>();
  for (const [at, spec] of sheet.cells) {
    const a = parseAddress(at);
    // a title (14 pt) needs a taller row than the default 15 pt, or it prints over the header below it
    if ((spec.kind === 'label' || spec.kind === 'formula') && spec.role === 'title' && a !== null) {
      heights.set(a.row, Math.max(heights.get(a.row) ?? 0, sheet.layout.rowHeights?.get(a.row) ?? 0, LINE_HEIGHT.title + 4));
      continue;
    }
    // only labels wrap (formula cells never do: they repeat down thousands of rows)
    if (spec.kind !== 'label' || !WRAPPING_ROLES.has(spec.role) || a === null) continue;
    const area = merged.get(at) ?? { width: widths[a.col - 1] ?? 8.43, rows: 1 };
    const needed = Math.ceil((linesFor(spec.text, area.width) * LINE_HEIGHT[spec.role] + 4) / area.rows);
    const given = sheet.layout.rowHeights?.get(a.row) ?? 0;
    if (needed > Math.max(given, 20) && needed > (heights.get(a.row) ?? 0)) heights.set(a.row, needed);
  }
  return heights;
};
