// Reconciliation over real HTTP: the year chain — opening balances against last year's December book, the 決算 against
// the December book, carried values against last year's application — with filings arriving out of order or at once.
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE_CLOSING, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { FINAL_ACCOUNTS_116, INTEREST_116_WITH_115, spendWith } from './testing/final-accounts';
import { newUnion, recon } from './testing/harness';

jest.setTimeout(300_000);

let server: TestServer;
let taichung: string;

beforeAll(async () => {
  server = await startTestServer();
  taichung = await server.login('taichung');
});
afterAll(() => server.close());

const OPENING_115 = {
  cb_open_special1: CASHBOOK_EXAMPLE_CLOSING.專戶存款1,
  cb_open_special2: CASHBOOK_EXAMPLE_CLOSING.專戶存款2,
  cb_open_fixed: CASHBOOK_EXAMPLE_CLOSING.定期存款,
  cb_open_petty: CASHBOOK_EXAMPLE_CLOSING.零用金,
};

describe('recon.opening_balance', () => {
  it('checks a book filed before last year\'s December book once that arrives, and clears when corrected', async () => {
    const union = await newUnion(server, taichung);
    const march = await union.cashbook(115, 1, { ...OPENING_115, cb_open_special1: 988000 });
    expect(recon(march)).toEqual([]);
    await union.cashbook(114, 4);
    const rechecked = recon(await union.reload(march));
    expect(rechecked).toHaveLength(1);
    expect(rechecked[0]).toMatchObject({
      code: 'recon.opening_balance',
      sheet: '現金收支登記簿',
      cell: 'C8',
      field: 'cb_open_special1',
      message: '「專戶存款1」上年度結存 988,000，去年 12 月申報的期末結存為 988,377',
      expected: '988377',
      actual: '988000',
    });
    const corrected = await union.cashbook(115, 1, OPENING_115);
    expect(recon(corrected)).toEqual([]);
  });
});

describe('recon.cashbook_vs_final_accounts and recon.carry', () => {
  it('agrees cell by cell with the December book, finds the one differing cell, then checks interest and carry against the 115 application', async () => {
    const union = await newUnion(server, taichung);
    await union.cashbook(115, 4);
    const clean = await union.application(116, FINAL_ACCOUNTS_116);
    expect(recon(clean)).toEqual([]);

    const oneCell = await union.application(116, { ...FINAL_ACCOUNTS_116, fa_spend: spendWith(10, 1, 110000) });
    expect(recon(oneCell)).toEqual([
      expect.objectContaining({
        code: 'recon.cashbook_vs_final_accounts',
        severity: 'error',
        sheet: '決算',
        cell: 'C23',
        field: 'fa_spend',
        message: '決算「5-4、春節、中秋、端午、重陽、五一等節日禮券、禮品 分配款」為 110,000，上一年度 12 月現金收支登記簿合計為 100,000',
        expected: '100000',
        actual: '110000',
      }),
    ]);

    // without the 115 application only a lower bound holds for the cumulative interest
    const lowInterest = await union.application(116, { ...FINAL_ACCOUNTS_116, fa_rev_interest: 1000 });
    expect(recon(lowInterest)).toEqual([expect.objectContaining({ code: 'recon.cashbook_vs_final_accounts', cell: 'B5', expected: '1537', actual: '1000' })]);

    // the 115 application arrives late: the current 116 application is checked again, now against the exact interest
    const app115 = await union.application(115);
    expect(recon(app115)).toEqual([]);
    const rechecked = recon(await union.reload(lowInterest));
    expect(rechecked).toEqual([expect.objectContaining({ code: 'recon.cashbook_vs_final_accounts', cell: 'B5', expected: String(INTEREST_116_WITH_115), actual: '1000' })]);
    expect(rechecked[0]?.message).toContain('含前一年度申請書結轉利息 937');
    // an earlier version is history: it keeps what it was told
    expect(recon(await union.reload(oneCell))).toHaveLength(1);

    const exact = await union.application(116, { ...FINAL_ACCOUNTS_116, fa_rev_interest: INTEREST_116_WITH_115 });
    expect(recon(exact)).toEqual([]);

    const carried = await union.application(116, { ...FINAL_ACCOUNTS_116, fa_rev_interest: INTEREST_116_WITH_115, fa_prev_surplus_remaining: 2352000 });
    expect(recon(carried)).toEqual([
      expect.objectContaining({
        code: 'recon.carry',
        sheet: '決算',
        cell: 'B9',
        field: 'fa_prev_surplus_remaining',
        message: '「上一年度歷年累積結餘款剩餘數＋動支歷年累積結餘款金額」為 2,357,100，上一年度申請書為 2,357,031',
      }),
    ]);
  });

  it('checks an application filed before the December book once the book arrives, on the application', async () => {
    const union = await newUnion(server, taichung);
    const application = await union.application(116, { ...FINAL_ACCOUNTS_116, fa_spend: spendWith(0, 1, 190000) });
    expect(recon(application)).toEqual([]);
    const december = await union.cashbook(115, 4);
    expect(recon(december)).toEqual([]);
    const rechecked = await union.reload(application);
    expect(recon(rechecked)).toEqual([
      expect.objectContaining({ code: 'recon.cashbook_vs_final_accounts', cell: 'C13', message: expect.stringContaining('「1、教育訓練 分配款」為 190,000'), expected: '199700' }),
    ]);
    expect(rechecked.summary.errors).toBe(application.summary.errors + 1);
  });
});

describe('the 決算\'s 結餘款 column (包括其他收入)', () => {
  it('reports 支 paid from 其他收入 in the 結餘款 column, beside 結餘款 (seed 004 §2.3(一), §2.8(二)4)', async () => {
    const union = await newUnion(server, taichung);
    const fromOther = CASHBOOK_ENTRIES.map((e): EntryRow => (e[5] === '3-2-1' ? ([...e.slice(0, 9), '其他收入', ...e.slice(10)] as EntryRow) : e));
    const december = await union.cashbook(115, 4, {}, fromOther);
    expect(december.findings.filter((f) => f.code === 'ledger.category_not_allowed')).toEqual([]);
    const application = await union.application(116, FINAL_ACCOUNTS_116);
    expect(recon(application)).toEqual([]);
  });
});

describe('related uploads at the same moment', () => {
  it('checks the June book against the March book whichever of the two transactions reconciles first', async () => {
    const union = await newUnion(server, taichung);
    const altered = CASHBOOK_ENTRIES.map((e): EntryRow => (e[3] === '4' ? ([...e.slice(0, 8), 1200, ...e.slice(9)] as EntryRow) : e));
    const [march, june] = await Promise.all([union.cashbook(115, 1), union.cashbook(115, 2, {}, altered)]);
    expect(recon(await union.reload(march))).toEqual([]);
    expect(recon(await union.reload(june))).toEqual([
      expect.objectContaining({ code: 'recon.history_changed', cell: 'I17', expected: '1100', actual: '1200', message: expect.stringContaining('第 17 列已申報的收支被修改') }),
    ]);
  });
});
