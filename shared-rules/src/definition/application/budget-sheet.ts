// Sheet 預算: revenue and expenditure budget of year N (seed 004 §2.7; SPEC §3.7).
import { cell, range, sub, sum } from '../expr';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type CellSpec, type FieldSpec, type TableRow } from '../types';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { FA_CELLS, faSpendCell } from './final-accounts-sheet';
import { APP_SHEETS, titleExpr, yearLabels } from './names';

const amount = (label: string, required = true): FieldSpec => ({ type: 'amount', label, required, maxDigits: 9 });

export const BG_CELLS = {
  alloc: 'B4',
  interestPrev: 'B5',
  interestEst: 'B6',
  surplusDraw: 'B7',
  revTotal: 'B8',
  prevSurplusRemaining: 'B9',
  spendTotal: 'B20',
} as const;

export const BG_SPEND_ROWS: readonly TableRow[] = [
  { key: 'education', label: '1、教育訓練經費（應占分配款預算40%以上）' },
  { key: 'interest', label: '利息收入（支用於教育訓練經費不得低於40%）' },
  { key: 'relief', label: '2、會員急難救助經費' },
  { key: 'insurance', label: '3、職業災害團體保險或慰問金經費' },
  { key: 'retirement', label: '4、會員退休補助經費' },
  { key: 'welfare', label: '5、有關會員福利事項經費' },
  { key: 'admin', label: '6、行政事務費（應占分配款預算10%以下）' },
];

export const BG_SPEND_TOP = 13;

/** The 說明 the seed's form prints beside 1、分配款 and 3、利息收入(預估) (seed 004 §2.7(一)); the union may change it. */
export const BG_PRINTED_NOTE = '依據上年度實際分配數預估';
const BG_PRINTED_NOTE_ROWS: readonly number[] = [0, 2];

export const buildBudgetSheet = (release: TemplateVersion): BuiltSheet => {
  const S = APP_SHEETS.budget;
  const FA = APP_SHEETS.finalAccounts;
  const b = new SheetBuilder(S, 'red');
  const manual = hasManualLayout(release);
  const yearLabel = yearLabels(b, manual);
  b.formula('A1', titleExpr('歲入歲出預算書', 0), 'text', 'title');
  b.label('A2', '歲入', 'section');
  b.label('A3', '歲入項目', 'header').label('B3', '金額', 'header').label('C3', '說明', 'header');
  yearLabel('A4', '1、申請年度分配款', '1、', 0, '申請年度分配款');
  b.single('bg_rev_alloc', BG_CELLS.alloc, amount('申請年度分配款'));
  yearLabel('A5', '2、截至上一年度利息收入', '2、截至上一年度', -1, '年度利息收入');
  // carried from 決算: cumulative interest minus the interest spent (seed 004 §2.7(二)4(2) 本欄自動代入)
  b.namedFormula('bg_rev_interest_prev', BG_CELLS.interestPrev, '截至上一年度利息收入', sub(cell(FA, FA_CELLS.interest, 'fa_rev_interest'), cell(FA, faSpendCell('subtotal', 'interest'))));
  yearLabel('A6', '3、申請年度利息收入(預估)', '3、', 0, '年度利息收入(預估)');
  b.single('bg_rev_interest_est', BG_CELLS.interestEst, amount('申請年度利息收入(預估)'));
  yearLabel('A7', '4、動支截至上一年度歷年累積結餘款', '4、動支截至上一年度', -1, '年歷年累積結餘款');
  b.single('bg_rev_surplus_draw', BG_CELLS.surplusDraw, amount('動支歷年累積結餘款'));
  const noteSpec: FieldSpec = { type: 'text', label: '歲入說明', maxLength: 100 };
  b.range({
    name: 'bg_rev_notes',
    at: 'C4',
    columns: [{ key: 'note', header: '說明', spec: noteSpec }],
    rowCount: 4,
    // from 1.3 the 說明 the seed's form prints is there when the template opens
    ...(manual
      ? {
          cellAt: (r: number): CellSpec | 'input' =>
            BG_PRINTED_NOTE_ROWS.includes(r) ? { kind: 'input', field: noteSpec, fieldName: 'bg_rev_notes', initial: BG_PRINTED_NOTE } : 'input',
        }
      : {}),
  });
  b.label('A8', '合計', 'total').namedFormula('bg_rev_total', BG_CELLS.revTotal, '歲入合計', sum(range(S, 'B4:B7')));
  yearLabel('A9', '上一年度歷年累積結餘款剩餘數', '上一年度', -1, '年歷年累積結餘款剩餘數');
  b.single('bg_prev_surplus_remaining', BG_CELLS.prevSurplusRemaining, amount('上一年度歷年累積結餘款剩餘數'));
  b.label('A11', '歲出', 'section');
  b.label('A12', '歲出項目', 'header').label('B12', '金額', 'header');
  BG_SPEND_ROWS.forEach((row, i) => b.label(`A${BG_SPEND_TOP + i}`, row.label));
  b.range({
    name: 'bg_spend',
    at: `B${BG_SPEND_TOP}`,
    columns: [{ key: 'amount', header: '金額', spec: amount('歲出金額', false) }],
    rows: BG_SPEND_ROWS,
  });
  const last = BG_SPEND_TOP + BG_SPEND_ROWS.length - 1;
  b.label(`A${last + 1}`, '合計', 'total').namedFormula('bg_spend_total', BG_CELLS.spendTotal, '歲出合計', sum(range(S, `B${BG_SPEND_TOP}:B${last}`)));
  return b.build({
    columns: [{ width: 44 }, { width: 18 }, { width: 36 }],
    merges: ['A1:C1'],
    orientation: 'portrait',
    ...(manual ? { printArea: { ref: `A1:C${last + 1}` }, fitRowHeights: true } : {}),
  });
};
