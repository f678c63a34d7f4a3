// The dashboard's on-screen tables as downloads (CSV / XLSX), with the same Chinese headers as the console.
import { taipeiRocTime } from '@portfund/shared-rules';
import { DEADLINE_STATE_LABELS } from './quarters';
import { type Dashboard } from './dashboard';
import { type Table } from './report-tables';
import { FUND_SOURCES, SPEND_GROUPS } from './spend-groups';

export const DASHBOARD_TABLES = ['completeness', 'money', 'ratios', 'balances', 'education-two-years'] as const;
export type DashboardTableKey = (typeof DASHBOARD_TABLES)[number];

const COUNTED_NOTE = '（審核中）';
const yesNo = (flag: boolean | null): string | null => (flag === null ? null : flag ? '是' : '否');

type Completeness = Dashboard['completeness'][number];
type Ratio = Dashboard['ratios'][number];
type Balance = Dashboard['balances'][number];
type MoneyRow = { readonly label: string; readonly allocation: string; readonly interest: string; readonly surplus: string; readonly total: string };
type TwoYears = { readonly kind: string; readonly union: Ratio['union']; readonly detail: string };

// the printed title: what, year and quarter, scope and when it was made (民國, Taipei time)
const title = (d: Dashboard, what: string): string =>
  `商港服務費福利專款總覽 ${what}：${d.year} 年第 ${d.quarter} 季，${d.scope.name}，產生時間 ${taipeiRocTime(new Date(d.generatedAt), 'long')}`;

export const dashboardTable = (d: Dashboard, key: DashboardTableKey): Table<unknown> => {
  const fileName = (what: string): string => `總覽_${what}_${d.year}Q${d.quarter}`;
  switch (key) {
    case 'completeness':
      return {
        sheetName: '申報完整度',
        fileName: fileName('申報完整度'),
        rows: d.completeness,
        columns: [
          { header: '季別', kind: 'count', value: (r: Completeness) => r.quarter },
          { header: '地方主管機關', kind: 'text', value: (r: Completeness) => r.localGovernment?.name ?? '未隸屬地方主管機關' },
          { header: '工會數', kind: 'count', value: (r: Completeness) => r.unions },
          { header: DEADLINE_STATE_LABELS.on_time, kind: 'count', value: (r: Completeness) => r.onTime },
          { header: DEADLINE_STATE_LABELS.late, kind: 'count', value: (r: Completeness) => r.late },
          { header: DEADLINE_STATE_LABELS.missing, kind: 'count', value: (r: Completeness) => r.missing },
          { header: DEADLINE_STATE_LABELS.returned, kind: 'count', value: (r: Completeness) => r.returned },
          { header: DEADLINE_STATE_LABELS.not_due, kind: 'count', value: (r: Completeness) => r.notYetDue },
          { header: '審核中', kind: 'count', value: (r: Completeness) => r.underReview },
        ],
      } as Table<unknown>;
    case 'money': {
      const rows: MoneyRow[] = SPEND_GROUPS.map((g) => ({ label: `${g.key} ${g.label}`, ...d.money.spend[g.key] }));
      return {
        sheetName: '分配款與支出',
        fileName: fileName('分配款與支出'),
        rows,
        columns: [
          { header: '支出類別', kind: 'text', value: (r: MoneyRow) => r.label },
          ...FUND_SOURCES.map((s) => ({ header: s.label, kind: 'amount' as const, value: (r: MoneyRow) => r[s.key] })),
          { header: '合計', kind: 'amount', value: (r: MoneyRow) => r.total },
        ],
      } as Table<unknown>;
    }
    case 'ratios':
      return {
        sheetName: '比率',
        fileName: fileName('教育訓練與行政事務費比率'),
        rows: d.ratios,
        columns: [
          { header: '地方主管機關', kind: 'text', value: (r: Ratio) => r.union.localGovernment?.name },
          { header: '工會名稱', kind: 'text', value: (r: Ratio) => `${r.union.name}${r.cashbook.underReview ? COUNTED_NOTE : ''}` },
          { header: '統一編號', kind: 'text', value: (r: Ratio) => r.union.ubn },
          { header: '版本', kind: 'count', value: (r: Ratio) => r.cashbook.version },
          { header: '分配款收入', kind: 'amount', value: (r: Ratio) => r.allocationReceived },
          { header: '教育訓練（分配款）', kind: 'amount', value: (r: Ratio) => r.education.amount },
          { header: '教育訓練比率（%）', kind: 'percent', value: (r: Ratio) => r.education.percent },
          { header: '未達 40%', kind: 'text', value: (r: Ratio) => yesNo(r.education.flagged) },
          { header: '行政事務費', kind: 'amount', value: (r: Ratio) => r.admin.amount },
          { header: '行政事務費比率（%）', kind: 'percent', value: (r: Ratio) => r.admin.percent },
          { header: '超過 10%', kind: 'text', value: (r: Ratio) => yesNo(r.admin.flagged) },
        ],
      } as Table<unknown>;
    case 'balances':
      return {
        sheetName: '期末餘額',
        fileName: fileName('各季期末餘額'),
        rows: d.balances,
        columns: [
          { header: '季別', kind: 'count', value: (r: Balance) => r.quarter },
          { header: '工會數', kind: 'count', value: (r: Balance) => r.unions },
          { header: '其中審核中', kind: 'count', value: (r: Balance) => r.underReview },
          { header: '專戶存款1', kind: 'amount', value: (r: Balance) => r.special1 },
          { header: '專戶存款2', kind: 'amount', value: (r: Balance) => r.special2 },
          { header: '定期存款', kind: 'amount', value: (r: Balance) => r.fixed },
          { header: '零用金', kind: 'amount', value: (r: Balance) => r.petty },
          { header: '結存合計', kind: 'amount', value: (r: Balance) => r.total },
        ],
      } as Table<unknown>;
    case 'education-two-years': {
      const rows: TwoYears[] = [
        ...d.educationTwoYears.candidates.map((c) => ({
          kind: '連續兩年未達 40%（次年度不予分配候選）',
          union: c.union,
          detail: c.years.map((y) => `${y.year}年決算 ${y.percent}`).join('、'),
        })),
        ...d.educationTwoYears.atRisk.map((c) => ({
          kind: '本年度有風險',
          union: c.union,
          detail: `${c.last.year}年決算 ${c.last.percent}；本年度累計 ${c.thisYear?.percent === null || c.thisYear === null ? '無資料' : `${c.thisYear.percent}%`}`,
        })),
      ];
      return {
        sheetName: '教育訓練連續兩年',
        fileName: fileName('教育訓練連續兩年未達40%'),
        rows,
        columns: [
          { header: '類別', kind: 'text', value: (r: TwoYears) => r.kind },
          { header: '地方主管機關', kind: 'text', value: (r: TwoYears) => r.union.localGovernment?.name },
          { header: '工會名稱', kind: 'text', value: (r: TwoYears) => r.union.name },
          { header: '統一編號', kind: 'text', value: (r: TwoYears) => r.union.ubn },
          { header: '教育訓練比率', kind: 'text', value: (r: TwoYears) => r.detail },
        ],
      } as Table<unknown>;
    }
  }
};

export const dashboardTitle = title;
