import { checkWorkbook } from '../../check/run';
import { APPLICATION_EXAMPLE } from '../../testing/seed-examples';
import { buildSnapshot, type Fill, type FillValue } from '../../testing/snapshot-builder';
import { type Case, caseOutcome, expectedOutcome, edit } from '../../testing/rule-cases';

const SPEND = 'fa_spend'; // rows: 0 '1' … 12 '6'; columns: 0 結餘款 (B), 1 分配款 (C), 2 利息 (D); sheet row = 13 + row
const PREV = 2352194; // fa_prev_surplus_remaining: moved with every change of revenue or spend so 預算's carried surplus stays right

const cases: readonly Case[] = [
  { name: 'the seed example is clean', fill: {}, expected: [] },
  {
    name: '分配款 spent exactly as received passes',
    fill: { fa_rev_alloc: 463100, fa_prev_surplus_remaining: PREV + 3900 },
    expected: [],
  },
  {
    name: '分配款 spent 1 dollar over what was received',
    fill: { fa_rev_alloc: 463099, fa_prev_surplus_remaining: PREV + 3901 },
    expected: [['fa.allocation_overspent', '決算', 'C26', 'error', '463,100', '463,099']],
  },
  {
    name: '分配款 小計 typed over: the recomputed 463,100 is compared, not the constant',
    fill: { fa_rev_alloc: 463099, fa_prev_surplus_remaining: PREV + 3901 },
    cells: { 決算: { C26: { v: 999 } } },
    expected: [
      ['fa.allocation_overspent', '決算', 'C26', 'error', '463,100', '463,099'],
      ['sum.mismatch', '決算', 'C26', 'error'],
      ['template.formula_overwritten', '決算', 'C26', 'error'],
    ],
  },
  {
    name: 'a 小計 typed over with a huge constant does not make the example overspent',
    fill: {},
    cells: { 決算: { C26: { v: 999999999 }, D26: { v: 999999999 } } },
    expected: [
      ['sum.mismatch', '決算', 'C26', 'error'],
      ['template.formula_overwritten', '決算', 'C26', 'error'],
      ['sum.mismatch', '決算', 'D26', 'error'],
      ['template.formula_overwritten', '決算', 'D26', 'error'],
    ],
  },
  {
    name: 'interest spent exactly as received passes',
    fill: { fa_rev_interest: 15000, fa_prev_surplus_remaining: PREV + 937, bg_rev_interest_est: 20809 },
    expected: [],
  },
  {
    name: 'interest spent 1 dollar over what was received',
    fill: { fa_rev_interest: 14999, fa_prev_surplus_remaining: PREV + 938, bg_rev_interest_est: 20810 },
    expected: [['fa.interest_overspent', '決算', 'D26', 'error', '15,000', '14,999']],
  },
  {
    name: 'a blank 受益情形 cell is required from template 1.3 on (seed 004 §2.3(二)1、7)',
    fill: { fa_benefit: (APPLICATION_EXAMPLE.fa_benefit as FillValue[][]).map((r, i) => (i === 4 ? [null] : r)) },
    expected: [['cell.required', '決算', 'C36', 'error']],
  },
  {
    name: '其他收入 left unspent carries forward: 結餘款 小計 between 動支結餘款 and 動支結餘款 + 其他收入 passes (seed 004 §2.3(二)5)',
    fill: { fa_rev_other: 1000, fa_prev_surplus_remaining: PREV - 1000 },
    expected: [],
  },
  {
    name: '結餘款 column 1 dollar over 動支結餘款 + 其他收入',
    fill: { fa_rev_surplus_draw: 513599, fa_prev_surplus_remaining: PREV + 1 },
    expected: [['fa.surplus_mismatch', '決算', 'B26', 'error', '513,600', '513,599']],
  },
  {
    name: '結餘款 column 1 dollar short of 動支結餘款',
    fill: { fa_rev_surplus_draw: 513601, fa_prev_surplus_remaining: PREV - 1 },
    expected: [['fa.surplus_mismatch', '決算', 'B26', 'error', '513,600', '513,601']],
  },
  {
    name: 'a non-numeric 其他收入 skips the 結餘款 comparison (the cell rule reports it)',
    fill: { fa_rev_other: '1,000' },
    expected: [['cell.type', '決算', 'B6', 'error']],
  },
  {
    name: 'option A: interest in 1、教育訓練 and 5-2 is reported per cell',
    fill: { fa_interest_option: 'A' },
    expected: [
      ['fa.interest_option', '決算', 'D13', 'error', '1、教育訓練', '6,000'],
      ['fa.interest_option', '決算', 'D21', 'error', '5-2', '9,000'],
    ],
  },
  {
    name: 'option A: interest in 6、行政事務費 too',
    fill: {
      fa_interest_option: 'A',
      fa_spend: edit(SPEND, [12, 2, 100]),
      fa_prev_surplus_remaining: PREV + 100,
      bg_rev_interest_est: 19972,
    },
    expected: [
      ['fa.interest_option', '決算', 'D13', 'error', '6,000'],
      ['fa.interest_option', '決算', 'D21', 'error', '9,000'],
      ['fa.interest_option', '決算', 'D25', 'error', '6、行政事務費', '100'],
    ],
  },
  {
    name: 'option A with interest only in rows 2–4 passes',
    fill: {
      fa_interest_option: 'A',
      // 教育訓練 199,700 all from 分配款; the 15,000 interest pays 4、退休補助; 5-4 gives up 6,000 分配款
      fa_spend: edit(SPEND, [0, 1, 199700], [0, 2, 0], [5, 2, 15000], [8, 2, 0], [10, 1, 118500]),
    },
    expected: [],
  },
  {
    name: 'money spent on 5-1 with no beneficiaries is a warning at its 男 cell',
    fill: { fa_benefit: edit('fa_benefit', [16, 0, 0], [17, 0, 0]) },
    expected: [['fa.benefit_without_spend', '決算', 'C48', 'warning', '5-1', '有支出 63,500 元但未填受益人次']],
  },
  {
    name: 'beneficiaries of 2、急難救助 with no money is a warning',
    fill: { fa_benefit: edit('fa_benefit', [5, 0, 3]) },
    expected: [['fa.benefit_without_spend', '決算', 'C36', 'warning', '2、急難救助', '有受益人次但無支出金額']],
  },
  {
    name: '教育訓練 money with 0 場次 is a warning (and disagrees with the training report)',
    fill: { fa_benefit: edit('fa_benefit', [0, 0, 0]) },
    expected: [
      ['fa.benefit_without_spend', '決算', 'C32', 'warning', '1、教育訓練', '有支出 199,700 元但未填場次'],
      ['xsheet.training_beneficiaries', '決算', 'C32', 'error', '0', '4'],
    ],
  },
  {
    name: 'a non-numeric beneficiary count skips the category (the cell rule reports it)',
    fill: { fa_benefit: edit('fa_benefit', [4, 0, 'abc']) },
    expected: [['cell.type', '決算', 'C36', 'error']],
  },
];

describe('fa.* rules', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });

  it.each<FillValue>([{ error: '#REF!' }, true, { date: '2025-01-01' }, '1'.repeat(100_000), -5, 1e300, 0.5, '\u202e1'])(
    'never throws on a hostile value in any input the relation rules read (%#)',
    (v) => {
      const fill: Fill = {
        ...APPLICATION_EXAMPLE,
        ...Object.fromEntries(['fa_rev_alloc', 'fa_rev_interest', 'fa_rev_other', 'fa_interest_option', 'app_members', 'app_year', 'app_founded', 'app_dissolved', 'bg_rev_alloc', 'bg_prev_surplus_remaining'].map((n) => [n, v])),
        fa_spend: edit(SPEND, [0, 1, v], [12, 2, v]),
        fa_benefit: edit('fa_benefit', [0, 0, v], [4, 0, v]),
        tr_sessions: edit('tr_sessions', [0, 1, v], [0, 2, v], [0, 3, v], [1, 10, v], [1, 21, v], [1, 22, v], [2, 6, v]),
        roster_rows: edit('roster_rows', [0, 2, v], [0, 3, v], [1, 4, v], [2, 5, v]),
        wp_items: edit('wp_items', [0, 3, v]),
        bg_spend: edit('bg_spend', [1, 0, v]),
      };
      expect(() => checkWorkbook(buildSnapshot('application', fill))).not.toThrow();
    },
  );

  it('gives the amounts as plain digits in actual/expected', () => {
    const snapshot = buildSnapshot('application', { ...APPLICATION_EXAMPLE, fa_rev_alloc: 463099, fa_prev_surplus_remaining: PREV + 3901 });
    expect(checkWorkbook(snapshot).findings).toEqual([
      expect.objectContaining({ code: 'fa.allocation_overspent', actual: '463100', expected: '463099', field: 'fa_spend' }),
    ]);
  });
});

describe('a 決算 on template 1.2', () => {
  it('leaves its 受益情形 cells optional, as that version did', () => {
    const fill: Fill = { ...APPLICATION_EXAMPLE, fa_benefit: (APPLICATION_EXAMPLE.fa_benefit as FillValue[][]).map((r, i) => (i === 4 ? [null] : r)) };
    const findings = checkWorkbook(buildSnapshot('application', fill, { version: '1.2' })).findings;
    expect(findings.map((f) => f.code)).toEqual(['template.outdated']);
  });
});
