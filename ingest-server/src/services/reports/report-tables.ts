// The downloadable form of each report: Chinese column headers, kinds and values, sheet and file names.
import { type Column } from '../export';
import { STATUS_LABELS } from '../review/state-machine';
import { type BalancesReport, type QuarterBalances } from './balances-report';
import { DEADLINE_STATE_LABELS, QUARTERS } from './quarters';
import { type LocalGovernmentReport, type LocalGovernmentReportRow } from './local-government-report';
import { EDUCATION_MIN_PERCENT, ADMIN_MAX_PERCENT } from './ratios';
import { FUND_SOURCES, SPEND_GROUPS } from './spend-groups';
import { type FilingRef, type UnionReport, type UnionReportRow } from './union-report';

export interface Table<Row> {
  readonly sheetName: string;
  /** The download's name without extension (zh-TW). */
  readonly fileName: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
}

const yesNo = (flag: boolean | null): string | null => (flag === null ? null : flag ? '是' : '否');

const statusLabel = (f: FilingRef | null): string | null => (f === null ? null : STATUS_LABELS[f.status]);

/** Which version a row's figures come from, its review status and the latest approved version, for one kind. */
const versionColumns = (label: string, current: (r: UnionReportRow) => FilingRef | null, approved: (r: UnionReportRow) => FilingRef | null): Column<UnionReportRow>[] => [
  { header: `${label}版本`, kind: 'count', value: (r) => current(r)?.version },
  { header: `${label}審核狀態`, kind: 'text', value: (r) => statusLabel(current(r)) },
  { header: `${label}最新核准版本`, kind: 'count', value: (r) => approved(r)?.version },
];

// a file name must not carry path or header syntax, whatever a union is called
export const fileSafe = (text: string): string =>
  [...text].map((ch) => (/[\\/:*?"<>|]/.test(ch) || (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' ? '_' : ch)).join('').trim();

const UNION_COLUMNS: readonly Column<UnionReportRow>[] = [
  { header: '地方主管機關', kind: 'text', value: (r) => r.localGovernment?.name },
  { header: '工會名稱', kind: 'text', value: (r) => r.union.name },
  { header: '統一編號', kind: 'text', value: (r) => r.union.ubn },
  { header: '分配款收入', kind: 'amount', value: (r) => r.allocationReceived },
  ...SPEND_GROUPS.flatMap((g) =>
    FUND_SOURCES.map((s): Column<UnionReportRow> => ({ header: `${g.key} ${g.label}（${s.label}）`, kind: 'amount', value: (r) => r.spend?.[g.key][s.key] })),
  ),
  { header: '支出合計', kind: 'amount', value: (r) => r.totalSpent },
  { header: '教育訓練比率', kind: 'percent', value: (r) => r.educationRatio },
  { header: '行政事務費比率', kind: 'percent', value: (r) => r.adminRatio },
  { header: `教育訓練未達${EDUCATION_MIN_PERCENT}%`, kind: 'text', value: (r) => yesNo(r.flags.educationBelowMin) },
  { header: `行政事務費超過${ADMIN_MAX_PERCENT}%`, kind: 'text', value: (r) => yesNo(r.flags.adminAboveMax) },
  { header: '結存', kind: 'amount', value: (r) => r.balance },
  { header: '歷年累積結餘款（申請書決算）', kind: 'amount', value: (r) => r.cumulativeSurplus },
  ...QUARTERS.map((q): Column<UnionReportRow> => ({
    header: `第${q}季申報`,
    kind: 'text',
    value: (r) => {
      const status = r.quarters.find((x) => x.quarter === q)?.status;
      return status === undefined ? null : DEADLINE_STATE_LABELS[status];
    },
  })),
  { header: '未結錯誤數', kind: 'count', value: (r) => r.openErrors.total },
  { header: '現金收支登記簿申報編號', kind: 'count', value: (r) => r.cashbook?.filingId },
  ...versionColumns('現金收支登記簿', (r) => r.cashbook, (r) => r.approved.cashbook),
  { header: '申請書申報編號', kind: 'count', value: (r) => r.application?.filingId },
  ...versionColumns('申請書', (r) => r.application, (r) => r.approved.application),
];

const LOCAL_GOVERNMENT_COLUMNS: readonly Column<LocalGovernmentReportRow>[] = [
  { header: '地方主管機關', kind: 'text', value: (r) => r.localGovernment?.name ?? '（未指定主管機關）' },
  { header: '工會數', kind: 'count', value: (r) => r.unions },
  { header: '準時', kind: 'count', value: (r) => r.filings.onTime },
  { header: '逾期', kind: 'count', value: (r) => r.filings.late },
  { header: '未申報', kind: 'count', value: (r) => r.filings.missing },
  { header: '退回', kind: 'count', value: (r) => r.filings.returned },
  { header: '未到期', kind: 'count', value: (r) => r.filings.notYetDue },
  { header: '分配款收入', kind: 'amount', value: (r) => r.allocationReceived },
  ...SPEND_GROUPS.map((g): Column<LocalGovernmentReportRow> => ({ header: `${g.key} ${g.label}`, kind: 'amount', value: (r) => r.spend[g.key].total })),
  { header: '支出合計', kind: 'amount', value: (r) => r.totalSpent },
  { header: `教育訓練未達${EDUCATION_MIN_PERCENT}%工會數`, kind: 'count', value: (r) => r.educationBelowMin },
  { header: `行政事務費超過${ADMIN_MAX_PERCENT}%工會數`, kind: 'count', value: (r) => r.adminAboveMax },
  { header: '未結錯誤數', kind: 'count', value: (r) => r.openErrors },
];

type BalanceRow = QuarterBalances & { readonly report: BalancesReport };

const BALANCE_COLUMNS: readonly Column<BalanceRow>[] = [
  { header: '工會名稱', kind: 'text', value: (r) => r.report.union.name },
  { header: '統一編號', kind: 'text', value: (r) => r.report.union.ubn },
  { header: '年度', kind: 'count', value: (r) => r.report.year },
  { header: '季別', kind: 'text', value: (r) => `第${r.quarter}季` },
  { header: '專戶存款1', kind: 'amount', value: (r) => r.special1 },
  { header: '專戶存款2', kind: 'amount', value: (r) => r.special2 },
  { header: '定期存款', kind: 'amount', value: (r) => r.fixed },
  { header: '零用金', kind: 'amount', value: (r) => r.petty },
  { header: '結存', kind: 'amount', value: (r) => r.balance },
  { header: '申報編號', kind: 'count', value: (r) => r.filing?.filingId },
  { header: '版本', kind: 'count', value: (r) => r.filing?.version },
  { header: '審核狀態', kind: 'text', value: (r) => statusLabel(r.filing) },
];

export const unionTable = (report: UnionReport): Table<UnionReportRow> => ({
  sheetName: `${report.year}年第${report.quarter}季工會`,
  fileName: `${report.year}年第${report.quarter}季工會福利專款報表`,
  columns: UNION_COLUMNS,
  rows: report.rows,
});

export const localGovernmentTable = (report: LocalGovernmentReport): Table<LocalGovernmentReportRow> => ({
  sheetName: `${report.year}年第${report.quarter}季地方主管機關`,
  fileName: `${report.year}年第${report.quarter}季地方主管機關彙總表`,
  columns: LOCAL_GOVERNMENT_COLUMNS,
  rows: report.rows,
});

export const balancesTable = (report: BalancesReport): Table<BalanceRow> => ({
  sheetName: `${report.year}年季末結存`,
  fileName: fileSafe(`${report.year}年_${report.union.ubn ?? report.union.id}_${report.union.name}_季末結存`),
  columns: BALANCE_COLUMNS,
  rows: report.quarters.map((q) => ({ ...q, report })),
});
