// A union's quarterly trend (union-trend.ts) as a download (CSV / XLSX): one row per quarter with the console's figures,
// print-ready with a title naming the union, the year and when it was made.
import { taipeiRocTime } from '@portfund/shared-rules';
import { type Column } from '../export';
import { DEADLINE_STATE_LABELS } from './quarters';
import { fileSafe, type Table } from './report-tables';
import { type TrendQuarter, type UnionTrend } from './union-trend';

const COLUMNS: readonly Column<TrendQuarter & { readonly trend: UnionTrend }>[] = [
  { header: '工會名稱', kind: 'text', value: (r) => r.trend.union.name },
  { header: '統一編號', kind: 'text', value: (r) => r.trend.union.ubn },
  { header: '季別', kind: 'count', value: (r) => r.quarter },
  { header: '申報狀態', kind: 'text', value: (r) => DEADLINE_STATE_LABELS[r.status] },
  { header: '計入版本', kind: 'text', value: (r) => (r.cashbook === null ? null : `第 ${r.cashbook.version} 版${r.cashbook.underReview ? '（審核中）' : ''}`) },
  { header: '分配款收入', kind: 'amount', value: (r) => r.allocationReceived },
  { header: '教育訓練（分配款）', kind: 'amount', value: (r) => r.education },
  { header: '教育訓練比率（%）', kind: 'percent', value: (r) => r.educationRatio },
  { header: '行政事務費', kind: 'amount', value: (r) => r.admin },
  { header: '行政事務費比率（%）', kind: 'percent', value: (r) => r.adminRatio },
  { header: '支出合計', kind: 'amount', value: (r) => r.totalSpent },
  { header: '結存', kind: 'amount', value: (r) => r.balance },
];

export const unionTrendTable = (trend: UnionTrend): Table<TrendQuarter & { readonly trend: UnionTrend }> => ({
  sheetName: `${trend.year}年各季趨勢`,
  fileName: fileSafe(`${trend.year}年_${trend.union.ubn ?? trend.union.id}_${trend.union.name}_各季趨勢`),
  columns: COLUMNS,
  rows: trend.quarters.map((q) => ({ ...q, trend })),
});

/** The printed title: the union, the year and the generation time (民國, Taipei time). */
export const unionTrendTitle = (trend: UnionTrend, now: Date): string =>
  `商港服務費福利專款 工會各季趨勢：${trend.union.name}（${trend.union.ubn ?? '—'}），${trend.year} 年，產生時間 ${taipeiRocTime(now, 'long')}`;
