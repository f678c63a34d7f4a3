// A union's quarterly trend (its own page): the education and admin shares of each quarter's counted cash book against
// the dashed 40 % and 10 % lines. The table under it on the page carries every figure (the accessible alternative).
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { type UnionTrend } from '@portfund/api-contract';
import { tokens } from '@fluentui/react-components';
import { REFERENCE } from './DashboardCharts';

const DASHED = { strokeDasharray: '6 4', strokeWidth: 2, mode: 'lines' } as const;

export const TrendChart = ({ data, width }: { readonly data: UnionTrend; readonly width: number }) => {
  const share = (legend: string, color: string, pick: (q: UnionTrend['quarters'][number]) => number | null): LineChartPoints => ({
    legend,
    color,
    // plain lines: a markers mode would pad the axes below 0
    data: data.quarters.flatMap((q) => {
      const y = pick(q);
      return y === null ? [] : [{ x: q.quarter, y, xAxisCalloutData: `第${q.quarter}季`, yAxisCalloutData: `${y.toFixed(1)}%` }];
    }),
  });
  const values = data.quarters.flatMap((q) => [q.educationRatio, q.adminRatio]).filter((v): v is number => v !== null);
  const yMax = Math.max(60, ...values.map((v) => Math.ceil(v / 10) * 10));
  const line = (legend: string, color: string, y: number): LineChartPoints => ({ legend, color, lineOptions: DASHED, data: [{ x: 1, y }, { x: 4, y }] });
  return (
    <LineChart
      data={{
        chartTitle: `${data.union.name} ${data.year} 年各季比率`,
        lineChartData: [
          share('教育訓練比率', tokens.colorPaletteBlueBorderActive, (q) => q.educationRatio),
          share('行政事務費比率', tokens.colorPalettePurpleBorderActive, (q) => q.adminRatio),
          line('教育訓練基準 40%', tokens.colorPaletteDarkOrangeBorderActive, REFERENCE.education),
          line('行政事務費上限 10%', tokens.colorPaletteBerryBorderActive, REFERENCE.admin),
        ],
      }}
      width={width}
      height={280}
      xMinValue={1}
      xMaxValue={4}
      tickValues={[1, 2, 3, 4]}
      yMinValue={0}
      yMaxValue={yMax}
      margins={{ left: 56, right: 24, top: 24, bottom: 48 }}
      xAxisTitle="季別（年初至該季累計）"
      yAxisTitle="占分配款收入（%）"
    />
  );
};
