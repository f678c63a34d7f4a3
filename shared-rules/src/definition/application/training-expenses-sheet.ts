// Sheet 教育訓練經費: training expenses of year N−1 by item (seed 004 §2.5; SPEC §3.5).
import { range, sum } from '../expr';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type TableRow } from '../types';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { APP_SHEETS, titleExpr } from './names';

export const TE_ITEMS: readonly TableRow[] = [
  '講師鐘點費',
  '講師交通費',
  '工作人員費',
  '場地費',
  '場地佈置費',
  '餐費',
  '印刷費',
  '茶點費',
  '租車費',
  '平安保險費',
  '郵電費',
  '運費',
  '雜支',
].map((label, i) => ({ key: `1-${i + 1}`, label }));

export const TE_TOP = 3;
export const TE_TOTAL_CELL = `B${TE_TOP + TE_ITEMS.length}`;

export const buildTrainingExpensesSheet = (release: TemplateVersion): BuiltSheet => {
  const S = APP_SHEETS.trainingExpenses;
  const b = new SheetBuilder(S, 'red');
  b.formula('A1', titleExpr('教育訓練經費報告表', -1), 'text', 'title');
  b.label('A2', '教育訓練支出經費項目', 'header').label('B2', '金額', 'header');
  TE_ITEMS.forEach((item, i) => b.label(`A${TE_TOP + i}`, item.label));
  b.range({
    name: 'te_items',
    at: `B${TE_TOP}`,
    columns: [{ key: 'amount', header: '金額', spec: { type: 'amount', label: '教育訓練經費', maxDigits: 9 } }],
    rows: TE_ITEMS,
  });
  const last = TE_TOP + TE_ITEMS.length - 1;
  b.label(`A${last + 1}`, '合計', 'total').namedFormula('te_total', TE_TOTAL_CELL, '教育訓練經費合計', sum(range(S, `B${TE_TOP}:B${last}`)));
  b.label(`A${last + 3}`, '填寫該年度所有場次各經費項目之合計金額；合計須等於決算教育訓練（分配款加利息）及各場次使用經費總和。', 'note');
  return b.build({
    columns: [{ width: 30 }, { width: 20 }],
    merges: ['A1:B1', `A${last + 3}:B${last + 3}`],
    orientation: 'portrait',
    rowHeights: new Map([[last + 3, 48]]),
    ...(hasManualLayout(release) ? { printArea: { ref: `A1:B${last + 3}` }, printTitleRows: '2:2', fitRowHeights: true } : {}),
  });
};
