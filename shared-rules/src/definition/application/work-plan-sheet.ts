// Sheet 工作計畫: work plan of year N, six items × five columns, all required (seed 004 §2.6; SPEC §3.6).
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type TableColumn, type TableRow } from '../types';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { APP_SHEETS, titleExpr } from './names';

export const WP_ROWS: readonly TableRow[] = [
  { key: 'education', label: '(1)教育訓練' },
  { key: 'relief', label: '(2)急難救助' },
  { key: 'insurance', label: '(3)職業災害團體保險或慰問金' },
  { key: 'retirement', label: '(4)退休補助' },
  { key: 'welfare', label: '(5)會員福利事項' },
  { key: 'admin', label: '(6)行政事務' },
];

export const WP_COLUMNS: readonly TableColumn[] = [
  { key: 'description', header: '說明', spec: { type: 'text', label: '說明', required: true, maxLength: 200 } },
  { key: 'quantity', header: '數量（如場次、人次）', spec: { type: 'text', label: '數量', required: true, maxLength: 200, textKind: 'code' } },
  { key: 'budgetText', header: '預算經費', spec: { type: 'text', label: '預算經費', required: true, maxLength: 200, textKind: 'code' } },
  { key: 'amount', header: '合計金額', spec: { type: 'amount', label: '合計金額', required: true, maxDigits: 9 } },
  { key: 'schedule', header: '辦理時間', spec: { type: 'text', label: '辦理時間', required: true, maxLength: 200 } },
];

export const WP_TOP = 3;

export const buildWorkPlanSheet = (release: TemplateVersion): BuiltSheet => {
  const b = new SheetBuilder(APP_SHEETS.workPlan, 'red');
  b.formula('A1', titleExpr('工作計畫書', 0), 'text', 'title');
  b.label('A2', '工作項目', 'header');
  WP_COLUMNS.forEach((c, i) => b.label(`${'BCDEF'[i]}2`, c.header, 'header'));
  WP_ROWS.forEach((row, i) => b.label(`A${WP_TOP + i}`, row.label));
  b.range({ name: 'wp_items', at: `B${WP_TOP}`, columns: WP_COLUMNS, rows: WP_ROWS });
  return b.build({
    columns: [{ width: 26 }, { width: 44 }, { width: 18 }, { width: 36 }, { width: 14 }, { width: 14 }],
    merges: ['A1:F1'],
    freeze: 'B3',
    orientation: 'landscape',
    printTitleRows: '2:2',
    rowHeights: new Map(WP_ROWS.map((_, i) => [WP_TOP + i, 60])),
    ...(hasManualLayout(release) ? { printArea: { ref: `A1:F${WP_TOP + WP_ROWS.length - 1}` }, fitRowHeights: true } : {}),
  });
};
