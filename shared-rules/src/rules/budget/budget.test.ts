import { type Case, caseOutcome, expectedOutcome, edit } from '../../testing/rule-cases';

const cases: readonly Case[] = [
  { name: 'the seed example is clean', fill: {}, expected: [] },
  {
    name: '歲入 1 dollar more than 歲出',
    fill: { bg_rev_alloc: 467001 },
    expected: [['budget.unbalanced', '預算', 'B20', 'error', '1,051,509', '1,051,510']],
  },
  {
    name: '歲出合計 typed over: the recomputed totals balance',
    fill: {},
    cells: { 預算: { B20: { v: 1 }, B8: { v: 2 } } },
    expected: [
      ['sum.mismatch', '預算', 'B8', 'error'],
      ['template.formula_overwritten', '預算', 'B8', 'error'],
      ['sum.mismatch', '預算', 'B20', 'error'],
      ['template.formula_overwritten', '預算', 'B20', 'error'],
    ],
  },
  {
    name: '利息收入 line 1 dollar over 截至上一年度 + 預估 interest',
    fill: { bg_spend: edit('bg_spend', [1, 0, 20810]), bg_rev_alloc: 467001 },
    expected: [['budget.interest_line', '預算', 'B14', 'error', '20,810', '20,809']],
  },
  {
    name: '截至上一年度利息收入 is recomputed from the 決算 (its cached value is stale)',
    fill: { fa_rev_interest: 15938, fa_prev_surplus_remaining: 2352193 },
    expected: [
      ['budget.interest_line', '預算', 'B14', 'error', '20,809', '20,810'],
      ['budget.unbalanced', '預算', 'B20', 'error', '1,051,509', '1,051,510'],
    ],
  },
  {
    name: '剩餘數 1 dollar over 累積結餘款 − 動支結餘款',
    fill: { bg_prev_surplus_remaining: 1793332 },
    expected: [['budget.surplus_carry', '預算', 'B9', 'error', '1,793,332', '1,793,331']],
  },
  {
    name: 'the 決算 carried surplus moved: 剩餘數 no longer agrees',
    fill: { fa_prev_surplus_remaining: 2352195 },
    expected: [['budget.surplus_carry', '預算', 'B9', 'error', '1,793,331', '1,793,332']],
  },
  {
    name: '決算 累積結餘款 typed over: the recomputed value is used',
    fill: {},
    cells: { 決算: { B28: { v: 1 } } },
    expected: [
      ['sum.mismatch', '決算', 'B28', 'error'],
      ['template.formula_overwritten', '決算', 'B28', 'error'],
    ],
  },
  {
    name: 'a non-numeric 剩餘數 is cell.type only',
    fill: { bg_prev_surplus_remaining: '1,793,331' },
    expected: [['cell.type', '預算', 'B9', 'error']],
  },
];

describe('budget.* rules', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });
});
