import { checkWorkbook } from '../../check/run';
import { APPLICATION_EXAMPLE } from '../../testing/seed-examples';
import { buildSnapshot, type Fill } from '../../testing/snapshot-builder';
import { type Case, caseOutcome, expectedOutcome, edit } from '../../testing/rule-cases';

const SPEND = 'fa_spend';
const PREV = 2352194; // fa_prev_surplus_remaining, moved with every change of 決算 revenue or spend
const DRAW = 563700; // bg_rev_surplus_draw; with bg_prev_surplus_remaining it keeps 預算 balanced when 分配款 moves
const CUM = 2357031; // 決算 截至上一年度歷年累積結餘款

/** 預算 with another 分配款, the 動支結餘款 absorbing the difference so 歲入 = 歲出 and the carried surplus still agrees. */
const budgetAlloc = (alloc: number): Fill => ({
  bg_rev_alloc: alloc,
  bg_rev_surplus_draw: DRAW - (alloc - 467000),
  bg_prev_surplus_remaining: CUM - (DRAW - (alloc - 467000)),
});

const cases: readonly Case[] = [
  { name: 'the seed example is clean (教育訓練 41.5 %, interest for 教育訓練 exactly 40 %)', fill: {}, expected: [] },
  // 決算 教育訓練 193,700 is exactly 40 % of 484,250
  { name: '決算 教育訓練 exactly 40 % passes', fill: { fa_rev_alloc: 484250, fa_prev_surplus_remaining: PREV - 17250 }, expected: [] },
  {
    name: '決算 教育訓練 1 dollar under 40 %: a warning with §1.3(一)\'s consequence, the share never shown as 40 %',
    fill: { fa_rev_alloc: 484251, fa_prev_surplus_remaining: PREV - 17251 },
    expected: [['ratio.education_min', '決算', 'C13', 'warning', '193,700', '484,251', '39.9999%', '193,701', '連續 2 年未達者，次 1 年度不予分配']],
  },
  { name: '預算 教育訓練經費 exactly 40 % passes', fill: budgetAlloc(500000), expected: [] },
  {
    name: '預算 教育訓練經費 1 dollar under 40 %',
    fill: budgetAlloc(500001),
    expected: [['ratio.education_min', '預算', 'B13', 'error', '200,000', '500,001', '39.9999%', '200,001']],
  },
  {
    name: '決算 行政事務費 exactly 10 % passes',
    fill: { fa_spend: edit(SPEND, [12, 1, 46700], [10, 1, 77800]) },
    expected: [],
  },
  {
    name: '決算 行政事務費 1 dollar over 10 %',
    fill: { fa_spend: edit(SPEND, [12, 1, 46701], [10, 1, 77799]) },
    expected: [['ratio.admin_max', '決算', 'C25', 'error', '46,701', '467,000', '10.0002%', '46,700']],
  },
  {
    name: '決算 行政事務費 counts its interest too',
    fill: { fa_spend: edit(SPEND, [12, 1, 46700], [10, 1, 77800], [12, 2, 1], [8, 2, 8999]) },
    expected: [['ratio.admin_max', '決算', 'C25', 'error', '46,701', '10.0002%']],
  },
  { name: '預算 行政事務費 exactly 10 % passes', fill: budgetAlloc(140000), expected: [] },
  {
    name: '預算 行政事務費 1 dollar over 10 %',
    fill: budgetAlloc(139999),
    expected: [['ratio.admin_max', '預算', 'B19', 'error', '14,000', '139,999', '10.0001%', '13,999']],
  },
  {
    name: 'option B: interest for 教育訓練 1 dollar short of 40 % of the interest used',
    fill: { fa_spend: edit(SPEND, [8, 2, 9001]), fa_prev_surplus_remaining: PREV + 1, bg_rev_interest_est: 19873 },
    expected: [['ratio.interest_education_min', '決算', 'D13', 'warning', '6,000', '15,001', '39.997%', '6,001']],
  },
  {
    name: 'interest 小計 typed over: the recomputed 15,001 is the base',
    fill: { fa_spend: edit(SPEND, [8, 2, 9001]), fa_prev_surplus_remaining: PREV + 1, bg_rev_interest_est: 19873 },
    cells: { 決算: { D26: { v: 6000 } } },
    expected: [
      ['ratio.interest_education_min', '決算', 'D13', 'warning', '15,001'],
      ['sum.mismatch', '決算', 'D26', 'error'],
      ['template.formula_overwritten', '決算', 'D26', 'error'],
    ],
  },
  {
    name: 'option B with no interest used is not a ratio',
    fill: {
      fa_spend: edit(SPEND, [0, 1, 199700], [0, 2, 0], [8, 1, 18400], [8, 2, 0], [10, 1, 109500]),
      // 總計 falls by the 15,000 interest no longer spent; the unspent interest is carried into 預算
      fa_prev_surplus_remaining: PREV - 15000,
      bg_rev_interest_est: 4872,
    },
    expected: [],
  },
  {
    name: 'a blank 分配款 skips the ratios (cell.required reports it)',
    fill: { fa_rev_alloc: null },
    expected: [['cell.required', '決算', 'B4', 'error']],
  },
  { name: 'a 預算 分配款 of 0 skips the ratios', fill: budgetAlloc(0), expected: [] },
];

describe('ratio.* rules of the application', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });


  it('gives the threshold amounts as plain digits in actual/expected', () => {
    const snapshot = buildSnapshot('application', { ...APPLICATION_EXAMPLE, fa_rev_alloc: 484251, fa_prev_surplus_remaining: PREV - 17251 });
    expect(checkWorkbook(snapshot).findings).toEqual([expect.objectContaining({ actual: '193700', expected: '193701' })]);
  });
});
