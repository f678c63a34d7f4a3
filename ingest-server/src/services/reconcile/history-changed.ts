// recon.history_changed: a quarter's cash book keeps every entry of the previous quarter's current filing, unchanged and
// in the same order (SPEC §6 quarter continuity; seed 004 §1.2(三)2 — the book is year-to-date).
import { CB_SHEET, entryColumn, makeFinding, moneyText, type Finding, type Location } from '@portfund/shared-rules';
import { type Filing } from '../../models/filing';
import { alignPrefix, type Step } from './align';
import { type ReconCheck, type StoredEntry } from './context';
import { previousQuarterBook } from './related';

/** The fields compared, as users name them. */
const FIELDS: readonly (readonly [keyof StoredEntry, string])[] = [
  ['month', '月'],
  ['day', '日'],
  ['zi', '字'],
  ['voucher', '傳票序號'],
  ['item', '項目'],
  ['no', '號'],
  ['note', '摘要(二)'],
  ['amount', '金額'],
  ['category', '動支類別'],
  ['account', '動支帳戶'],
];

/** Beyond this many inserted and removed entries the book is compared row by row instead (bounded memory). */
const MAX_EDITS = 2000;
/** Two unequal entries are one altered entry when they keep the voucher or differ in at most this many fields. */
const MAX_ALTERED_FIELDS = 3;
/** The message quotes at most 60 characters of a parameter: the detail is built to fit. */
const DETAIL_BUDGET = 60;

const fieldText = (e: StoredEntry, key: keyof StoredEntry): string => {
  const v = e[key];
  if (v === null) return '';
  return key === 'amount' && typeof v === 'object' ? v.toFixed() : String(v);
};

const shownValue = (e: StoredEntry, key: keyof StoredEntry): string => {
  const v = e[key];
  if (v === null) return '（空白）';
  const text = key === 'amount' && typeof v === 'object' ? moneyText(v) : String(v);
  const chars = Array.from(text);
  return chars.length > 8 ? `${chars.slice(0, 8).join('')}…` : text;
};

const identity = (e: StoredEntry): string => FIELDS.map(([key]) => fieldText(e, key)).join('\u0000');

const differingFields = (a: StoredEntry, b: StoredEntry): (keyof StoredEntry)[] =>
  FIELDS.map(([key]) => key).filter((key) => fieldText(a, key) !== fieldText(b, key));

const sameEntryAltered = (a: StoredEntry, b: StoredEntry): boolean =>
  (a.voucher !== null && a.voucher === b.voucher) || differingFields(a, b).length <= MAX_ALTERED_FIELDS;

interface Change {
  readonly kind: 'altered' | 'removed' | 'added';
  readonly old?: StoredEntry;
  readonly next?: StoredEntry;
  /** Where the change shows in the new book (index), or null for a removal after everything kept. */
  readonly at: number | null;
}

/** Pairs removed and added entries of one gap into altered ones, in order (a small LCS on "is the same entry, altered"). */
const pairGap = (removed: readonly number[], added: readonly number[], old: readonly StoredEntry[], next: readonly StoredEntry[]): [number, number][] => {
  const a = removed.length;
  const b = added.length;
  if (a === 0 || b === 0 || a * b > 4_000_000) return [];
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

/** Turns the alignment into changes: gaps between kept entries become altered, removed and added entries. */
const changesOf = (steps: readonly Step[], end: number, old: readonly StoredEntry[], next: readonly StoredEntry[]): Change[] => {
  const changes: Change[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const closeGap = (nextKept: number | null): void => {
    // after the last kept entry, old entries may reappear altered right at the start of what follows
    const candidates = nextKept === null ? Array.from({ length: Math.min(removed.length, next.length - end) }, (_, i) => end + i) : added;
    const pairs = pairGap(removed, candidates, old, next);
    const pairedOld = new Set(pairs.map(([o]) => o));
    const pairedNew = new Set(pairs.map(([, x]) => x));
    for (const [o, x] of pairs) changes.push({ kind: 'altered', old: old[o], next: next[x], at: x });
    for (const o of removed) if (!pairedOld.has(o)) changes.push({ kind: 'removed', old: old[o], at: nextKept });
    for (const x of added) if (!pairedNew.has(x)) changes.push({ kind: 'added', next: next[x], at: x });
    removed = [];
    added = [];
  };
  for (const s of steps) {
    if (s.kind === 'removed') removed.push(s.old);
    else if (s.kind === 'added') added.push(s.next);
    else if (removed.length > 0 || added.length > 0) closeGap(s.next);
  }
  if (removed.length > 0 || added.length > 0) closeGap(null);
  return changes;
};

/** Without an alignment (a book rewritten beyond MAX_EDITS): old and new compared position by position. */
const changesByPosition = (old: readonly StoredEntry[], next: readonly StoredEntry[]): Change[] =>
  old.flatMap((o, i): Change[] => {
    const x = next[i];
    if (x === undefined) return [{ kind: 'removed', old: o, at: null }];
    return identity(o) === identity(x) ? [] : [{ kind: 'altered', old: o, next: x, at: i }];
  });

/** One change as the detail names it; `brief` leaves out what changed in an altered entry. */
const changeText = (c: Change, brief = false): string => {
  const { old, next } = c;
  if (c.kind === 'altered' && old !== undefined && next !== undefined) {
    const where = `第 ${next.row} 列 傳票 ${shownValue(old, 'voucher')}`;
    if (brief) return where;
    const fields = differingFields(old, next).map((key) => `${FIELDS.find(([k]) => k === key)?.[1] ?? key} ${shownValue(old, key)}→${shownValue(next, key)}`);
    return `${where} ${fields.slice(0, 2).join('、')}${fields.length > 2 ? '等' : ''}`;
  }
  if (c.kind === 'removed' && old !== undefined) return `傳票 ${shownValue(old, 'voucher')}（${old.month ?? ''}月${old.day ?? ''}日 ${shownValue(old, 'amount')}）`;
  return next === undefined ? '' : `第 ${next.row} 列 傳票 ${shownValue(next, 'voucher')}`;
};

/** "；修改：第 18 列 傳票 5 金額 2,000→2,500；刪除：…" — the first few changes of each kind, within the quoted length. */
const detailOf = (changes: readonly Change[]): string => {
  let detail = '';
  for (const [kind, title] of [
    ['altered', '修改'],
    ['removed', '刪除'],
    ['added', '新增'],
  ] as const) {
    let part = '';
    for (const c of changes.filter((x) => x.kind === kind)) {
      const lead = part === '' ? `；${title}：` : '、';
      const full = `${lead}${changeText(c)}`;
      // the first change of a kind is always named, if need be without what changed
      const item = part === '' && Array.from(detail + full).length > DETAIL_BUDGET ? `${lead}${changeText(c, true)}` : full;
      if (Array.from(detail + part + item).length > DETAIL_BUDGET) {
        if (part !== '') part += '等';
        break;
      }
      part += item;
    }
    detail += part;
  }
  return detail;
};

export const historyChanged: ReconCheck = async (ctx, filing: Filing): Promise<Finding[]> => {
  if (filing.kind !== 'cashbook') return [];
  const previous = await previousQuarterBook(ctx, filing);
  if (previous === undefined) return [];
  const old = await ctx.entries(previous.id);
  const next = await ctx.entries(filing.id);
  const ids = new Map<string, number>();
  const idOf = (e: StoredEntry): number => {
    const key = identity(e);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const alignment = alignPrefix(old.map(idOf), next.map(idOf), MAX_EDITS);
  const changes = alignment === null ? changesByPosition(old, next) : changesOf(alignment.steps, alignment.end, old, next);
  if (changes.length === 0) return [];
  const count = (kind: Change['kind']): number => changes.filter((c) => c.kind === kind).length;
  const first = changes.reduce<number | null>((min, c) => (c.at !== null && (min === null || c.at < min) ? c.at : min), null);
  const firstRow = first === null ? undefined : next[first]?.row;
  const location: Location = { sheet: CB_SHEET, field: 'cb_entries', ...(firstRow === undefined ? {} : { cell: `${entryColumn('month')}${firstRow}` }) };
  return [
    makeFinding('recon.history_changed', location, {
      prevQuarter: previous.quarter,
      added: count('added'),
      removed: count('removed'),
      altered: count('altered'),
      detail: detailOf([...changes].sort((a, b) => (a.at ?? Number.MAX_SAFE_INTEGER) - (b.at ?? Number.MAX_SAFE_INTEGER))),
    }),
  ];
};
