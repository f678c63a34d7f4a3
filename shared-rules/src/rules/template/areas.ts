// Rectangles of cells for comparing validation ranges however a file splits or joins them ("C14:C20 C21:C3013").
import { parseRange, type Bounds } from '../../snapshot/a1';

/** The areas of a space-separated sqref; unreadable areas are left out. */
export const areasOf = (sqref: string): Bounds[] =>
  sqref
    .split(/\s+/)
    .map((a) => (a === '' ? null : parseRange(a)))
    .filter((b): b is Bounds => b !== null);

export const overlaps = (a: Bounds, b: Bounds): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** `a` without the cells of `b`: up to four rectangles (above, below, left and right of the overlap). */
const subtractOne = (a: Bounds, b: Bounds): Bounds[] => {
  if (!overlaps(a, b)) return [a];
  const out: Bounds[] = [];
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.top < top) out.push({ ...a, bottom: top - 1 });
  if (bottom < a.bottom) out.push({ ...a, top: bottom + 1 });
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (b.right < a.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
};

/** The cells of `area` that none of `cover` contains, as rectangles. */
export const uncovered = (area: Bounds, cover: readonly Bounds[]): Bounds[] =>
  cover.reduce<Bounds[]>((left, c) => left.flatMap((piece) => subtractOne(piece, c)), [area]);

/** The area cut to rows up to `lastRow`, or null when it lies wholly below. */
export const clipRows = (area: Bounds, lastRow: number): Bounds | null =>
  area.top > lastRow ? null : { ...area, bottom: Math.min(area.bottom, lastRow) };
