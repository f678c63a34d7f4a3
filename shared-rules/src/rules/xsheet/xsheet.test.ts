import { APPLICATION_EXAMPLE } from '../../testing/seed-examples';
import { type Case, caseOutcome, expectedOutcome, edit, type Table } from '../../testing/rule-cases';

// tr_sessions columns: 0 場次 (A) … 10/12/14/16/18/20 時數 (K/M/O/Q/S/U), 21 場次使用經費 (V), 22 男 (W), 23 女 (X); sheet row = 4 + row
const TR = 'tr_sessions';

const cases: readonly Case[] = [
  { name: 'the seed example is clean', fill: {}, expected: [] },
  {
    name: 'Σ 場次使用經費 differs from 教育訓練經費 合計',
    fill: { tr_sessions: edit(TR, [3, 21, 20001]) },
    expected: [['xsheet.training_cost', '教育訓練經費', 'B16', 'error', '各場次使用經費', '199,700', '199,701']],
  },
  {
    name: '教育訓練經費 合計 differs from both the sessions and 決算 教育訓練',
    fill: { te_items: edit('te_items', [0, 0, 28001]) },
    expected: [
      ['xsheet.training_cost', '決算', 'C13', 'error', '決算教育訓練分配款加利息', '199,700', '199,701'],
      ['xsheet.training_cost', '教育訓練經費', 'B16', 'error', '各場次使用經費', '199,701', '199,700'],
    ],
  },
  {
    name: '教育訓練經費 合計 typed over: the recomputed total is compared',
    fill: {},
    cells: { 教育訓練經費: { B16: { v: 1 } } },
    expected: [
      ['sum.mismatch', '教育訓練經費', 'B16', 'error'],
      ['template.formula_overwritten', '教育訓練經費', 'B16', 'error'],
    ],
  },
  {
    name: 'a non-numeric 場次使用經費 skips the comparison (the cell rule reports it)',
    fill: { tr_sessions: edit(TR, [3, 21, '兩萬']) },
    expected: [['cell.type', '教育訓練成果', 'V7', 'error']],
  },
  {
    name: 'a session missing from the report: 場次, 時數, 男 and the cost disagree',
    fill: { tr_sessions: (APPLICATION_EXAMPLE.tr_sessions as Table).slice(0, 3) },
    expected: [
      ['xsheet.training_beneficiaries', '決算', 'C32', 'error', '場次', '4', '3'],
      ['xsheet.training_beneficiaries', '決算', 'C33', 'error', '課程時數', '32', '26'],
      ['xsheet.training_beneficiaries', '決算', 'C34', 'error', '受益人次(男)', '219', '169'],
      ['xsheet.training_cost', '教育訓練經費', 'B16', 'error', '179,700'],
    ],
  },
  {
    name: 'Σ 女 differs from 受益人次(女)',
    fill: { tr_sessions: edit(TR, [3, 23, 1]) },
    expected: [['xsheet.training_beneficiaries', '決算', 'C35', 'error', '受益人次(女)', '33', '34']],
  },
  {
    name: 'half hours are summed exactly',
    fill: { tr_sessions: edit(TR, [2, 12, 3.5]) },
    expected: [['xsheet.training_beneficiaries', '決算', 'C33', 'error', '32', '32.5']],
  },
  {
    name: '工作計畫 (6)行政事務 1 dollar over the budget',
    fill: { wp_items: edit('wp_items', [5, 3, 14001]) },
    expected: [['xsheet.plan_budget', '工作計畫', 'E8', 'error', '(6)行政事務', '14,001', '14,000']],
  },
  {
    name: '預算 急難救助 changed: the plan disagrees and the budget no longer balances',
    fill: { bg_spend: edit('bg_spend', [2, 0, 20001]) },
    expected: [
      ['xsheet.plan_budget', '工作計畫', 'E4', 'error', '(2)急難救助', '20,000', '20,001'],
      ['budget.unbalanced', '預算', 'B20', 'error'],
    ],
  },
  {
    name: 'a blank 合計金額 is cell.required only',
    fill: { wp_items: edit('wp_items', [0, 3, null]) },
    expected: [['cell.required', '工作計畫', 'E3', 'error']],
  },
];

describe('xsheet.* rules', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });
});
