// How recon.history_changed classifies and names changes, on entries in memory (the HTTP tests cover the wiring).
import Decimal from 'decimal.js';
import { type Filing } from '../../models/filing';
import { type ReconContext, type StoredEntry } from './context';
import { historyChanged, MAX_LISTED_CHANGES } from './history-changed';

/** Entry i of a March book: months 1–3, voucher i + 1. */
const entry = (i: number, change: Partial<StoredEntry> = {}): StoredEntry => ({
  seq: i + 1,
  row: 14 + i,
  month: 1 + (Math.floor(i / 10) % 3),
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
/** Entries of April–June (the new quarter), vouchers from 1001. */
const spring = (n: number): StoredEntry[] => Array.from({ length: n }, (_, i) => entry(1000 + i, { month: 4 + (i % 3) }));
/** Renumbers rows and seq as they would be in the new workbook. */
const rows = (entries: readonly StoredEntry[]): StoredEntry[] => entries.map((e, i) => ({ ...e, seq: i + 1, row: 14 + i }));

const ADVICE = '。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明';

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
  it('finds nothing when the old book is kept and only April–June entries follow', async () => {
    expect(await run(book(30), rows([...book(30), ...spring(15)]))).toEqual([]);
  });

  it('pairs an entry whose voucher changed as altered, at the first changed cell, and names both fields', async () => {
    const next = book(30);
    next[3] = entry(3, { voucher: '4a', amount: new Decimal(999) });
    expect(await run(book(30), next)).toEqual([
      expect.objectContaining({
        cell: 'D17',
        expected: '4',
        actual: '4a',
        message: `與第 1 季已申報資料比較，第 17 列已申報的收支被修改：1月4日 傳票「4」支 6-1 摘要(二)「文具 4」金額 103，傳票序號由「4」改為「4a」、金額由「103」改為「999」${ADVICE}`,
      }),
    ]);
  });

  it('sees the last old entry altered even when the new quarter follows it', async () => {
    const next = rows([...book(9), entry(9, { note: '影印紙' }), ...spring(10)]);
    const found = await run(book(10), next);
    expect(found).toEqual([expect.objectContaining({ cell: 'H23', expected: '文具 10', actual: '影印紙' })]);
    expect(found[0]?.message).toContain('摘要(二)由「文具 10」改為「影印紙」');
  });

  it('sees the last old entry altered and moved behind the new quarter as one altered entry', async () => {
    const next = rows([...book(9), ...spring(6), entry(9, { amount: new Decimal(500) })]);
    expect((await run(book(10), next)).map((f) => [f.cell, f.expected, f.actual])).toEqual([['I29', '109', '500']]);
  });

  it('counts a replaced entry (nothing in common) as one removed and one added, in book order', async () => {
    const other = entry(50, { zi: '收', item: '年度收入', no: '4', note: '繳回款', category: '其他收入', account: '專戶存款1' });
    const found = await run(book(10), rows([...book(5), other, ...book(10).slice(6)]));
    expect(found.map((f) => [f.cell ?? null, f.message])).toEqual([
      [null, `與第 1 季已申報資料比較，已申報的收支被刪除：1月6日 傳票「6」支 6-1 摘要(二)「文具 6」金額 105${ADVICE}`],
      ['A19', `與第 1 季已申報資料比較，第 19 列新增了已申報期間（1–3 月）內的收支：3月1日 傳票「51」收 4 摘要(二)「繳回款」金額 150${ADVICE}`],
    ]);
  });

  it('finds back-dated entries among the new quarter, but not the new quarter itself', async () => {
    const next = rows([...book(10), ...spring(3), entry(2000, { month: 3, day: 31 }), ...spring(6).slice(3), entry(2001, { month: 1, day: 5 })]);
    const found = await run(book(10), next);
    expect(found.map((f) => f.cell)).toEqual(['A27', 'A31']);
    expect(found[1]?.message).toContain('第 31 列新增了已申報期間（1–3 月）內的收支：1月5日 傳票「2002」');
  });

  it('tells an entry inserted among the old ones in a later month from a back-dated one', async () => {
    const found = await run(book(10), rows([...book(4), entry(3000, { month: 5 }), ...book(10).slice(4), ...spring(2)]));
    expect(found.map((f) => [f.cell, f.message.split('：')[0]])).toEqual([['A18', '與第 1 季已申報資料比較，第 18 列在已申報的收支之間插入了收支']]);
  });

  it('finds a removed last entry without a cell, and a swapped pair as one moved entry', async () => {
    const removed = await run(book(10), rows([...book(9), ...spring(4)]));
    expect(removed).toEqual([expect.objectContaining({ message: expect.stringContaining('已申報的收支被刪除：1月10日 傳票「10」') })]);
    expect(removed[0]?.cell).toBeUndefined();

    const old = book(10);
    const swapped = rows([...old.slice(0, 3), old[4] as StoredEntry, old[3] as StoredEntry, ...old.slice(5)]);
    const moved = await run(old, swapped);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.message).toMatch(/^與第 1 季已申報資料比較，第 1[78] 列已申報的收支順序被更動（原為第 [45] 筆，現為第 [45] 筆）：1月[45]日 傳票「[45]」/);
  });

  it('lists every change of many, one finding each, in book order', async () => {
    const next = book(40).map((e, i) => (i % 4 === 0 ? { ...e, amount: new Decimal(5000 + i) } : e));
    const found = await run(book(40), next);
    expect(found.map((f) => f.cell)).toEqual([14, 18, 22, 26, 30, 34, 38, 42, 46, 50].map((r) => `I${r}`));
    expect(found.map((f) => f.actual)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36].map((i) => String(5000 + i)));
  });

  it('lists the first changes of a rewritten book and counts the rest in one more finding', async () => {
    const old = book(2100);
    const next = rows([...old.map((e) => ({ ...e, note: `改 ${e.note ?? ''}` })), ...spring(3), entry(5000, { month: 2 })]);
    const found = await run(old, next);
    expect(found).toHaveLength(MAX_LISTED_CHANGES + 1);
    expect(found.slice(0, MAX_LISTED_CHANGES).every((f) => f.message.includes('已申報的收支被修改'))).toBe(true);
    expect(found[MAX_LISTED_CHANGES]?.message).toBe(
      `與第 1 季已申報資料比較，另有 1901 筆更動未逐筆列出：共 2101 筆（新增 1 筆、刪除 0 筆、修改 2100 筆、順序更動 0 筆），以上僅列出前 ${MAX_LISTED_CHANGES} 筆${ADVICE}`,
    );
    expect(found[MAX_LISTED_CHANGES]?.cell).toBeUndefined();
  });

  it('quotes hostile values harmlessly: no control characters, bounded length', async () => {
    const hostile = `\u202e=HY\u0000PERLINK("http://evil")${'x'.repeat(100_000)}`;
    const next = book(5);
    next[2] = entry(2, { note: hostile });
    const [finding] = await run(book(5), next);
    expect(finding?.message).toContain('摘要(二)由「文具 3」改為「 =HY PERLINK("http:/…」');
    for (const text of [finding?.message ?? '', finding?.actual ?? '']) {
      expect([...text].filter((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u202e')).toEqual([]);
      expect(Array.from(text).length).toBeLessThan(400);
    }
  });
});
