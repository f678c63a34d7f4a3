// Aligns a previous quarter's entries with the start of the new book: the fewest insertions and deletions that keep
// every old entry in order (Myers' O(ND) diff), where whatever follows the last old entry is free — history-changes.ts
// then tells the new quarter's entries there from back-dated ones.

export type Step =
  | { readonly kind: 'same'; readonly old: number; readonly next: number }
  | { readonly kind: 'removed'; readonly old: number }
  | { readonly kind: 'added'; readonly next: number };

export interface Alignment {
  /** In book order; covers every old index and the new indices before `end`. */
  readonly steps: readonly Step[];
  /** The first new index after the aligned part (the new quarter, and any back-dated entries, start here). */
  readonly end: number;
}

/** x (old index) the path on diagonal k reaches at step d, from the furthest paths of step d − 1; null if unreachable. */
const reach = (prev: (k: number) => number, k: number, m: number, n: number): { x: number; down: boolean } | null => {
  const fromAbove = prev(k + 1);
  const fromLeft = prev(k - 1);
  // an insertion keeps x and moves y; it needs a new entry left to insert
  const down = fromAbove >= 0 && fromAbove - k <= n ? fromAbove : -1;
  // a deletion moves x; it needs an old entry left to delete
  const right = fromLeft >= 0 && fromLeft + 1 <= m ? fromLeft + 1 : -1;
  if (down < 0 && right < 0) return null;
  return down >= right ? { x: down, down: true } : { x: right, down: false };
};

/**
 * Aligns all of `old` with a prefix of `next` by value equality (entries as ids); null when more than `maxEdits`
 * insertions and deletions would be needed (memory grows with their square).
 */
export const alignPrefix = (old: readonly number[], next: readonly number[], maxEdits: number): Alignment | null => {
  const m = old.length;
  const n = next.length;
  const maxD = Math.min(maxEdits, m);
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3).fill(-1);
  // trace[d] holds the furthest x per diagonal before step d, for diagonals −d−1 … d+1
  const trace: Int32Array[] = [];
  const snake = (x: number, k: number): number => {
    let at = x;
    while (at < m && at - k < n && old[at] === next[at - k]) at += 1;
    return at;
  };
  for (let d = 0; d <= maxD; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      if (k < -n || k > m) continue;
      const start = d === 0 ? { x: 0, down: false } : reach((j) => v[offset + j] ?? -1, k, m, n);
      if (start === null) {
        v[offset + k] = -1;
        continue;
      }
      const x = snake(start.x, k);
      v[offset + k] = x;
      if (x >= m) return { steps: backtrack(trace, d, k, x, m, n), end: x - k };
    }
  }
  return null;
};

const backtrack = (trace: readonly Int32Array[], dEnd: number, kEnd: number, xEnd: number, m: number, n: number): Step[] => {
  const steps: Step[] = [];
  let x = xEnd;
  let k = kEnd;
  for (let d = dEnd; d > 0; d -= 1) {
    const before = trace[d];
    if (before === undefined) break;
    const prev = (j: number): number => before[j + d + 1] ?? -1;
    const start = reach(prev, k, m, n);
    if (start === null) break;
    for (; x > start.x; x -= 1) steps.push({ kind: 'same', old: x - 1, next: x - 1 - k });
    if (start.down) {
      steps.push({ kind: 'added', next: x - k - 1 });
      k += 1;
    } else {
      steps.push({ kind: 'removed', old: x - 1 });
      x -= 1;
      k -= 1;
    }
  }
  for (; x > 0; x -= 1) steps.push({ kind: 'same', old: x - 1, next: x - 1 - k });
  return steps.reverse();
};
