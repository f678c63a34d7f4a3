// The alignment of an old book with the start of a new one: fewest insertions and deletions, the tail free.
import { alignPrefix, type Step } from './align';

const kinds = (steps: readonly Step[]): string => steps.map((s) => s.kind[0]).join('');

describe('alignPrefix', () => {
  it('keeps an unchanged prefix and leaves what follows to the new quarter', () => {
    const a = alignPrefix([1, 2, 3], [1, 2, 3, 4, 5], 100);
    expect(a).toEqual({ steps: [0, 1, 2].map((i) => ({ kind: 'same', old: i, next: i })), end: 3 });
  });

  it('finds a removal, an insertion and an alteration (a removal next to an insertion)', () => {
    expect(kinds(alignPrefix([1, 2, 3, 4], [1, 3, 4, 9], 100)?.steps ?? [])).toBe('srss');
    expect(alignPrefix([1, 2, 3], [1, 7, 2, 3, 9], 100)).toMatchObject({ end: 4 });
    expect(kinds(alignPrefix([1, 2, 3], [1, 7, 2, 3, 9], 100)?.steps ?? [])).toBe('sass');
    const altered = alignPrefix([1, 2, 3], [1, 8, 3, 9], 100)?.steps ?? [];
    expect(altered.filter((s) => s.kind !== 'same')).toHaveLength(2);
  });

  it('removes old entries missing at the end without counting the new quarter', () => {
    expect(alignPrefix([1, 2, 3], [1, 2, 7, 8, 9], 100)).toEqual({
      steps: [
        { kind: 'same', old: 0, next: 0 },
        { kind: 'same', old: 1, next: 1 },
        { kind: 'removed', old: 2 },
      ],
      end: 2,
    });
    expect(alignPrefix([1, 2], [], 100)?.steps.map((s) => s.kind)).toEqual(['removed', 'removed']);
    expect(alignPrefix([], [1], 100)).toEqual({ steps: [], end: 0 });
  });

  it('gives up beyond the edit limit', () => {
    expect(alignPrefix([1, 2, 3, 4], [5, 6, 7, 8], 2)).toBeNull();
    expect(alignPrefix([1, 2, 3, 4], [5, 6, 7, 8], 4)?.steps.map((s) => s.kind)).toEqual(['removed', 'removed', 'removed', 'removed']);
  });

  it('aligns a few thousand entries with a few changes quickly', () => {
    const old = Array.from({ length: 3000 }, (_, i) => i);
    const next = [...old.slice(0, 100), 99999, ...old.slice(100, 2000), ...old.slice(2001), ...Array.from({ length: 1000 }, (_, i) => 5000 + i)];
    const a = alignPrefix(old, next, 2000);
    expect(a?.steps.filter((s) => s.kind !== 'same').map((s) => s.kind)).toEqual(['added', 'removed']);
    expect(a?.end).toBe(3000);
  });
});
