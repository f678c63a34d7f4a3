import { CB_SHEET } from '../../definition/cashbook/ledger-sheet';
import { CATALOGUE } from '../../findings/catalogue';
import { book, brief, checkBook, entry, type EntryPatch } from '../../ledger/test-book';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '../../testing/seed-examples';
import { type Fill, type FillValue } from '../../testing/snapshot-builder';

// Rows of CASHBOOK_EXAMPLE (entry index + 14): 15 轉 2 (1/20), 16 支 3-2-2 (2/9), 17 支 3-2-1 廖奇俊 (2/20), 18 支 6-1 (3/31),
// 19 支 3-2-1 傅武雄 (4/19), 21 支 5-4 voucher 8, 22 支 1-4 voucher 9 (6/30), 27 轉 1 500,000 (9/30), 28 收 2 (10/1),
// 32 支 4-1 王大同 6,000 (12/20). Balances after row 22: 專戶存款1 1,647,037, 零用金 250,804; closing 零用金 222,764.

interface Expected {
  readonly code: string;
  readonly cell: string;
  readonly severity?: 'error' | 'warning';
  /** Substrings the message must contain (key numbers and quoted values). */
  readonly says?: readonly string[];
  /** The finding's machine-readable actual/expected (plain digits, whatever the message shows). */
  readonly fields?: { readonly actual?: string; readonly expected?: string };
}

interface Case {
  readonly name: string;
  readonly fill: Fill;
  /** Raw cells of the ledger sheet typed over the template (formula cells overwritten or cleared with null). */
  readonly cells?: Readonly<Record<string, FillValue>>;
  readonly expected: readonly Expected[];
  /** Codes other rules raise on the same mistake, left out of the comparison (see the note where used). */
  readonly ignore?: readonly string[];
}

const patch = (changes: Readonly<Record<number, EntryPatch>>, header: Fill = {}): Fill => book(changes, header);
const customBook = (entries: readonly EntryPatch[], header: Fill = {}): Fill => ({ ...CASHBOOK_EXAMPLE, ...header, cb_entries: entries.map(entry) });
const spend = (month: number, day: number, voucher: string, no: string, amount: number): EntryPatch => ({
  month,
  day,
  zi: '支',
  voucher,
  item: '6、行政事務費',
  no,
  amount,
  category: '分配款',
  account: '零用金',
});

const CASES: readonly Case[] = [
  { name: 'the seed example is clean', fill: CASHBOOK_EXAMPLE, expected: [] },
  { name: 'number cells for 號 read as their digits', fill: patch({ 0: { no: 1 }, 1: { no: 2 }, 13: { no: 1 } }), expected: [] },

  // ledger.code_unknown
  {
    name: '項目 of another row of the table',
    fill: patch({ 8: { item: '6、行政事務費' } }),
    expected: [{ code: 'ledger.code_unknown', cell: 'F22', says: ['字「支」', '項目「6、行政事務費」', '號「1-4」'] }],
  },
  { name: 'a 號 no dropdown offers is cell.enum only', fill: patch({ 18: { no: '99' } }), expected: [{ code: 'cell.enum', cell: 'F32' }] },
  { name: 'full-width digits in a 轉 號 are cell.fullwidth only', fill: patch({ 1: { no: '２' } }), expected: [{ code: 'cell.fullwidth', cell: 'F15' }] },
  { name: 'full-width digits in 金額 are cell.fullwidth only', fill: patch({ 2: { amount: '２０００' } }), expected: [{ code: 'cell.fullwidth', cell: 'I16' }] },

  // ledger.summary_mismatch
  {
    name: '摘要(一) typed over with another code’s text',
    fill: CASHBOOK_EXAMPLE,
    cells: { G22: '6-1、辦公文具用品(電腦消耗品、紙張、水電費等)' },
    expected: [
      { code: 'template.formula_overwritten', cell: 'G22' },
      { code: 'ledger.summary_mismatch', cell: 'G22', says: ['「6-1、辦公文具用品', '應為「1-4、場地費」'] },
    ],
  },
  { name: '摘要(一) typed over with the table’s text', fill: CASHBOOK_EXAMPLE, cells: { G22: '1-4、場地費' }, expected: [{ code: 'template.formula_overwritten', cell: 'G22' }] },
  {
    name: '摘要(一) typed over with full-width brackets says the same',
    fill: CASHBOOK_EXAMPLE,
    cells: { G18: '6-1、辦公文具用品（電腦消耗品、紙張、水電費等）' },
    expected: [{ code: 'template.formula_overwritten', cell: 'G18' }],
  },

  // ledger.category_not_allowed
  {
    name: '會員福利 paid from 結餘款',
    fill: patch({ 7: { category: '結餘款' } }),
    expected: [{ code: 'ledger.category_not_allowed', cell: 'J21', says: ['支 5-4', '「結餘款」', '可選：分配款、利息收入'] }],
  },
  {
    name: 'a 轉 with a 動支類別 is a reminder, not an error',
    fill: patch({ 1: { category: '分配款' } }),
    expected: [{ code: 'ledger.category_not_allowed', cell: 'J15', severity: 'warning', says: ['轉 2', '「分配款」', '可選：（空白）'] }],
  },
  {
    name: 'a 支 without a 動支類別',
    fill: patch({ 18: { category: null } }),
    expected: [{ code: 'ledger.category_not_allowed', cell: 'J32', says: ['支 4-1', '「（空白）」', '可選：分配款、利息收入、其他收入、結餘款'] }],
  },
  {
    name: '離職 (4-2) paid from 分配款: the seed ticks only 利息收入 and 其他收入',
    fill: patch({ 18: { no: '4-2' } }),
    expected: [{ code: 'ledger.category_not_allowed', cell: 'J32', says: ['支 4-2', '「分配款」', '可選：利息收入、其他收入、結餘款'] }],
  },
  {
    name: '天然災害救助金 (2-1) paid from 分配款',
    fill: patch({ 3: { item: '2、急難救助', no: '2-1', category: '分配款' } }),
    expected: [{ code: 'ledger.category_not_allowed', cell: 'J17', says: ['支 2-1', '「分配款」', '可選：利息收入、其他收入、結餘款'] }],
  },
  { name: '慰問金 paid from 其他收入, as the seed ticks it', fill: patch({ 3: { category: '其他收入' } }), expected: [] },
  { name: 'a 動支類別 no dropdown offers is cell.enum only', fill: patch({ 18: { category: '結餘' } }), expected: [{ code: 'cell.enum', cell: 'J32' }] },

  // ledger.account_not_allowed and ledger.negative_balance
  {
    name: '教育訓練 paid from 專戶存款2, which holds nothing',
    fill: patch({ 8: { account: '專戶存款2' } }),
    expected: [
      { code: 'ledger.account_not_allowed', cell: 'K22', says: ['支 1-4', '「專戶存款2」', '可選：專戶存款1、零用金'] },
      { code: 'ledger.negative_balance', cell: 'N22', says: ['「專戶存款2」', '-20,000'] },
    ],
  },
  {
    name: 'a 轉 2 from 零用金 to 零用金',
    fill: patch({ 1: { account: '零用金' } }),
    expected: [{ code: 'ledger.account_not_allowed', cell: 'K15', says: ['轉 2', '「零用金」', '可選：專戶存款1、專戶存款2'] }],
  },
  {
    name: 'a 轉 1 out of 零用金 takes it negative at exactly that row',
    fill: patch({ 13: { account: '零用金' } }),
    expected: [
      { code: 'ledger.account_not_allowed', cell: 'K27', says: ['轉 1', '「零用金」'] },
      { code: 'ledger.negative_balance', cell: 'P27', says: ['「零用金」', '-249,196'], fields: { actual: '-249196' } },
    ],
  },
  {
    name: 'a 轉 4 out of an empty 定期存款',
    fill: patch({ 13: { no: '4', account: '定期存款' } }),
    expected: [{ code: 'ledger.negative_balance', cell: 'O27', says: ['「定期存款」', '-500,000'] }],
  },
  {
    name: '零用金 negative, recovered, negative again: one finding per run',
    fill: customBook(
      [spend(1, 5, '1', '6-1', 100), spend(1, 6, '2', '6-1', 50), { month: 1, day: 10, zi: '轉', voucher: '3', item: '動支存款', no: '2', amount: 1000, account: '專戶存款1' }, spend(1, 11, '4', '6-2', 900)],
      { cb_open_petty: 0 },
    ),
    expected: [
      { code: 'ledger.negative_balance', cell: 'P14', says: ['-100'] },
      { code: 'ledger.negative_balance', cell: 'P17', says: ['-50'] },
    ],
  },
  {
    name: 'an opening balance already negative is the header’s error, not the first entry’s',
    fill: customBook(
      [spend(1, 5, '1', '6-1', 100), spend(1, 6, '2', '6-1', 50), { month: 1, day: 10, zi: '轉', voucher: '3', item: '動支存款', no: '2', amount: 1000, account: '專戶存款1' }, spend(1, 11, '4', '6-2', 900)],
      { cb_open_petty: -100 },
    ),
    expected: [
      { code: 'cell.negative', cell: 'C11' },
      { code: 'ledger.negative_balance', cell: 'P17', says: ['-150'] },
    ],
  },

  // ledger.balance_mismatch
  {
    name: 'a balance typed over its formula',
    fill: CASHBOOK_EXAMPLE,
    cells: { M22: 123 },
    expected: [
      { code: 'template.formula_overwritten', cell: 'M22' },
      { code: 'ledger.balance_mismatch', cell: 'M22', says: ['「專戶存款1」結存為 123', '應為 1,647,037'], fields: { actual: '123', expected: '1647037' } },
    ],
  },
  { name: 'a balance typed over with the right number', fill: CASHBOOK_EXAMPLE, cells: { M22: 1647037 }, expected: [{ code: 'template.formula_overwritten', cell: 'M22' }] },
  { name: 'a balance typed over with the right number as text', fill: CASHBOOK_EXAMPLE, cells: { M22: '1,647,037' }, expected: [{ code: 'template.formula_overwritten', cell: 'M22' }] },
  { name: 'a balance cleared', fill: CASHBOOK_EXAMPLE, cells: { M22: null }, expected: [{ code: 'template.formula_overwritten', cell: 'M22' }] },
  {
    name: 'the 結存 total typed over its formula',
    fill: CASHBOOK_EXAMPLE,
    cells: { L22: 5 },
    expected: [
      { code: 'template.formula_overwritten', cell: 'L22' },
      { code: 'ledger.balance_mismatch', cell: 'L22', says: ['「結存合計」結存為 5', '應為 1,897,841'] },
    ],
    // sum.mismatch also reports the total column (its SUM formula is not excluded there); see the report
    ignore: ['sum.mismatch'],
  },
  {
    name: 'a balance below the last entry carries the closing balance',
    fill: CASHBOOK_EXAMPLE,
    cells: { P100: 5 },
    expected: [
      { code: 'template.formula_overwritten', cell: 'P100' },
      { code: 'ledger.balance_mismatch', cell: 'P100', says: ['「零用金」結存為 5', '應為 222,764'] },
    ],
  },

  // ledger.date_order and ledger.date_out_of_period
  {
    name: 'a date earlier than the previous entry’s',
    fill: patch({ 2: { month: 1, day: 10 } }),
    expected: [{ code: 'ledger.date_order', cell: 'A16', says: ['1月10日 早於前一筆的 1月20日'] }],
  },
  {
    name: '29 February of a common year (115 = 2026)',
    fill: patch({ 3: { day: 29 } }),
    expected: [{ code: 'ledger.date_out_of_period', cell: 'A17', says: ['「115年2月29日」', '民國 115 年 2 月只有 28 日'] }],
  },
  {
    name: '30 February without a readable 年度',
    fill: patch({ 3: { day: 30 } }, { cb_year: '一一五' }),
    expected: [
      { code: 'date.roc_invalid', cell: 'C4' },
      { code: 'ledger.date_out_of_period', cell: 'A17', says: ['「2月30日」', '2 月最多只有 29 日'] },
    ],
  },
  { name: '29 February of a leap year (113 = 2024)', fill: patch({ 3: { day: 29 } }, { cb_year: '113' }), expected: [] },
  {
    name: '31 April',
    fill: patch({ 5: { day: 31 } }),
    expected: [{ code: 'ledger.date_out_of_period', cell: 'A19', says: ['「115年4月31日」', '4 月只有 30 日'] }],
  },
  { name: 'month 13 is the cell rules’', fill: patch({ 2: { month: 13 } }), expected: [{ code: 'cell.type', cell: 'A16' }] },
  {
    name: 'a September filing holding an October entry',
    fill: { ...CASHBOOK_EXAMPLE, cb_period: 9, cb_entries: CASHBOOK_ENTRIES.slice(0, 15).map((r) => [...r]) },
    expected: [{ code: 'ledger.date_out_of_period', cell: 'A28', says: ['「115年10月1日」', '晚於申報月份 9 月'] }],
  },
  { name: 'a September filing of January–September is clean', fill: { ...CASHBOOK_EXAMPLE, cb_period: 9, cb_entries: CASHBOOK_ENTRIES.slice(0, 14).map((r) => [...r]) }, expected: [] },

  // ledger.voucher_duplicate
  {
    name: 'a 傳票序號 used twice',
    fill: patch({ 8: { voucher: '8' } }),
    expected: [{ code: 'ledger.voucher_duplicate', cell: 'D22', severity: 'warning', says: ['「8」', '第 21 列'] }],
  },
  { name: 'a 傳票序號 typed as a number', fill: patch({ 8: { voucher: 8 } }), expected: [{ code: 'ledger.voucher_duplicate', cell: 'D22', severity: 'warning', says: ['第 21 列'] }] },
  {
    name: 'a 傳票序號 in full-width digits: cell.fullwidth, and still the same voucher as 8',
    fill: patch({ 8: { voucher: '８' } }),
    expected: [
      { code: 'cell.fullwidth', cell: 'D22', says: ['「８」', '「8」'] },
      { code: 'ledger.voucher_duplicate', cell: 'D22', severity: 'warning', says: ['「８」', '第 21 列'] },
    ],
  },

  // ledger.person_cap
  { name: '退休補助 exactly at the cap', fill: patch({ 18: { amount: 150000 } }), expected: [] },
  {
    name: '退休補助 1 over the cap',
    fill: patch({ 18: { amount: 150001 } }),
    expected: [{ code: 'ledger.person_cap', cell: 'I32', says: ['「王大同」', '退休補助金合計 150,001', '上限 150,000'], fields: { actual: '150001', expected: '150000' } }],
  },
  {
    name: '慰問金 summed for the name outside the brackets, full-width or not, with a reminder to write the name alone',
    fill: patch({ 3: { note: '廖奇俊（住院）', amount: 99000 }, 5: { note: '廖奇俊' } }),
    expected: [
      { code: 'ledger.person_name_note', cell: 'H17', severity: 'warning', says: ['「廖奇俊（住院）」', '「廖奇俊」', '請只填會員姓名'] },
      { code: 'ledger.person_cap', cell: 'I19', says: ['「廖奇俊」', '職災慰問金合計 101,000', '上限 100,000'] },
    ],
  },
  {
    name: '急難救助 for 「王小明(颱風)」 and 王小明 summed as one person',
    fill: patch({
      3: { item: '2、急難救助', no: '2-2', note: '王小明(颱風)', amount: 50000, category: '結餘款' },
      5: { item: '2、急難救助', no: '2-2', note: '王 小明', amount: 10001, category: '結餘款' },
    }),
    expected: [
      { code: 'ledger.person_name_note', cell: 'H17', severity: 'warning', says: ['「王小明(颱風)」', '「王小明」'] },
      { code: 'ledger.person_cap', cell: 'I19', says: ['「王 小明」', '急難救助金合計 60,001', '上限 60,000'] },
    ],
  },
  {
    name: '退休 and 離職 of one member share the 150,000 of 退休補助',
    fill: patch({ 3: { item: '4、退休', no: '4-2', note: '王大同', amount: 144001, category: '結餘款' } }),
    expected: [{ code: 'ledger.person_cap', cell: 'I32', says: ['「王大同」', '退休補助金合計 150,001', '上限 150,000'] }],
  },
  {
    name: 'a capped item without 摘要(二) cannot be summed per person: the name is required',
    fill: patch({ 18: { note: null, amount: 150001 } }),
    expected: [{ code: 'ledger.person_name_required', cell: 'H32', says: ['支 4-1', '退休補助金', '每名最高 150,000 元', '姓名'] }],
  },
  { name: 'a 5-4 gift for every member needs no name', fill: patch({ 7: { note: null } }), expected: [] },
];

const key = (f: { code: string; cell?: string; severity: string }): string => `${f.cell ?? ''} ${f.code} ${f.severity}`;

describe('a book on an older template keeps the parameter table and required cells of its own version', () => {
  const onVersion = (version: string, fill: Fill): string[] =>
    checkBook(fill, {}, { version })
      .filter((f) => f.code !== 'template.outdated')
      .map((f) => key(brief(f)));

  it.each(['1.0', '1.1', '1.2'])('%s: 離職 paid from 分配款 and a nameless 退休補助 pass, 其他收入 for 慰問金 does not', (version) => {
    expect(onVersion(version, patch({ 18: { no: '4-2', note: null } }))).toEqual([]);
    expect(onVersion(version, patch({ 3: { category: '其他收入' } }))).toEqual(['J17 ledger.category_not_allowed error']);
  });
});

describe('ledger rules on the seed cash book with one change', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const findings = checkBook(c.fill, c.cells).filter((f) => !(c.ignore ?? []).includes(f.code));
    expect(findings.map((f) => key(brief(f))).sort()).toEqual(
      c.expected.map((e) => key({ code: e.code, cell: e.cell, severity: e.severity ?? 'error' })).sort(),
    );
    for (const e of c.expected) {
      const found = findings.find((f) => f.code === e.code && f.cell === e.cell);
      expect(found?.sheet).toBe(CB_SHEET);
      for (const s of e.says ?? []) expect(found?.message).toContain(s);
      if (e.fields !== undefined) expect(found).toMatchObject(e.fields);
    }
  });

  it('covers every ledger.* code of the catalogue', () => {
    const covered = new Set(CASES.flatMap((c) => c.expected.map((e) => e.code)));
    const ledgerCodes = Object.keys(CATALOGUE).filter((code) => code.startsWith('ledger.'));
    expect(ledgerCodes.filter((code) => !covered.has(code))).toEqual([]);
  });
});
