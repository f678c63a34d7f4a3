// How recon.history_changed classifies and names changes, on entries in memory (the HTTP tests cover the wiring).
import Decimal from 'decimal.js';
import { type Filing } from '../../models/filing';
import { type ReconContext, type StoredEntry } from './context';
import { historyChanged } from './history-changed';

const entry = (i: number, change: Partial<StoredEntry> = {}): StoredEntry => ({
  seq: i + 1,
  row: 14 + i,
  month: 1 + Math.floor(i / 10),
  day: 1 + (i % 10),
  zi: '支',
  voucher: String(i + 1),
  item: '6、行政事務費',
  no: '6-1',
  note: `文具 ${i + 1}`,
  amount: new Decimal(100 + i),
  category: '分配款',
  account: '零用金',
  ...change,
});

const book = (n: number): StoredEntry[] => Array.from({ length: n }, (_, i) => entry(i));
/** Renumbers rows and seq as they would be in the new workbook. */
const rows = (entries: readonly StoredEntry[]): StoredEntry[] => entries.map((e, i) => ({ ...e, seq: i + 1, row: 14 + i }));

const run = async (old: readonly StoredEntry[], next: readonly StoredEntry[]) => {
  const previous = { id: 1, kind: 'cashbook', quarter: 1 } as Filing;
  const filing = { id: 2, kind: 'cashbook', union_id: 9, year: 115, quarter: 2 } as Filing;
  const ctx = {
    current: async () => previous,
    entries: async (id: number) => (id === 1 ? old : next),
  } as unknown as ReconContext;
  return historyChanged(ctx, filing);
};

describe('recon.history_changed details', () => {
  it('finds nothing when the old book is a prefix of the new one', async () => {
    expect(await run(book(30), book(45))).toEqual([]);
  });

  it('pairs an entry whose voucher changed as altered and names both fields', async () => {
    const next = book(30);
    next[3] = entry(3, { voucher: '4a', amount: new Decimal(999) });
    const [finding] = await run(book(30), next);
    expect(finding?.message).toBe('與第 1 季已申報資料比較：新增 0 筆、刪除 0 筆、修改 1 筆；修改：第 17 列 傳票 4 傳票序號 4→4a、金額 103→999');
    expect(finding?.cell).toBe('A17');
  });

  it('sees the last old entry altered even when the new quarter follows it', async () => {
    const next = [...book(9), entry(9, { note: '影印紙' }), ...book(20).slice(10)];
    const [finding] = await run(book(10), next);
    expect(finding?.message).toContain('修改 1 筆；修改：第 23 列 傳票 10 摘要(二) 文具 10→影印紙');
  });

  it('counts a replaced entry (nothing in common) as one removed and one added', async () => {
    const next = rows([...book(5), entry(50, { zi: '收', item: '年度收入', no: '4', category: '其他收入', account: '專戶存款1' }), ...book(10).slice(6)]);
    const [finding] = await run(book(10), next);
    expect(finding?.message).toContain('新增 1 筆、刪除 1 筆、修改 0 筆');
    expect(finding?.cell).toBe('A19');
  });

  it('names the first few of many changes within the quoted length and counts them all', async () => {
    const next = book(40).map((e, i) => (i % 4 === 0 ? { ...e, amount: new Decimal(5000 + i) } : e));
    const [finding] = await run(book(40), next);
    expect(finding?.message).toMatch(/^與第 1 季已申報資料比較：新增 0 筆、刪除 0 筆、修改 10 筆；修改：第 14 列 傳票 1 金額 100→5,000、.*等$/);
  });

  it('compares a rewritten book row by row when no alignment is worth computing', async () => {
    const old = book(2100);
    const next = old.map((e) => ({ ...e, note: `改 ${e.note ?? ''}` }));
    const [finding] = await run(old, next);
    expect(finding?.message).toContain('新增 0 筆、刪除 0 筆、修改 2100 筆');
  });
});
