// patchLedger against a replay of the whole book: the same entries, balances, closing, first negatives and negative runs.
import Decimal from 'decimal.js';
import { type Ledger } from '../ledger/read';
import { type Balances, type LedgerEntryInput, replayEntries } from '../ledger/replay';
import { patchLedger } from './ledger-patch';

const random = (seed: number) => {
  let s = seed;
  return (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
};

const ACCOUNT_NAMES = ['專戶存款1', '專戶存款2', '定期存款', '零用金'];

const entry = (row: number, pick: (n: number) => number): LedgerEntryInput => {
  const zi = ['收', '支', '轉'][pick(3)] ?? '支';
  const no = zi === '轉' ? String(1 + pick(5)) : '1';
  const account = ACCOUNT_NAMES[pick(4)] ?? '零用金';
  const amount = new Decimal([100, 2500, 40_000, 400_000][pick(4)] ?? 100);
  return { row, month: 1, day: 1, zi, voucher: String(row), item: null, no, note: null, amount, category: null, account, param: null, formula: { zi, no, amount, account } };
};

const ledgerOf = (opening: Balances, inputs: readonly LedgerEntryInput[]): Ledger => ({ year: 115, period: 12, opening, ...replayEntries(opening, inputs) });

describe('patchLedger', () => {
  it.each([1, 2, 3])('equals a replay of the whole book after 25 random edits (seed %i)', (seed) => {
    const pick = random(seed);
    const opening: Balances = { 專戶存款1: new Decimal(50_000), 專戶存款2: new Decimal(0), 定期存款: new Decimal(-10), 零用金: new Decimal(3000) };
    let inputs = Array.from({ length: 100 }, (_, i) => entry(14 + i * 2, pick));
    let ledger = ledgerOf(opening, inputs);
    let runsSeen = 0;
    for (let step = 0; step < 25; step += 1) {
      // one to three rows anywhere, used or not: changed, emptied or filled
      const rows = new Set(Array.from({ length: 1 + pick(3) }, () => 14 + pick(220)));
      const replacements = [...rows].sort((a, b) => a - b).flatMap((row) => (pick(4) === 0 ? [] : [entry(row, pick)]));
      inputs = [...inputs.filter((e) => !rows.has(e.row)), ...replacements].sort((a, b) => a.row - b.row);
      ledger = patchLedger(ledger, rows, replacements);
      const whole = ledgerOf(opening, inputs);
      expect(ledger.entries).toEqual(whole.entries);
      expect(ledger.negativeRuns).toEqual(whole.negativeRuns);
      expect(ledger.firstNegative).toEqual(whole.firstNegative);
      expect(ledger.closing).toEqual(whole.closing);
      runsSeen += whole.negativeRuns.length;
    }
    // the edits took accounts below zero and back, not only shifted positive balances
    expect(runsSeen).toBeGreaterThan(0);
  });

  it('leaves the ledger as it is when no row was edited', () => {
    const ledger = ledgerOf({ 專戶存款1: new Decimal(1), 專戶存款2: new Decimal(0), 定期存款: new Decimal(0), 零用金: new Decimal(0) }, []);
    expect(patchLedger(ledger, new Set(), [])).toBe(ledger);
  });
});
