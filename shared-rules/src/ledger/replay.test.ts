import Decimal from 'decimal.js';
import { checkWorkbook } from '../check/run';
import { balanceColumn, CB_FIRST_ENTRY_ROW, CB_SHEET } from '../definition/cashbook/ledger-sheet';
import { paramKey, paramsFor } from '../definition/cashbook/params';
import { CURRENT_VERSION } from '../definition/versions';
import { CASHBOOK_EXAMPLE, CASHBOOK_EXAMPLE_CLOSING } from '../testing/seed-examples';
import { buildSnapshot, type Fill } from '../testing/snapshot-builder';
import { ACCOUNTS, type Account } from './delta';
import { type Balances, type LedgerEntryInput, ledgerTotals, readLedger, replayEntries, spendOf } from './index';
import { book, contextOf, entry } from './test-book';

const d = (n: number): Decimal => new Decimal(n);
const balances = (b: Readonly<Record<Account, number>>): Balances => ({
  專戶存款1: d(b.專戶存款1),
  專戶存款2: d(b.專戶存款2),
  定期存款: d(b.定期存款),
  零用金: d(b.零用金),
});
const plain = (b: Balances): Record<Account, number> =>
  Object.fromEntries(ACCOUNTS.map((a) => [a, b[a].toNumber()])) as Record<Account, number>;

let nextRow = CB_FIRST_ENTRY_ROW;
/** An entry as the pure replay takes it: clean values, the param looked up by 字|號. */
const input = (zi: string, no: string, amount: number | null, account: string, extra: Partial<LedgerEntryInput> = {}): LedgerEntryInput => ({
  row: nextRow++,
  month: 1,
  day: 1,
  zi,
  voucher: null,
  item: null,
  no,
  note: null,
  amount: amount === null ? null : d(amount),
  category: null,
  account,
  param: paramsFor(CURRENT_VERSION).byKey.get(paramKey(zi, no)) ?? null,
  ...extra,
});

const ledgerOf = (fill: Fill) => readLedger(contextOf(buildSnapshot('cashbook', fill)));

describe('readLedger on the seed example', () => {
  const ledger = ledgerOf(CASHBOOK_EXAMPLE);

  it('replays to the hand-worked closing balances', () => {
    expect(plain(ledger.closing)).toEqual(CASHBOOK_EXAMPLE_CLOSING);
    expect(ledger.entries).toHaveLength(20);
    expect(ledger.year).toBe(115);
    expect(ledger.period).toBe(12);
    expect(plain(ledger.opening)).toEqual({ 專戶存款1: 1500000, 專戶存款2: 0, 定期存款: 0, 零用金: 57904 });
    expect(ledger.negativeRuns).toEqual([]);
    expect(ledger.firstNegative).toEqual({});
  });

  it('agrees with the template formulas, recomputed, at every balance cell', () => {
    const ctx = contextOf(buildSnapshot('cashbook', CASHBOOK_EXAMPLE));
    for (const e of readLedger(ctx).entries) {
      for (const a of ACCOUNTS) expect(ctx.form.number(CB_SHEET, `${balanceColumn(a)}${e.row}`)?.toFixed()).toBe(e.balances[a].toFixed());
      expect(ctx.form.number(CB_SHEET, `${balanceColumn('total')}${e.row}`)?.toFixed()).toBe(e.total.toFixed());
    }
  });

  it('reads the entries cleanly, looking up the parameter row', () => {
    const first = ledger.entries[0];
    expect(first).toMatchObject({ row: 14, month: 1, day: 15, zi: '收', voucher: '1', item: '年度收入', no: '1', note: '115年分配款', category: '分配款', account: '專戶存款1' });
    expect(first?.amount?.toFixed()).toBe('467000');
    expect(first?.param?.summary).toBe('收-商港服務費福利專款');
    expect(plain(first?.balances ?? balances(CASHBOOK_EXAMPLE_CLOSING))).toEqual({ 專戶存款1: 1967000, 專戶存款2: 0, 定期存款: 0, 零用金: 57904 });
    expect(first?.total.toFixed()).toBe('2024904');
  });

  it('reads a number cell for 號 as its digits and a bad cell as null', () => {
    const l = ledgerOf(book({ 0: { no: 1, amount: '４６７０００', month: 13 }, 1: { no: 2 } }));
    expect(l.entries[0]).toMatchObject({ no: '1', amount: null, month: null });
    expect(l.entries[0]?.param?.summary).toBe('收-商港服務費福利專款');
    expect(l.entries[1]?.param?.summary).toBe('轉-提福利專款存款為零用金');
  });

  it('sums the year-to-date figures exactly, in the 決算 shape', () => {
    const totals = ledgerTotals(ledger.entries);
    expect(totals.allocationReceived.toFixed()).toBe('467000');
    expect(totals.interestReceived.toFixed()).toBe('1537');
    expect(totals.otherReceived.toFixed()).toBe('0');
    expect(totals.uncountedRows).toEqual([]);
    const spend = Object.fromEntries([...totals.spendByRowAndCategory].map(([row, m]) => [row, Object.fromEntries([...m].map(([c, v]) => [c, v.toNumber()]))]));
    expect(spend).toEqual({
      '1': { 分配款: 199700 },
      '3-2': { 結餘款: 5100 },
      '4': { 分配款: 6000 },
      '5-4': { 分配款: 100000 },
      '6': { 分配款: 4500 },
    });
    expect(spendOf(totals, '1', ['分配款']).toFixed()).toBe('199700');
    expect(spendOf(totals, '1', ['利息收入']).toFixed()).toBe('0');
    expect(spendOf(totals, '2').toFixed()).toBe('0');
  });

  it('lists the 收/支 rows no figure could place', () => {
    const totals = ledgerTotals(ledgerOf(book({ 2: { category: null }, 3: { amount: 'x' }, 4: { no: '9-9' } })).entries);
    expect(totals.uncountedRows).toEqual([16, 17, 18]);
    expect(spendOf(totals, '6').toFixed()).toBe('2500');
  });
});

describe('replayEntries', () => {
  const OPENING = balances({ 專戶存款1: 1000, 專戶存款2: 1000, 定期存款: 1000, 零用金: 1000 });

  // SPEC §4.1: 轉 moves between the two accounts fixed by its 號, the total unchanged
  it.each([
    ['1', '專戶存款1', { 專戶存款1: 900, 專戶存款2: 1000, 定期存款: 1100, 零用金: 1000 }],
    ['1', '專戶存款2', { 專戶存款1: 1000, 專戶存款2: 900, 定期存款: 1100, 零用金: 1000 }],
    ['2', '專戶存款1', { 專戶存款1: 900, 專戶存款2: 1000, 定期存款: 1000, 零用金: 1100 }],
    ['2', '專戶存款2', { 專戶存款1: 1000, 專戶存款2: 900, 定期存款: 1000, 零用金: 1100 }],
    ['3', '專戶存款1', { 專戶存款1: 1100, 專戶存款2: 1000, 定期存款: 900, 零用金: 1000 }],
    ['3', '專戶存款2', { 專戶存款1: 1000, 專戶存款2: 1100, 定期存款: 900, 零用金: 1000 }],
    ['4', '定期存款', { 專戶存款1: 1000, 專戶存款2: 1000, 定期存款: 900, 零用金: 1100 }],
    ['5', '專戶存款1', { 專戶存款1: 900, 專戶存款2: 1100, 定期存款: 1000, 零用金: 1000 }],
    ['6', '專戶存款2', { 專戶存款1: 1100, 專戶存款2: 900, 定期存款: 1000, 零用金: 1000 }],
  ] as const)('轉 %s with 動支帳戶 %s moves 100', (no, account, after) => {
    const r = replayEntries(OPENING, [input('轉', no, 100, account)]);
    expect(plain(r.closing)).toEqual(after);
    expect(r.entries[0]?.total.toFixed()).toBe('4000');
  });

  it('adds 收 to its account, subtracts 支, and ignores an entry without an amount', () => {
    const r = replayEntries(OPENING, [input('收', '2', 37, '專戶存款2'), input('支', '1-1', 500, '零用金'), input('支', '1-1', null, '零用金')]);
    expect(plain(r.closing)).toEqual({ 專戶存款1: 1000, 專戶存款2: 1037, 定期存款: 1000, 零用金: 500 });
    expect(r.entries.map((e) => e.total.toFixed())).toEqual(['4037', '3537', '3537']);
  });

  it('follows the formula view of a row when one is given', () => {
    const e = input('轉', '２', 100, '專戶存款1', { no: null, param: null, formula: { zi: '轉', no: '２', amount: d(100), account: '專戶存款1' } });
    // like the template's CHOOSE, a 號 that is not a half-width number has no destination: only the source moves
    expect(plain(replayEntries(OPENING, [e]).closing)).toEqual({ 專戶存款1: 900, 專戶存款2: 1000, 定期存款: 1000, 零用金: 1000 });
  });

  it('reports where each account goes negative, once per run, and again after it recovered', () => {
    const entries = [
      input('支', '6-1', 1100, '零用金'), // 零用金 -100: a run starts
      input('支', '6-1', 50, '零用金'), // still negative: same run
      input('轉', '1', 1200, '專戶存款1'), // 專戶存款1 -200: its own run
      input('轉', '2', 1000, '專戶存款2'), // 零用金 850: recovered
      input('支', '6-2', 900, '零用金'), // 零用金 -50: a new run
    ];
    const r = replayEntries(OPENING, entries);
    const rows = entries.map((e) => e.row);
    expect(r.negativeRuns.map((n) => [n.account, n.row, n.balance.toNumber()])).toEqual([
      ['零用金', rows[0], -100],
      ['專戶存款1', rows[2], -200],
      ['零用金', rows[4], -50],
    ]);
    expect(r.firstNegative.零用金?.row).toBe(rows[0]);
    expect(r.firstNegative.專戶存款1?.balance.toNumber()).toBe(-200);
    expect(r.firstNegative.定期存款).toBeUndefined();
  });

  it('does not report an account whose opening balance is already negative until it recovers', () => {
    const opening = balances({ 專戶存款1: 1000, 專戶存款2: 0, 定期存款: 0, 零用金: -100 });
    const entries = [input('支', '6-1', 100, '零用金'), input('轉', '2', 1000, '專戶存款1'), input('支', '6-1', 900, '零用金')];
    const r = replayEntries(opening, entries);
    expect(r.negativeRuns.map((n) => [n.account, n.row, n.balance.toNumber()])).toEqual([['零用金', entries[2]?.row, -100]]);
    expect(r.firstNegative.零用金?.row).toBe(entries[0]?.row);
  });

  it('replays 5,000 entries in one linear pass', () => {
    const many = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? input('收', '3', 10, '專戶存款1') : input('支', '1-1', 3, '專戶存款1')));
    const r = replayEntries(balances({ 專戶存款1: 0, 專戶存款2: 0, 定期存款: 0, 零用金: 0 }), many);
    expect(r.entries).toHaveLength(5000);
    expect(r.closing.專戶存款1.toFixed()).toBe('17500');
    expect(r.negativeRuns).toEqual([]);
  });
});

describe('a 5,000-entry cash book', () => {
  it('is read, replayed and checked without findings', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const month = 1 + Math.floor(i / 417);
      const day = 1 + Math.floor((i % 417) / 15);
      return i % 2 === 0
        ? entry({ month, day, zi: '收', voucher: `V${i}`, item: '年度收入', no: '3', amount: 10, category: '利息收入', account: '專戶存款1' })
        : entry({ month, day, zi: '支', voucher: `V${i}`, item: '1、教育訓練', no: '1-1', amount: 5, category: '利息收入', account: '專戶存款1' });
    });
    const fill: Fill = { ...CASHBOOK_EXAMPLE, cb_entries: rows };
    const snapshot = buildSnapshot('cashbook', fill, { entryRows: 5000 });
    const ledger = readLedger(contextOf(snapshot, 5000));
    expect(ledger.entries).toHaveLength(5000);
    expect(ledger.closing.專戶存款1.toFixed()).toBe('1512500');
    expect(ledger.entries[4999]?.row).toBe(CB_FIRST_ENTRY_ROW + 4999);
    expect(checkWorkbook(snapshot).findings).toEqual([]);
  });
});
