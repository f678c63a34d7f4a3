// Which _marks cells get 'E' or 'W' for a set of findings: sheet cell (r, c) ↔ _marks cell (r + block offset, c).
import { address, MARK_ERROR, MARK_WARNING, parseRange, type Finding, type MarksLayout } from '@portfund/shared-rules';

export type Mark = typeof MARK_ERROR | typeof MARK_WARNING;

/** One horizontal run of marks on _marks: written as a single 1-row range. */
export interface MarkRun {
  readonly address: string;
  readonly marks: readonly Mark[];
}

/** _marks address → mark; an error wins over a warning on the same cell. Findings outside a block are not markable. */
export const planMarks = (findings: readonly Pick<Finding, 'sheet' | 'cell' | 'severity'>[], layout: MarksLayout): Map<string, Mark> => {
  const out = new Map<string, Mark>();
  for (const f of findings) {
    const block = f.sheet === undefined ? undefined : layout.blocks.find((b) => b.sheet === f.sheet);
    const bounds = f.cell === undefined ? null : parseRange(f.cell);
    if (block === undefined || bounds === null) continue;
    const mark: Mark = f.severity === 'error' ? MARK_ERROR : MARK_WARNING;
    for (let r = bounds.top; r <= Math.min(bounds.bottom, layout.blockRows); r += 1) {
      for (let c = bounds.left; c <= Math.min(bounds.right, layout.lastColumn); c += 1) {
        const at = address(r + block.offset, c);
        if (out.get(at) !== MARK_ERROR) out.set(at, mark);
      }
    }
  }
  return out;
};

/** Marks grouped into runs of adjacent cells in a row, so a row of findings is one write. */
export const markRuns = (marks: ReadonlyMap<string, Mark>): MarkRun[] => {
  const cells = [...marks].map(([at, mark]) => ({ at: parseRange(at), mark })).filter((c) => c.at !== null);
  cells.sort((a, b) => (a.at?.top ?? 0) - (b.at?.top ?? 0) || (a.at?.left ?? 0) - (b.at?.left ?? 0));
  const runs: { row: number; left: number; marks: Mark[] }[] = [];
  for (const { at, mark } of cells) {
    if (at === null) continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.row === at.top && last.left + last.marks.length === at.left) last.marks.push(mark);
    else runs.push({ row: at.top, left: at.left, marks: [mark] });
  }
  return runs.map((r) => ({
    address: r.marks.length === 1 ? address(r.row, r.left) : `${address(r.row, r.left)}:${address(r.row, r.left + r.marks.length - 1)}`,
    marks: r.marks,
  }));
};
