// Which entries of the previous quarter's book changed in the new one (SPEC §6 quarter continuity): the alignment's gaps
// become altered, moved, removed and added entries; after the last old entry only back-dated entries are changes.
import { CB_ENTRY_COLUMNS } from '@portfund/shared-rules';
import { alignPrefix, type Step } from './align';
import { type StoredEntry } from './context';

export type EntryField = Exclude<keyof StoredEntry, 'seq' | 'row'>;

/** The fields compared, in column order, as users name them (the ledger's headers; 摘要(一) is a formula over 字 and 號, not stored). */
export const ENTRY_FIELDS: readonly (readonly [EntryField, string])[] = CB_ENTRY_COLUMNS.filter((c) => c.key !== 'summary').map((c) => [c.key as EntryField, c.header] as const);

export type Change =
  | { readonly kind: 'altered'; readonly old: StoredEntry; readonly next: StoredEntry; readonly fields: readonly EntryField[]; readonly at: number }
  | { readonly kind: 'moved'; readonly old: StoredEntry; readonly oldIndex: number; readonly next: StoredEntry; readonly at: number }
  | { readonly kind: 'removed'; readonly old: StoredEntry; readonly at: number }
  | { readonly kind: 'added'; readonly next: StoredEntry; readonly backDated: boolean; readonly at: number };

/** Beyond this many inserted and removed entries the book is compared row by row instead (bounded memory). */
const MAX_EDITS = 2000;
/** Two unequal entries are one altered entry when they keep the voucher or differ in at most this many fields. */
const MAX_ALTERED_FIELDS = 3;
/** Beyond this many removed × added entries in one gap, no pairing is attempted (the table grows with the product). */
const MAX_PAIRING_CELLS = 4_000_000;

/** A field as compared: amounts by value, everything else as text, blank as ''. */
export const fieldText = (e: StoredEntry, key: EntryField): string => {
  const v = e[key];
  if (v === null) return '';
  return typeof v === 'object' ? v.toFixed() : String(v);
};

const identity = (e: StoredEntry): string => ENTRY_FIELDS.map(([key]) => fieldText(e, key)).join('\u0000');

const differingFields = (a: StoredEntry, b: StoredEntry): EntryField[] =>
  ENTRY_FIELDS.map(([key]) => key).filter((key) => fieldText(a, key) !== fieldText(b, key));

const sameEntryAltered = (a: StoredEntry, b: StoredEntry): boolean =>
  (a.voucher !== null && a.voucher === b.voucher) || differingFields(a, b).length <= MAX_ALTERED_FIELDS;

/** Pairs removed and added entries of one gap into altered ones, in order (a small LCS on "is the same entry, altered"). */
const pairGap = (removed: readonly number[], added: readonly number[], old: readonly StoredEntry[], next: readonly StoredEntry[]): [number, number][] => {
  const a = removed.length;
  const b = added.length;
  if (a === 0 || b === 0 || a * b > MAX_PAIRING_CELLS) return [];
  const similar = (i: number, j: number): boolean => {
    const o = old[removed[i] ?? -1];
    const x = next[added[j] ?? -1];
    return o !== undefined && x !== undefined && sameEntryAltered(o, x);
  };
  const table = new Uint32Array((a + 1) * (b + 1));
  const at = (i: number, j: number): number => table[i * (b + 1) + j] ?? 0;
  for (let i = a - 1; i >= 0; i -= 1) {
    for (let j = b - 1; j >= 0; j -= 1) {
      table[i * (b + 1) + j] = similar(i, j) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a && j < b; ) {
    if (similar(i, j) && at(i, j) === at(i + 1, j + 1) + 1) {
      pairs.push([removed[i] ?? 0, added[j] ?? 0]);
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) i += 1;
    else j += 1;
  }
  return pairs;
};

/** Old and new indices as the alignment leaves them: pairs of the same entry altered, and what is left on each side. */
interface Edits {
  readonly altered: [number, number][];
  /** Old index and the new index where it would have been (where its gap starts in the new book). */
  readonly removed: [number, number][];
  readonly added: number[];
}

/** Gaps between kept entries; after the last one, the first few entries and every back-dated one may be old entries altered. */
const editsOfAlignment = (steps: readonly Step[], end: number, old: readonly StoredEntry[], next: readonly StoredEntry[], backDated: (e: StoredEntry) => boolean): Edits => {
  const edits: Edits = { altered: [], removed: [], added: [] };
  let removed: number[] = [];
  let added: number[] = [];
  const closeGap = (candidates: readonly number[], where: number, mustReport: ReadonlySet<number>): void => {
    const pairs = pairGap(removed, candidates, old, next);
    const pairedOld = new Set(pairs.map(([o]) => o));
    const pairedNew = new Set(pairs.map(([, x]) => x));
    edits.altered.push(...pairs);
    for (const o of removed) if (!pairedOld.has(o)) edits.removed.push([o, where]);
    for (const x of candidates) if (!pairedNew.has(x) && mustReport.has(x)) edits.added.push(x);
    removed = [];
    added = [];
  };
  for (const s of steps) {
    if (s.kind === 'removed') removed.push(s.old);
    else if (s.kind === 'added') added.push(s.next);
    else if (removed.length > 0 || added.length > 0) closeGap(added, s.next - added.length, new Set(added));
  }
  // what follows the last old entry is the new quarter, except entries dated inside the period already filed
  const tail = Array.from({ length: next.length - end }, (_, i) => end + i);
  const dated = tail.filter((x) => {
    const e = next[x];
    return e !== undefined && backDated(e);
  });
  const early = tail.slice(0, removed.length);
  const candidates = [...new Set([...added, ...early, ...dated])].sort((a, b) => a - b);
  closeGap(candidates, end - added.length, new Set([...added, ...dated]));
  return edits;
};

/** Without an alignment (a book rewritten beyond MAX_EDITS): old and new compared position by position. */
const editsByPosition = (old: readonly StoredEntry[], next: readonly StoredEntry[], backDated: (e: StoredEntry) => boolean): Edits => {
  const edits: Edits = { altered: [], removed: [], added: [] };
  old.forEach((o, i) => {
    const x = next[i];
    if (x === undefined) edits.removed.push([i, next.length]);
    else if (identity(o) !== identity(x)) edits.altered.push([i, i]);
  });
  for (let x = old.length; x < next.length; x += 1) {
    const e = next[x];
    if (e !== undefined && backDated(e)) edits.added.push(x);
  }
  return edits;
};

const KIND_ORDER: Readonly<Record<Change['kind'], number>> = { removed: 0, altered: 1, moved: 2, added: 3 };

/**
 * Every change of the old book in the new one, in the new book's order. `filedMonths` is the last month the old book
 * covered (3 × its quarter): an added entry of a month up to it is back-dated wherever it sits.
 */
export const historyChanges = (old: readonly StoredEntry[], next: readonly StoredEntry[], filedMonths: number): Change[] => {
  const backDated = (e: StoredEntry): boolean => e.month !== null && e.month >= 1 && e.month <= filedMonths;
  const ids = new Map<string, number>();
  const idOf = (e: StoredEntry): number => {
    const key = identity(e);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const alignment = alignPrefix(old.map(idOf), next.map(idOf), MAX_EDITS);
  const edits = alignment === null ? editsByPosition(old, next, backDated) : editsOfAlignment(alignment.steps, alignment.end, old, next, backDated);

  const changes: Change[] = [];
  // an old entry that reappears unchanged elsewhere was moved, not removed and added
  const addedByIdentity = new Map<string, number[]>();
  for (const x of edits.added) {
    const e = next[x];
    if (e !== undefined) addedByIdentity.set(identity(e), [...(addedByIdentity.get(identity(e)) ?? []), x]);
  }
  const moved = new Set<number>();
  for (const [o, where] of edits.removed) {
    const e = old[o];
    if (e === undefined) continue;
    const x = addedByIdentity.get(identity(e))?.shift();
    const target = x === undefined ? undefined : next[x];
    if (x !== undefined && target !== undefined) {
      moved.add(x);
      changes.push({ kind: 'moved', old: e, oldIndex: o, next: target, at: x });
    } else changes.push({ kind: 'removed', old: e, at: where });
  }
  for (const [o, x] of edits.altered) {
    const before = old[o];
    const after = next[x];
    if (before === undefined || after === undefined) continue;
    const fields = differingFields(before, after);
    changes.push(fields.length === 0 ? { kind: 'moved', old: before, oldIndex: o, next: after, at: x } : { kind: 'altered', old: before, next: after, fields, at: x });
  }
  for (const x of edits.added) {
    const e = next[x];
    if (e !== undefined && !moved.has(x)) changes.push({ kind: 'added', next: e, backDated: backDated(e), at: x });
  }
  return changes.sort((a, b) => a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
};
