// The ledger replay resumed at the first edited row: entries above it keep their balances, the edited span is replayed
// from the balances before it, and every entry below it moves by what the edit changed in each account — exactly what
// replayEntries over the whole book gives, at a fraction of its decimal work.
import type Decimal from 'decimal.js';
import { ACCOUNTS, type Account } from '../ledger/delta';
import { type Ledger } from '../ledger/read';
import { type Balances, type LedgerEntry, type LedgerEntryInput, type NegativeBalance, replayEntries } from '../ledger/replay';

/** Index of the first entry at or below the sheet row (entries are in row order). */
const firstAtOrAfter = (entries: readonly { readonly row: number }[], row: number): number => {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid]?.row ?? Infinity) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Two lists in row order, merged in row order. */
const mergeByRow = <T extends { readonly row: number }>(a: readonly T[], b: readonly T[]): T[] => {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.row < y.row)) {
      if (x !== undefined) out.push(x);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  return out;
};

/** balance < 0 without the Decimal that lt(0) builds on every call (thousands per edit); -0 is not below zero. */
const isBelowZero = (d: Decimal): boolean => d.isNeg() && !d.isZero();

interface Tail {
  readonly entries: readonly LedgerEntry[];
  /** Runs of the accounts the edit moved, found while shifting. */
  readonly runs: readonly NegativeBalance[];
  /** The first entry below zero of each moved account. */
  readonly firstNegative: Partial<Record<Account, NegativeBalance>>;
}

/** The entries below the edited span moved by `offset` in the accounts that changed (the others keep their Decimals). */
const shiftTail = (tail: readonly LedgerEntry[], start: Balances, offset: ReadonlyMap<Account, Decimal>): Tail => {
  if (offset.size === 0) return { entries: tail, runs: [], firstNegative: {} };
  const moved = [...offset.keys()];
  const negative = new Set<Account>(moved.filter((a) => isBelowZero(start[a])));
  let totalOffset: Decimal | null = null;
  for (const d of offset.values()) totalOffset = totalOffset === null ? d : totalOffset.plus(d);
  const runs: NegativeBalance[] = [];
  const firstNegative: Partial<Record<Account, NegativeBalance>> = {};
  const entries = tail.map((e): LedgerEntry => {
    const balances: Record<Account, Decimal> = { ...e.balances };
    for (const account of moved) {
      const balance = balances[account].plus(offset.get(account) ?? 0);
      balances[account] = balance;
      if (isBelowZero(balance)) {
        const at: NegativeBalance = { account, row: e.row, balance };
        firstNegative[account] ??= at;
        if (!negative.has(account)) runs.push(at);
        negative.add(account);
      } else {
        negative.delete(account);
      }
    }
    return { ...e, balances, total: totalOffset === null ? e.total : e.total.plus(totalOffset) };
  });
  return { entries, runs, firstNegative };
};

const accountOrder = (a: Account): number => ACCOUNTS.indexOf(a);

/**
 * The ledger after the edited rows were read again: `rows` the sheet rows edited, `replacements` their entries as read now
 * (rows left empty have none), in row order.
 */
export const patchLedger = (ledger: Ledger, rows: ReadonlySet<number>, replacements: readonly LedgerEntryInput[]): Ledger => {
  if (rows.size === 0) return ledger;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const old = ledger.entries;
  const k = firstAtOrAfter(old, first);
  const m = firstAtOrAfter(old, last + 1);
  const before = old[k - 1]?.balances ?? ledger.opening;
  // the edited span [first, last], replayed from the balances before it
  const span = replayEntries(before, mergeByRow<LedgerEntryInput>(old.slice(k, m).filter((e) => !rows.has(e.row)), replacements));
  const oldAfterSpan = old[m - 1]?.balances ?? ledger.opening;
  const offset = new Map<Account, Decimal>();
  for (const a of ACCOUNTS) {
    const d = span.closing[a].minus(oldAfterSpan[a]);
    if (!d.isZero()) offset.set(a, d);
  }
  const tail = shiftTail(old.slice(m), span.closing, offset);
  const entries = [...old.slice(0, k), ...span.entries, ...tail.entries];
  // below the span an unmoved account keeps its runs; a moved one has the runs found while shifting
  const tailRuns = [...ledger.negativeRuns.filter((n) => n.row > last && !offset.has(n.account)), ...tail.runs];
  tailRuns.sort((x, y) => x.row - y.row || accountOrder(x.account) - accountOrder(y.account));
  const firstNegative: Partial<Record<Account, NegativeBalance>> = {};
  for (const account of ACCOUNTS) {
    const earlier = ledger.firstNegative[account];
    const found =
      (earlier !== undefined && earlier.row < first ? earlier : undefined) ??
      span.firstNegative[account] ??
      (offset.has(account) ? tail.firstNegative[account] : unmovedFirstNegative(earlier, last, tail.entries, account));
    if (found !== undefined) firstNegative[account] = found;
  }
  return {
    year: ledger.year,
    period: ledger.period,
    opening: ledger.opening,
    entries,
    closing: entries[entries.length - 1]?.balances ?? ledger.opening,
    firstNegative,
    negativeRuns: [...ledger.negativeRuns.filter((n) => n.row < first), ...span.negativeRuns, ...tailRuns],
  };
};

/** An account the edit did not move: its first negative below the span is the old one, unless that was inside the span. */
const unmovedFirstNegative = (earlier: NegativeBalance | undefined, last: number, tail: readonly LedgerEntry[], account: Account): NegativeBalance | undefined => {
  if (earlier === undefined || earlier.row > last) return earlier;
  const e = tail.find((x) => x.balances[account].lt(0));
  return e === undefined ? undefined : { account, row: e.row, balance: e.balances[account] };
};
