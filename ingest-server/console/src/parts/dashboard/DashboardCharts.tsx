// The dashboard's charts (@fluentui/react-charts, the Fluent UI v9 chart library): completeness by quarter, spending by
// category and source, each union's education and admin shares (a point, a click from its page) against the 40 % and
// 10 % lines, balances by quarter.
// Every chart has its table beside it on the page (the accessible alternative); these are the pictures.
import { LineChart, type LineChartPoints, VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { type Dashboard } from '@portfund/api-contract';
import { tokens } from '@fluentui/react-components';

const STATE_COLORS = {
  準時: tokens.colorPaletteGreenBackground3,
  逾期: tokens.colorPaletteMarigoldBackground3,
  未申報: tokens.colorPaletteRedBackground3,
  退回: tokens.colorPaletteBerryBackground3,
  未到期: tokens.colorNeutralBackground5,
} as const;

// room for amount labels such as 948.92k on the y-axis (the default 40 px cut their first digits)
const AMOUNT_MARGINS = { left: 64, right: 20, top: 20, bottom: 35 };

const SOURCE_COLORS = [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteTealBorderActive, tokens.colorPalettePurpleBorderActive];
const ACCOUNT_COLORS = [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteLightTealBorderActive, tokens.colorPaletteGoldBorderActive, tokens.colorPaletteGrapeBorderActive];

export const CompletenessChart = ({ data, width, height = 260 }: { readonly data: Dashboard; readonly width: number; readonly height?: number }) => {
  const bars: VerticalStackedChartProps[] = [1, 2, 3, 4].map((q) => {
    const rows = data.completeness.filter((c) => c.quarter === q);
    const sum = (k: 'onTime' | 'late' | 'missing' | 'returned' | 'notYetDue'): number => rows.reduce((s, r) => s + r[k], 0);
    const parts = [
      ['準時', sum('onTime')],
      ['逾期', sum('late')],
      ['未申報', sum('missing')],
      ['退回', sum('returned')],
      ['未到期', sum('notYetDue')],
    ] as const;
    return { xAxisPoint: `第${q}季`, chartData: parts.map(([legend, n]) => ({ legend, data: n, color: STATE_COLORS[legend] })) };
  });
  return <VerticalStackedBarChart data={bars} chartTitle="各季申報完整度（工會數）" width={width} height={height} hideLegend={false} />;
};

export const MoneyChart = ({ data, width }: { readonly data: Dashboard; readonly width: number }) => {
  const groups = [
    ['1', '教育訓練'],
    ['2', '急難救助'],
    ['3-1', '職災保險'],
    ['3-2', '慰問金'],
    ['4', '退休'],
    ['5', '會員福利'],
    ['6', '行政事務'],
  ] as const;
  const sources = [
    ['allocation', '分配款'],
    ['surplus', '結餘款／其他收入'],
    ['interest', '利息'],
  ] as const;
  const bars: VerticalStackedChartProps[] = groups.map(([key, label]) => ({
    xAxisPoint: label,
    chartData: sources.map(([s, legend], i) => ({ legend, data: Number(data.money.spend[key][s]), color: SOURCE_COLORS[i] })),
  }));
  return <VerticalStackedBarChart data={bars} chartTitle="支出類別 × 動支來源（元）" width={width} height={280} margins={AMOUNT_MARGINS} />;
};

/** The dashed reference lines of the share charts: 教育訓練 at least 40 %, 行政事務費 at most 10 %. */
export const REFERENCE = { education: 40, admin: 10 } as const;
const DASHED = { strokeDasharray: '6 4', strokeWidth: 2, mode: 'lines' } as const;

// each union a point (a click opens its page), the 40 % line across the education axis and the 10 % line across the
// admin axis; the axes start at 0 and reach past both lines, so a handful of unions never squeezes them into a sliver
export const RatioChart = ({
  data,
  width,
  height = 320,
  onOpen,
}: {
  readonly data: Dashboard;
  readonly width: number;
  readonly height?: number;
  readonly onOpen: (unionId: number) => void;
}) => {
  const points = data.ratios.filter((r) => r.education.percent !== null && r.admin.percent !== null);
  const xMax = Math.max(100, ...points.map((r) => Math.ceil(r.education.percent! / 10) * 10));
  const yMax = Math.max(20, ...points.map((r) => Math.ceil(r.admin.percent! / 5) * 5));
  const series = (below: boolean): LineChartPoints => ({
    legend: below ? '教育訓練未達 40% 或行政事務費超過 10%' : '符合比率規定',
    color: below ? tokens.colorPaletteRedBorderActive : tokens.colorPaletteGreenBorderActive,
    lineOptions: { mode: 'markers' },
    data: points
      .filter((r) => (r.education.percent! < REFERENCE.education || r.admin.percent! > REFERENCE.admin) === below)
      .sort((a, b) => a.education.percent! - b.education.percent!)
      .map((r) => ({
        x: r.education.percent!,
        y: r.admin.percent!,
        xAxisCalloutData: r.union.name,
        yAxisCalloutData: `教育訓練 ${r.education.percent!.toFixed(1)}%／行政事務費 ${r.admin.percent!.toFixed(1)}%`,
        onDataPointClick: () => onOpen(r.union.id),
      })),
  });
  const lines: LineChartPoints[] = [
    { legend: '教育訓練基準 40%', color: tokens.colorPaletteDarkOrangeBorderActive, lineOptions: DASHED, data: [{ x: REFERENCE.education, y: 0 }, { x: REFERENCE.education, y: yMax }] },
    { legend: '行政事務費上限 10%', color: tokens.colorPaletteBerryBorderActive, lineOptions: DASHED, data: [{ x: 0, y: REFERENCE.admin }, { x: xMax, y: REFERENCE.admin }] },
  ];
  return (
    <LineChart
      data={{ chartTitle: '教育訓練比率（橫軸）與行政事務費比率（縱軸）', lineChartData: [series(true), series(false), ...lines] }}
      width={width}
      height={height}
      xMinValue={0}
      xMaxValue={xMax}
      yMinValue={0}
      yMaxValue={yMax}
      margins={{ left: 56, right: 24, top: 24, bottom: 48 }}
      xAxisTitle="教育訓練（分配款）÷ 分配款（%），基準 40%"
      yAxisTitle="行政事務費 ÷ 分配款（%），上限 10%"
    />
  );
};

export const BalancesChart = ({ data, width }: { readonly data: Dashboard; readonly width: number }) => {
  const accounts = [
    ['special1', '專戶存款1'],
    ['special2', '專戶存款2'],
    ['fixed', '定期存款'],
    ['petty', '零用金'],
  ] as const;
  const bars: VerticalStackedChartProps[] = data.balances.map((b) => ({
    xAxisPoint: `第${b.quarter}季`,
    chartData: accounts.map(([k, legend], i) => ({ legend, data: Number(b[k]), color: ACCOUNT_COLORS[i] })),
  }));
  return <VerticalStackedBarChart data={bars} chartTitle="各季末四個帳戶餘額（元）" width={width} height={260} margins={AMOUNT_MARGINS} />;
};
