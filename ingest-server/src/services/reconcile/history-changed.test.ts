// recon.history_changed over real HTTP with generated workbooks: a quarter's book must keep the previous quarter's
// entries unchanged and in order; what follows the last old entry is the new quarter.
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

  it('names an altered March entry: its row, voucher, field and both values', async () => {
    const june = await union.cashbook(115, 2, {}, changeEntry('5', (e) => withAmount(e, 2500)));
    const found = recon(june);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'recon.history_changed', severity: 'error', sheet: '現金收支登記簿', cell: 'A18', field: 'cb_entries' });
    expect(found[0]?.message).toBe('與第 1 季已申報資料比較：新增 0 筆、刪除 0 筆、修改 1 筆；修改：第 18 列 傳票 5 金額 2,000→2,500');
    expect(june.summary.errors).toBeGreaterThanOrEqual(1);
  });

  it('counts a removed entry and points at the row where it was', async () => {
    const june = await union.cashbook(115, 2, {}, changeEntry('3', () => null));
    const found = recon(june, 'recon.history_changed');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: 'A16' });
    expect(found[0]?.message).toBe('與第 1 季已申報資料比較：新增 0 筆、刪除 1 筆、修改 0 筆；刪除：傳票 3（2月9日 2,000）');
  });

  it('counts the removal of the last March entry without a cell (nothing is left where it was)', async () => {
    const june = await union.cashbook(115, 2, {}, changeEntry('5', () => null));
    const found = recon(june, 'recon.history_changed');
    expect(found).toHaveLength(1);
    expect(found[0]?.cell).toBeUndefined();
    expect(found[0]?.message).toContain('新增 0 筆、刪除 1 筆、修改 0 筆；刪除：傳票 5（3月31日 2,000）');
  });

  it('counts an entry inserted among the March entries, but not the April–June ones', async () => {
    const inserted: EntryRow = [2, 25, '支', '21', '6、行政事務費', '6-1', undefined, '影印紙', 800, '分配款', '零用金'];
    const entries = [...CASHBOOK_ENTRIES.slice(0, 4), inserted, ...CASHBOOK_ENTRIES.slice(4)];
    const june = await union.cashbook(115, 2, {}, entries);
    const found = recon(june, 'recon.history_changed');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: 'A18' });
    expect(found[0]?.message).toBe('與第 1 季已申報資料比較：新增 1 筆、刪除 0 筆、修改 0 筆；新增：第 18 列 傳票 21');
  });
});

describe('a late book re-checks the quarter after it', () => {
  it('checks the September book again when the June book arrives after it', async () => {
    const union = await newUnion(server, taichung);
    const september = await union.cashbook(115, 3, {}, changeEntry('6', (e) => withAmount(e, 2200)));
    expect(recon(september)).toEqual([]);
    const june = await union.cashbook(115, 2);
    expect(recon(june)).toEqual([]);
    const rechecked = await union.reload(september);
    const found = recon(rechecked);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'recon.history_changed', cell: 'A19' });
    expect(found[0]?.message).toBe('與第 2 季已申報資料比較：新增 0 筆、刪除 0 筆、修改 1 筆；修改：第 19 列 傳票 6 金額 2,000→2,200');
    expect(rechecked.summary.errors).toBe(september.summary.errors + 1);
  });
});
