// Sheet 決算: final accounts of year N−1 with the surplus analysis and beneficiaries (seed 004 §2.3; SPEC §3.3).
import { add, cell, range, sub, sum, type Expr } from '../expr';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type CellSpec, type FieldSpec, type TableColumn, type TableRow } from '../types';
import { hasManualLayout, isAtLeast, type TemplateVersion } from '../versions';
import { APP_SHEETS, titleExpr, yearLabels } from './names';

const S = APP_SHEETS.finalAccounts;

const amount = (label: string, required = true): FieldSpec => ({ type: 'amount', label, required, maxDigits: 9 });

/** Revenue inputs, rows 4–7, and the carried surplus, row 9. */
export const FA_CELLS = {
  alloc: 'B4',
  interest: 'B5',
  option: 'C5',
  other: 'B6',
  surplusDraw: 'B7',
  revTotal: 'B8',
  prevSurplusRemaining: 'B9',
  total: 'B27',
  cumSurplus: 'B28',
} as const;

export const FA_SPEND_ROWS: readonly TableRow[] = [
  { key: '1', label: '1、教育訓練' },
  { key: '2', label: '2、急難救助' },
  { key: '3', label: '3、職業災害團體保險或慰問金(合計)' },
  { key: '3-1', label: '3-1、職業災害團體保險' },
  { key: '3-2', label: '3-2、慰問金' },
  { key: '4', label: '4、退休補助' },
  { key: '5', label: '5、會員福利(合計)' },
  { key: '5-1', label: '5-1、會員進修、會員子女獎助金等教育獎助' },
  { key: '5-2', label: '5-2、婚、喪、喜、慶、生育等補助' },
  { key: '5-3', label: '5-3、自強活動、聯誼活動等' },
  { key: '5-4', label: '5-4、春節、中秋、端午、重陽、五一等節日禮券、禮品' },
  { key: '5-5', label: '5-5、其他(書報、雜誌等)' },
  { key: '6', label: '6、行政事務費' },
  { key: 'subtotal', label: '小計' },
];

export const FA_SPEND_COLUMNS: readonly TableColumn[] = [
  { key: 'surplus', header: '結餘款金額（包括其他收入）', spec: amount('結餘款', false) },
  { key: 'alloc', header: '分配款金額', spec: amount('分配款', false) },
  { key: 'interest', header: '利息', spec: amount('利息', false) },
];

/** The 結餘款 column is not allowed ("/") for 教育訓練, 會員福利 and 行政事務費 (seed 004 §2.3(一)). */
export const SURPLUS_FORBIDDEN_ROWS: readonly string[] = ['1', '5', '5-1', '5-2', '5-3', '5-4', '5-5', '6'];

/** Rows that are sums of other rows, by column. */
export const FA_SPEND_SUMS: Readonly<Record<string, readonly string[]>> = {
  '3': ['3-1', '3-2'],
  '5': ['5-1', '5-2', '5-3', '5-4', '5-5'],
  subtotal: ['1', '2', '3', '4', '5', '6'],
};

/** The input rows: the (合計) rows and 小計 are formulas over them (FA_SPEND_SUMS). */
export const FA_SPEND_INPUT_ROWS: readonly TableRow[] = FA_SPEND_ROWS.filter((r) => FA_SPEND_SUMS[r.key] === undefined);

export const FA_SPEND_TOP = 13;

/** Beneficiaries: 教育訓練 場次/時數/男/女, then 男/女 for each category (26 rows). */
// the categories with beneficiaries: every spend row but 教育訓練 (counted in 場次), 行政事務費 and 小計
const BENEFIT_GROUPS: readonly TableRow[] = FA_SPEND_ROWS.filter((r) => !['1', '6', 'subtotal'].includes(r.key));

export const FA_BENEFIT_ROWS: readonly TableRow[] = [
  { key: 'edu_sessions', label: '1、教育訓練 場次' },
  { key: 'edu_hours', label: '1、教育訓練 課程時數' },
  { key: 'edu_male', label: '1、教育訓練 受益人次(男)' },
  { key: 'edu_female', label: '1、教育訓練 受益人次(女)' },
  ...BENEFIT_GROUPS.flatMap((g) => [
    { key: `${g.key}_male`, label: `${g.label} 受益人次(男)` },
    { key: `${g.key}_female`, label: `${g.label} 受益人次(女)` },
  ]),
];

export const FA_BENEFIT_SUMS: Readonly<Record<string, readonly string[]>> = {
  '3_male': ['3-1_male', '3-2_male'],
  '3_female': ['3-1_female', '3-2_female'],
  '5_male': ['5-1_male', '5-2_male', '5-3_male', '5-4_male', '5-5_male'],
  '5_female': ['5-1_female', '5-2_female', '5-3_female', '5-4_female', '5-5_female'],
};

export const FA_BENEFIT_TOP = 32;

const spendRowOf = (key: string): number => FA_SPEND_TOP + FA_SPEND_ROWS.findIndex((r) => r.key === key);
const benefitRowOf = (key: string): number => FA_BENEFIT_TOP + FA_BENEFIT_ROWS.findIndex((r) => r.key === key);

const sumOf = (column: string, rows: readonly number[]): Expr => sum(...rows.map((r) => cell(S, `${column}${r}`)));

const spendCell = (rowIndex: number, colIndex: number): CellSpec | 'input' => {
  const row = FA_SPEND_ROWS[rowIndex];
  const column = 'BCD'[colIndex] ?? 'B';
  if (row === undefined) return 'input';
  const surplus = colIndex === 0;
  if (surplus && SURPLUS_FORBIDDEN_ROWS.includes(row.key)) return { kind: 'forbidden', label: `決算 ${row.label} 結餘款` };
  const parts = FA_SPEND_SUMS[row.key];
  if (parts === undefined) return 'input';
  const included = surplus ? parts.filter((k) => !SURPLUS_FORBIDDEN_ROWS.includes(k)) : parts;
  const expr =
    row.key === 'subtotal' || row.key === '3'
      ? sumOf(column, included.map(spendRowOf))
      : sum(range(S, `${column}${spendRowOf(included[0] ?? '')}:${column}${spendRowOf(included[included.length - 1] ?? '')}`));
  return { kind: 'formula', expr, role: 'total', format: 'amount' };
};

const benefitCell = (rowIndex: number): CellSpec | 'input' => {
  const row = FA_BENEFIT_ROWS[rowIndex];
  const parts = row === undefined ? undefined : FA_BENEFIT_SUMS[row.key];
  if (parts === undefined) return 'input';
  return { kind: 'formula', expr: sumOf('C', parts.map(benefitRowOf)), role: 'total', format: 'count' };
};

export const buildFinalAccountsSheet = (release: TemplateVersion): BuiltSheet => {
  const b = new SheetBuilder(S, 'red');
  const manual = hasManualLayout(release);
  // from 1.3 the labels print the years as the seed's form does (決算年度 = 申請年度 − 1), older versions keep their text
  const yearLabel = yearLabels(b, manual);
  b.formula('A1', titleExpr('決算運用情形', -1), 'text', 'title');
  yearLabel('A2', '歲入', '', -1, '年度歲入', 'section');
  b.label('A3', '項目名稱', 'header').label('B3', '決算金額', 'header').label('C3', '說明', 'header');
  yearLabel('A4', '1、決算年度分配款金額', '1、', -1, '年度分配款金額');
  b.single('fa_rev_alloc', FA_CELLS.alloc, amount('分配款金額'));
  yearLabel('A5', '2、截至決算年度利息收入', '2、截至', -1, '年度利息收入');
  b.single('fa_rev_interest', FA_CELLS.interest, amount('截至決算年度利息收入'));
  b.single('fa_interest_option', FA_CELLS.option, {
    type: 'enum',
    label: '利息運用方式(A/B)',
    required: true,
    list: 'interest_option',
    hint: 'A：運用於(2)-(4)項；B：運用於(1)-(6)項',
  });
  b.label('D5', '◎A：運用於(2)-(4)項　◎B：運用於(1)-(6)項', 'note');
  b.label('A6', '3、其他收入(繳回款、代管款等)').single('fa_rev_other', FA_CELLS.other, amount('其他收入'));
  yearLabel('A7', '4、動支截至前一年度歷年累積結餘款金額', '4、動支截至上一年', -2, '年歷年累積結餘款金額');
  b.single('fa_rev_surplus_draw', FA_CELLS.surplusDraw, amount('動支歷年累積結餘款金額'));
  b.label('A8', '合計', 'total').namedFormula('fa_rev_total', FA_CELLS.revTotal, '歲入合計', sum(range(S, 'B4:B7')));
  yearLabel('A9', '上一年度歷年累積結餘款剩餘數', '上一年度', -2, '年歷年累積結餘款剩餘數');
  b.single('fa_prev_surplus_remaining', FA_CELLS.prevSurplusRemaining, amount('上一年度歷年累積結餘款剩餘數'));

  yearLabel('A11', '決算表', '', -1, '年度決算表', 'section');
  b.label('A12', '項目名稱', 'header');
  FA_SPEND_COLUMNS.forEach((c, i) => b.label(`${'BCD'[i]}12`, c.header, 'header'));
  FA_SPEND_ROWS.forEach((row, i) => b.label(`A${FA_SPEND_TOP + i}`, row.label, row.key === 'subtotal' ? 'total' : 'label'));
  b.range({ name: 'fa_spend', at: `B${FA_SPEND_TOP}`, columns: FA_SPEND_COLUMNS, rows: FA_SPEND_ROWS, cellAt: spendCell });
  const subtotalRow = spendRowOf('subtotal');
  b.label('A27', '總計', 'total').namedFormula('fa_total', FA_CELLS.total, '決算總計', sum(range(S, `B${subtotalRow}:D${subtotalRow}`)));
  yearLabel('A28', '截至決算年度歷年累積結餘款', '截至', -1, '年度歷年累積結餘款', 'total');
  b.namedFormula('fa_cum_surplus', FA_CELLS.cumSurplus, '截至決算年度歷年累積結餘款', sub(add(cell(S, FA_CELLS.prevSurplusRemaining), cell(S, FA_CELLS.revTotal)), cell(S, FA_CELLS.total)));

  yearLabel('A30', '受益情形', '', -1, '年度商港福利專款受益情形', 'section');
  b.label('A31', '項目名稱', 'header').label('B31', '單位', 'header').label('C31', '場次、時數、人次', 'header');
  b.label(`A${FA_BENEFIT_TOP}`, '1、教育訓練');
  ['場次', '課程時數', '受益人次(男)', '受益人次(女)'].forEach((u, i) => b.label(`B${FA_BENEFIT_TOP + i}`, u));
  BENEFIT_GROUPS.forEach((g, i) => {
    const r = FA_BENEFIT_TOP + 4 + i * 2;
    b.label(`A${r}`, g.label).label(`B${r}`, '受益人次(男)').label(`B${r + 1}`, '受益人次(女)');
  });
  // §2.3(二)1 "所有欄位必填" and 7: every 受益情形 input is required from 1.3 on (0 where nobody benefited, as the seed's example writes)
  const count = (label: string): FieldSpec => ({ type: 'count', label, maxDigits: 5, ...(isAtLeast(release.version, '1.3') ? { required: true } : {}) });
  b.range({
    name: 'fa_benefit',
    at: `C${FA_BENEFIT_TOP}`,
    columns: [{ key: 'value', header: '場次、時數、人次', spec: count('受益情形') }],
    rows: FA_BENEFIT_ROWS,
    cellAt: (r) => benefitCell(r),
  });
  const merges = ['A1:D1', 'C3:D3', 'B27:D27', 'B28:D28', `A${FA_BENEFIT_TOP}:A${FA_BENEFIT_TOP + 3}`];
  BENEFIT_GROUPS.forEach((_, i) => {
    const r = FA_BENEFIT_TOP + 4 + i * 2;
    merges.push(`A${r}:A${r + 1}`);
  });
  const lastRow = FA_BENEFIT_TOP + FA_BENEFIT_ROWS.length - 1;
  return b.build({
    columns: [{ width: 46 }, { width: 20 }, { width: 16 }, { width: 30 }],
    merges,
    orientation: 'portrait',
    ...(manual ? { printArea: { ref: `A1:D${lastRow}` }, fitRowHeights: true } : {}),
  });
};

export const faSpendCell = (rowKey: string, colKey: 'surplus' | 'alloc' | 'interest'): string =>
  `${'BCD'[FA_SPEND_COLUMNS.findIndex((c) => c.key === colKey)] ?? 'B'}${spendRowOf(rowKey)}`;

export const faBenefitCell = (rowKey: string): string => `C${benefitRowOf(rowKey)}`;
