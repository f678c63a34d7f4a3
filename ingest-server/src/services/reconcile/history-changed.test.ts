// recon.history_changed over real HTTP with generated workbooks: a quarter's book must keep the previous quarter's
// entries unchanged and in order, and add none dated inside the filed months; each changed entry is one finding.
import { CASHBOOK_ENTRIES, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { newUnion, recon, type Union } from './testing/harness';

jest.setTimeout(240_000);

let server: TestServer;
let taichung: string;

beforeAll(async () => {
  server = await startTestServer();
  taichung = await server.login('taichung');
});
afterAll(() => server.close());

const ADVICE = '。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明';

/** The example entries with the entry of a voucher changed (or removed when change returns null). */
const changeEntry = (voucher: string, change: (e: EntryRow) => EntryRow | null): EntryRow[] =>
  CASHBOOK_ENTRIES.flatMap((e) => {
    if (e[3] !== voucher) return [e];
    const changed = change([...e] as EntryRow);
    return changed === null ? [] : [changed];
  });

const withAmount = (e: EntryRow, amount: number): EntryRow => {
  const copy = [...e] as EntryRow;
  copy[8] = amount;
  return copy;
};

const index = (voucher: string): number => CASHBOOK_ENTRIES.findIndex((e) => e[3] === voucher);

describe('a June book against the March book', () => {
  let union: Union;
  beforeAll(async () => {
    union = await newUnion(server, taichung);
    await union.cashbook(115, 1);
  });

  it('finds nothing when every March entry is kept and April–June entries follow', async () => {
    const june = await union.cashbook(115, 2);
    expect(recon(june)).toEqual([]);
  });

  it('names an altered March entry at its changed cell, with the old and the new value', async () => {
    const june = await union.cashbook(115, 2, {}, changeEntry('5', (e) => withAmount(e, 2500)));
    const found = recon(june);
    expect(found).toEqual([
      expect.objectContaining({
        code: 'recon.history_changed',
        severity: 'error',
        sheet: '現金收支登記簿',
        cell: 'I18',
        field: 'cb_entries',
        expected: '2000',
        actual: '2500',
        message: `與第 1 季已申報資料比較，第 18 列已申報的收支被修改：3月31日 傳票「5」支 6-1 摘要(二)「辦公文具」金額 2,000，金額由「2,000」改為「2,500」${ADVICE}`,
      }),
    ]);
    expect(june.summary.errors).toBeGreaterThanOrEqual(1);
  });

  it('names a removed March entry by its date, voucher, 摘要 and amount, on the sheet (it has no cell any more)', async () => {
    const june = await union.cashbook(115, 2, {}, changeEntry('3', () => null));
    const found = recon(june, 'recon.history_changed');
    expect(found).toHaveLength(1);
    expect(found[0]?.cell).toBeUndefined();
    expect(found[0]).toMatchObject({ sheet: '現金收支登記簿', field: 'cb_entries' });
    expect(found[0]?.message).toBe(`與第 1 季已申報資料比較，已申報的收支被刪除：2月9日 傳票「3」支 3-2-2 摘要(二)「洪孟奎家屬住院慰問」金額 2,000${ADVICE}`);
  });

  it('finds a back-dated entry added after the March entries, and one added at the very end of the book', async () => {
    const missed: EntryRow = [3, 31, '支', '21', '6、行政事務費', '6-1', undefined, '影印紙', 800, '分配款', '零用金'];
    const late: EntryRow = [2, 28, '支', '22', '6、行政事務費', '6-2', undefined, '車馬費', 300, '分配款', '零用金'];
    const june = CASHBOOK_ENTRIES.filter((e) => e[0] <= 6);
    const entries = [...june.slice(0, index('6')), missed, ...june.slice(index('6')), late];
    const found = recon(await union.cashbook(115, 2, {}, entries), 'recon.history_changed');
    expect(found.map((f) => [f.cell, f.message])).toEqual([
      ['A19', `與第 1 季已申報資料比較，第 19 列新增了已申報期間（1–3 月）內的收支：3月31日 傳票「21」支 6-1 摘要(二)「影印紙」金額 800${ADVICE}`],
      ['A24', `與第 1 季已申報資料比較，第 24 列新增了已申報期間（1–3 月）內的收支：2月28日 傳票「22」支 6-2 摘要(二)「車馬費」金額 300${ADVICE}`],
    ]);
  });

  it('finds an entry inserted among the March entries, but not the April–June ones', async () => {
    const inserted: EntryRow = [2, 25, '支', '21', '6、行政事務費', '6-1', undefined, '影印紙', 800, '分配款', '零用金'];
    const entries = [...CASHBOOK_ENTRIES.slice(0, 4), inserted, ...CASHBOOK_ENTRIES.slice(4)];
    const found = recon(await union.cashbook(115, 2, {}, entries), 'recon.history_changed');
    expect(found).toEqual([expect.objectContaining({ cell: 'A18', message: expect.stringContaining('第 18 列新增了已申報期間（1–3 月）內的收支：2月25日 傳票「21」') })]);
  });

  it('finds a reordered pair as one entry moved (the fewest changes that explain it)', async () => {
    const swapped = [...CASHBOOK_ENTRIES];
    [swapped[2], swapped[3]] = [CASHBOOK_ENTRIES[3] as EntryRow, CASHBOOK_ENTRIES[2] as EntryRow];
    const found = recon(await union.cashbook(115, 2, {}, swapped), 'recon.history_changed');
    expect(found).toHaveLength(1);
    // either of the two may be the one that moved: it is named at its new row with both positions
    const options = [
      { cell: 'A16', text: '第 16 列已申報的收支順序被更動（原為第 4 筆，現為第 3 筆）：2月20日 傳票「4」' },
      { cell: 'A17', text: '第 17 列已申報的收支順序被更動（原為第 3 筆，現為第 4 筆）：2月9日 傳票「3」' },
    ];
    expect(options.filter((o) => found[0]?.cell === o.cell && found[0].message.includes(o.text))).toHaveLength(1);
  });

  it('lists every change of a book with several, in book order', async () => {
    const entries = changeEntry('2', (e) => withAmount(e, 210000)).filter((e) => e[3] !== '4');
    const found = recon(await union.cashbook(115, 2, {}, entries), 'recon.history_changed');
    expect(found.map((f) => [f.cell ?? null, f.message.split('：')[0]])).toEqual([
      ['I15', '與第 1 季已申報資料比較，第 15 列已申報的收支被修改'],
      [null, '與第 1 季已申報資料比較，已申報的收支被刪除'],
    ]);
    expect(found[1]?.message).toContain('2月20日 傳票「4」');
  });
});

describe('a late book re-checks the quarter after it', () => {
  it('checks the September book again when the June book arrives after it, and tells the union', async () => {
    const union = await newUnion(server, taichung);
    const september = await union.cashbook(115, 3, {}, changeEntry('6', (e) => withAmount(e, 2200)));
    expect(recon(september)).toEqual([]);
    const june = await union.cashbook(115, 2);
    expect(recon(june)).toEqual([]);
    const rechecked = await union.reload(september);
    expect(recon(rechecked)).toEqual([
      expect.objectContaining({
        code: 'recon.history_changed',
        cell: 'I19',
        expected: '2000',
        actual: '2200',
        message: `與第 2 季已申報資料比較，第 19 列已申報的收支被修改：4月19日 傳票「6」支 3-2-1 摘要(二)「傅武雄住院慰問」金額 2,000，金額由「2,000」改為「2,200」${ADVICE}`,
      }),
    ]);
    expect(rechecked.summary.errors).toBe(september.summary.errors + 1);
    const notes = await server.db('notifications').where({ filing_id: september.id, kind: 'recon' }).select<{ message: string }[]>('message');
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining('出現 1 項新的勾稽錯誤（前季已申報的收支被更動）')]);
  });
});
