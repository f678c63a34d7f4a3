// The recon params migration on reconciliation findings stored with text fragments as params (as the checks wrote them
// before they used sub-codes, or kept whole by the params migration): they come back as today's sub-codes and params
// rendering the same text, or keep their text; down keeps the text each shows.
import { LEGACY_MESSAGE, messageOf, type FindingParams } from '@portfund/shared-rules';
import { beforeMigration, oldFiling } from './testing/before-migration';

const THIS = '20261207140000_recon_params';
const migration = beforeMigration(THIS);

const ADVICE = '。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明';
const EDITED = '與第 1 季已申報資料比較，有人手動改過這段文字';

// stored params as the old checks wrote them, the text they showed, and the params they become (null: kept as text)
const ROWS: readonly (readonly [code: string, old: FindingParams, text: string, now: FindingParams | null])[] = [
  [
    'recon.carry',
    { label: '上一年度歷年累積結餘款剩餘數＋動支歷年累積結餘款金額', actual: '1,000', expected: '2,000' },
    '「上一年度歷年累積結餘款剩餘數＋動支歷年累積結餘款金額」為 1,000，上一年度申請書為 2,000',
    { part: 'carry.surplus_remaining', actual: '1,000', expected: '2,000' },
  ],
  [
    'recon.cashbook_vs_final_accounts',
    { label: '1、教育訓練 分配款', actual: '190,000', expected: '199,700' },
    '決算「1、教育訓練 分配款」為 190,000，上一年度 12 月現金收支登記簿合計為 199,700',
    { part: 'final_accounts.spend', row: '1、教育訓練', column: 'alloc', actual: '190,000', expected: '199,700' },
  ],
  [
    'recon.cashbook_vs_final_accounts',
    // the params migration kept this one whole
    { [LEGACY_MESSAGE]: '決算「截至決算年度利息收入（含前一年度申請書結轉利息 537）」為 1,000，上一年度 12 月現金收支登記簿合計為 1,537' },
    '決算「截至決算年度利息收入（含前一年度申請書結轉利息 537）」為 1,000，上一年度 12 月現金收支登記簿合計為 1,537',
    { part: 'final_accounts.interest_carried', carried: '537', actual: '1,000', expected: '1,537' },
  ],
  [
    'recon.history_changed',
    { prevQuarter: 1, change: '第 17 列已申報的收支被修改', entry: '1月4日 傳票「4」支 6-1 摘要(二)「文具 4」金額 103', diff: '，傳票序號由「4」改為「4a」、金額由「103」改為「999」' },
    `與第 1 季已申報資料比較，第 17 列已申報的收支被修改：1月4日 傳票「4」支 6-1 摘要(二)「文具 4」金額 103，傳票序號由「4」改為「4a」、金額由「103」改為「999」${ADVICE}`,
    {
      prevQuarter: 1,
      change: 'history.altered',
      row: 17,
      entry: 'history.entry',
      entryMonth: 1,
      entryDay: 4,
      entryVoucher: '4',
      entryZi: '支',
      entryNo: '6-1',
      entryNote: '文具 4',
      entryAmount: '103',
      diff: 'history.fields',
      field1: '傳票序號',
      from1: '4',
      to1: '4a',
      field2: '金額',
      from2: '103',
      to2: '999',
    },
  ],
  [
    'recon.history_changed',
    { prevQuarter: 1, change: '已申報的收支被刪除', entry: '2月9日 傳票「3」支 3-2-2 摘要(二)「洪孟奎家屬住院慰問」金額 2,000', diff: '' },
    `與第 1 季已申報資料比較，已申報的收支被刪除：2月9日 傳票「3」支 3-2-2 摘要(二)「洪孟奎家屬住院慰問」金額 2,000${ADVICE}`,
    { prevQuarter: 1, change: 'history.removed', entry: 'history.entry', entryMonth: 2, entryDay: 9, entryVoucher: '3', entryZi: '支', entryNo: '3-2-2', entryNote: '洪孟奎家屬住院慰問', entryAmount: '2,000' },
  ],
  [
    'recon.history_changed',
    { prevQuarter: 2, change: '第 31 列新增了已申報期間（1–6 月）內的收支', entry: '月 5 日 （空白） 傳票「（空白）」金額 150', diff: '' },
    `與第 2 季已申報資料比較，第 31 列新增了已申報期間（1–6 月）內的收支：月 5 日 （空白） 傳票「（空白）」金額 150${ADVICE}`,
    { prevQuarter: 2, change: 'history.back_dated', row: 31, filedMonths: 6, entry: 'history.entry', entryMonth: '5', entryAmount: '150' },
  ],
  [
    'recon.history_changed',
    { prevQuarter: 1, change: '另有 1901 筆更動未逐筆列出', entry: '共 2101 筆（新增 1 筆、刪除 0 筆、修改 2100 筆、順序更動 0 筆），以上僅列出前 200 筆', diff: '' },
    `與第 1 季已申報資料比較，另有 1901 筆更動未逐筆列出：共 2101 筆（新增 1 筆、刪除 0 筆、修改 2100 筆、順序更動 0 筆），以上僅列出前 200 筆${ADVICE}`,
    { prevQuarter: 1, change: 'history.unlisted', unlisted: 1901, entry: 'history.totals', total: 2101, added: 1, removed: 0, altered: 2100, moved: 0, listed: 200 },
  ],
  ['recon.history_changed', { [LEGACY_MESSAGE]: EDITED }, EDITED, null],
];


describe(`migration ${THIS}`, () => {
  it('reads text fragments into sub-codes that render the same text, keeps the unreadable as text, and goes back', async () => {
    const { filingId } = await oldFiling(migration.db, 'cashbook');
    const check = { filing_id: filingId, source: 'check', code: 'recon.carry', severity: 'error', params: JSON.stringify({ label: '不是勾稽的', actual: '1', expected: '2' }), seq: 0 };
    await migration.db('findings').insert([check, ...ROWS.map(([code, old], i) => ({ filing_id: filingId, source: 'recon', code, severity: 'error', params: JSON.stringify(old), seq: i + 1 }))]);

    await migration.up();
    const stored = await migration.db('findings').orderBy('id').select<{ code: string; params: FindingParams }[]>('code', 'params');
    expect(stored[0]?.params).toEqual({ label: '不是勾稽的', actual: '1', expected: '2' });
    const recon = stored.slice(1);
    expect(recon.map((r) => messageOf(r.code, r.params))).toEqual(ROWS.map(([, , text]) => text));
    expect(recon.map((r) => r.params)).toEqual(ROWS.map(([, , text, now]) => now ?? { [LEGACY_MESSAGE]: text }));

    await migration.down();
    const back = (await migration.db('findings').orderBy('id').select<{ code: string; params: FindingParams }[]>('code', 'params')).slice(1);
    expect(back.map((r) => messageOf(r.code, r.params))).toEqual(ROWS.map(([, , text]) => text));
    expect(back.every((r) => typeof r.params[LEGACY_MESSAGE] === 'string')).toBe(true);
  });
});
