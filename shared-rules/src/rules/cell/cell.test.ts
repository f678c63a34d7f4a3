import { checkWorkbook } from '../../check/run';
import { CB_SHEET } from '../../definition/cashbook/ledger-sheet';
import { type SnapshotCell } from '../../snapshot/types';
import { book, brief, checkBook } from '../../ledger/test-book';
import { type Case, caseOutcome, edit, expectedOutcome } from '../../testing/rule-cases';
import { buildSnapshot } from '../../testing/snapshot-builder';

const TE = '教育訓練經費';
const BASIC = '申請書';

describe('formulas typed into input cells (SPEC §7: a cached result is never believed)', () => {
  const cases: readonly Case[] = [
    {
      name: 'constant arithmetic is computed: =14000*2 with a stale cached 1 is the example’s 28,000',
      fill: {},
      cells: { [TE]: { B3: { v: 1, f: '14000*2' } } },
      expected: [],
    },
    {
      name: 'constant arithmetic is computed, not its cached result: =1+1 cached as 28,000 is 2',
      fill: {},
      cells: { [TE]: { B3: { v: 28000, f: '1+1' } } },
      // 2 instead of 28,000 leaves the 合計 short of the 決算 and of the sessions
      expected: [
        ['xsheet.training_cost', '決算', 'C13', 'error'],
        ['xsheet.training_cost', TE, 'B16', 'error'],
      ],
    },
    {
      name: 'a reference is cell.formula only: no cell.required, and no follow-ups on the total it feeds',
      fill: {},
      cells: { [TE]: { B3: { v: 28000, f: 'B6+8000' } } },
      expected: [['cell.formula', TE, 'B3', 'error', '講師鐘點費', '=B6+8000']],
    },
    {
      name: 'HYPERLINK in 工會名稱 is cell.formula, whatever text it caches',
      fill: {},
      cells: { [BASIC]: { B4: { v: '臺中市港區裝卸職業工會', f: 'HYPERLINK("http://example.com","臺中市港區裝卸職業工會")' } } },
      expected: [['cell.formula', BASIC, 'B4', 'error', '工會名稱', 'HYPERLINK']],
    },
    {
      name: 'a DDE formula in 工會名稱 is cell.formula',
      fill: {},
      cells: { [BASIC]: { B4: { v: '臺中市港區裝卸職業工會', f: "cmd|' /C calc'!A0" } } },
      expected: [['cell.formula', BASIC, 'B4', 'error', "cmd|' /C calc'!A0"]],
    },
    {
      name: '=1/0 shows #DIV/0!: that is not a number',
      fill: {},
      cells: { [TE]: { B3: { v: 28000, f: '1/0' } } },
      // the totals it feeds are not compared while it is not a number (rules/common/amounts.ts)
      expected: [['cell.type', TE, 'B3', 'error', '#DIV/0!']],
    },
    {
      name: 'a formula over a "/" cell is cell.forbidden, quoting the formula',
      fill: {},
      cells: { 決算: { B13: { v: '/', f: 'C13*0' } } },
      expected: [['cell.forbidden', '決算', 'B13', 'error', '=C13*0']],
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });

  const ledgerWith = (cells: Readonly<Record<string, SnapshotCell>>) =>
    checkWorkbook(buildSnapshot('cashbook', book(), { cells: { [CB_SHEET]: cells } })).findings.map(brief);

  it('reads a typed formula in the cash book: =1000*20 is the 20,000 of 研習會場地', () => {
    expect(ledgerWith({ I22: { v: 1, f: '1000*20' } })).toEqual([]);
  });

  it('leaves the balances after an unknown 金額 unknown: the 零用金 top-up read from another cell claims no overdraft', () => {
    // without the 200,000 top-up every later 零用金 payment would overdraw it; none of that is claimed
    expect(ledgerWith({ I15: { v: 200000, f: 'I14-267000' } })).toEqual([{ code: 'cell.formula', cell: 'I15', severity: 'error' }]);
  });
});

describe('full-width digits in text fields (seed 004 §1.2(二)2(5))', () => {
  const cases: readonly Case[] = [
    {
      name: '會址 with a full-width postal code is an error, with the half-width address suggested',
      fill: { app_address: '４３５臺中市梧棲區臨港路四段１００號' },
      expected: [['cell.fullwidth', BASIC, 'B12', 'error', '435臺中市梧棲區臨港路四段100號']],
    },
    {
      name: '會址 with full-width digits after a half-width postal code is a warning',
      fill: { app_address: '435臺中市梧棲區臨港路四段１００號' },
      expected: [['cell.fullwidth', BASIC, 'B12', 'warning', '435臺中市梧棲區臨港路四段100號']],
    },
    {
      name: 'a bank account in full-width digits is an error, not cell.type',
      fill: { app_bank_account: '臺灣銀行臺中港分行甲存戶１２３４５６７８９０２２' },
      expected: [['cell.fullwidth', BASIC, 'B11', 'error', '臺灣銀行臺中港分行甲存戶123456789022']],
    },
    {
      name: '工作計畫 數量 is a count: an error',
      fill: { wp_items: edit('wp_items', [0, 1, '預計辦理４場次']) },
      expected: [['cell.fullwidth', '工作計畫', 'C3', 'error', '預計辦理4場次']],
    },
    {
      name: '工作計畫 預算經費 with a full-width amount is an error; Chinese punctuation stays in the suggestion',
      fill: { wp_items: edit('wp_items', [1, 2, '１０，０００元*２人次＝２０，０００元。']) },
      expected: [['cell.fullwidth', '工作計畫', 'D4', 'error', '10,000元*2人次＝20,000元。']],
    },
    {
      name: '效益 is prose: a warning',
      fill: { tr_sessions: edit('tr_sessions', [0, 24, '加強會員對工會向心力，宣導職場安全１０項要點']) },
      expected: [['cell.fullwidth', '教育訓練成果', 'Y4', 'warning', '10項要點']],
    },
    {
      name: '工作計畫 說明 is prose: a warning',
      fill: { wp_items: edit('wp_items', [0, 0, '辦理勞動法令等課程之勞工教育訓練４場。']) },
      expected: [['cell.fullwidth', '工作計畫', 'B3', 'warning', '4場']],
    },
    {
      name: 'a name is never rewritten: a full-width digit in 工會名稱 is a warning with a suggestion only',
      fill: { app_union_name: '臺中港第１碼頭工會' },
      expected: [['cell.fullwidth', BASIC, 'B4', 'warning', '臺中港第1碼頭工會']],
    },
    {
      name: 'full-width punctuation of Chinese prose is not a full-width digit',
      fill: { wp_items: edit('wp_items', [0, 0, '辦理勞動法令（含職場健康）等課程：共四場。']) },
      expected: [],
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });

  it('a 傳票序號 in full-width digits is an error', () => {
    const findings = checkBook(book({ 3: { voucher: '４' } }));
    expect(findings.map(brief)).toEqual([{ code: 'cell.fullwidth', cell: 'D17', severity: 'error' }]);
    expect(findings[0]?.message).toContain('「4」');
  });
});
