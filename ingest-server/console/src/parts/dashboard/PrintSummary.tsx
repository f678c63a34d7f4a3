// The dashboard on one sheet of paper (列印摘要, issue 17): invisible on screen; in print it replaces the interactive
// sections (console.css sets A4 landscape). The quarter's filing standing by local government, money by category and
// source, how many unions break the 40 % / 10 % rules, the quarter's balances and the §1.3(一) list, in small type;
// below them two of the dashboard's charts, small (completeness by quarter, each union's shares against 40 % / 10 %),
// drawn while invisible on screen, so the printed page has them without a reflow.
import { CompletenessChart, RatioChart } from './DashboardCharts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { type Dashboard } from '@portfund/api-contract';
import { taipeiTime } from '../../labels';
import { moneyText } from '../money';
import { SPEND_GROUPS } from './spend-groups';

/** Names listed in the §1.3(一) box before 「等 N 個」: the page stays one page with hundreds of unions. */
const LISTED = 8;


const useStyles = makeStyles({
  // on screen laid out off the page and invisible (hidden from screen readers as display: none would, but measured, so
  // the charts know their width); in print in the flow
  root: {
    position: 'absolute',
    top: 0,
    left: '-10000px',
    width: '1030px',
    visibility: 'hidden',
    '@media print': { position: 'static', width: 'auto', visibility: 'visible', fontSize: '8.5pt', lineHeight: 1.3, breakInside: 'avoid' },
  },
  title: { fontSize: '13pt', fontWeight: tokens.fontWeightSemibold, margin: '0 0 2pt 0' },
  note: { margin: '0 0 4pt 0' },
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '10mm', alignItems: 'start' },
  table: { borderCollapse: 'collapse', width: '100%', marginBottom: '4pt' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: '2pt 0' },
  th: { textAlign: 'start', borderBottom: '0.5pt solid #000', padding: '1pt 3pt', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  thNum: { textAlign: 'end', borderBottom: '0.5pt solid #000', padding: '1pt 3pt', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  td: { borderBottom: '0.25pt solid #999', padding: '1pt 3pt' },
  num: { borderBottom: '0.25pt solid #999', padding: '1pt 3pt', textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  list: { margin: '0 0 4pt 0' },
  chart: { overflow: 'hidden', breakInside: 'avoid', margin: 0 },
});

/** Each printed chart's size in CSS pixels: half of A4 landscape's printable width (273 mm ≈ 1030 px) less the gap. */
const CHART = { width: 470, height: 190 } as const;
const noOpen = (): void => undefined;

export const PrintSummary = ({ data }: { readonly data: Dashboard }) => {
  const styles = useStyles();
  const standing = data.completeness.filter((c) => c.quarter === data.quarter);
  const below = data.ratios.filter((r) => r.education.flagged === true).length;
  const above = data.ratios.filter((r) => r.admin.flagged === true).length;
  const balances = data.balances.find((b) => b.quarter === data.quarter);
  const names = (unions: readonly { union: { name: string } }[]): string =>
    unions.length === 0 ? '無' : `${unions.slice(0, LISTED).map((u) => u.union.name).join('、')}${unions.length > LISTED ? ` 等 ${unions.length} 個工會` : ''}`;
  return (
    <section className={styles.root} aria-label="列印摘要">
      <p className={styles.title}>
        總覽摘要（{data.year} 年第 {data.quarter} 季，{data.scope.name}）
      </p>
      <p className={styles.note}>
        產生時間 {taipeiTime(data.generatedAt)}。每個工會與期間只計入最新核准版本，無核准時計入審核中的最新版本；退回、否決、被取代與撤回的版本不計入。計入工會 {data.money.unions}（審核中{' '}
        {data.money.underReview}），分配款收入 {moneyText(data.money.allocationReceived)} 元，支出合計 {moneyText(data.money.totalSpent)} 元，歷年累積結餘款{' '}
        {moneyText(data.accumulatedSurplus.total)} 元。
      </p>
      <div className={styles.columns}>
        <div>
          <table className={styles.table}>
            <caption className={styles.caption}>第 {data.quarter} 季申報完整度</caption>
            <thead>
              <tr>
                {['地方主管機關', '工會數', '準時', '逾期', '未申報', '退回', '未到期', '審核中'].map((h, i) => (
                  <th key={h} className={i === 0 ? styles.th : styles.thNum}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {standing.map((c) => (
                <tr key={c.localGovernment?.id ?? 0}>
                  <td className={styles.td}>{c.localGovernment?.name ?? '未隸屬地方主管機關'}</td>
                  {[c.unions, c.onTime, c.late, c.missing, c.returned, c.notYetDue, c.underReview].map((n, i) => (
                    <td key={i} className={styles.num}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.list}>
            <strong>§1.3(一) 連續兩年（{data.educationTwoYears.years.join('、')} 年決算）教育訓練未達 40%，次年度不予分配候選：</strong>
            {names(data.educationTwoYears.candidates)}。<strong>本年度有風險：</strong>
            {names(data.educationTwoYears.atRisk)}。
          </p>
        </div>
        <div>
          <table className={styles.table}>
            <caption className={styles.caption}>支出類別 × 動支來源（元，年初至該季）</caption>
            <thead>
              <tr>
                {['支出類別', '分配款', '結餘款／其他收入', '利息', '合計'].map((h, i) => (
                  <th key={h} className={i === 0 ? styles.th : styles.thNum}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SPEND_GROUPS.map(([key, label]) => (
                <tr key={key}>
                  <td className={styles.td}>
                    {key} {label}
                  </td>
                  {(['allocation', 'surplus', 'interest', 'total'] as const).map((s) => (
                    <td key={s} className={styles.num}>
                      {moneyText(data.money.spend[key][s])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.list}>
            比率：{data.ratios.length} 個工會中，教育訓練未達 40% {data.quarter === 4 ? `${below} 個` : '（僅第 4 季判定）'}，行政事務費超過 10% {above} 個。
          </p>
          {balances !== undefined && (
            <p className={styles.list}>
              第 {data.quarter} 季末餘額（{balances.unions} 個工會）：專戶存款1 {moneyText(balances.special1)}、專戶存款2 {moneyText(balances.special2)}、定期存款{' '}
              {moneyText(balances.fixed)}、零用金 {moneyText(balances.petty)}，結存合計 {moneyText(balances.total)} 元。
            </p>
          )}
        </div>
      </div>
      <div className={styles.columns}>
        <figure className={styles.chart} aria-label="各季申報完整度圖">
          <CompletenessChart data={data} width={CHART.width} height={CHART.height} />
          {/* the chart's legend is made of buttons, which print leaves out */}
          <figcaption>各季申報完整度（工會數）：綠 準時、黃 逾期、紅 未申報、紫 退回、灰 未到期。</figcaption>
        </figure>
        <figure className={styles.chart} aria-label="教育訓練與行政事務費比率圖">
          <RatioChart data={data} width={CHART.width} height={CHART.height} onOpen={noOpen} />
          <figcaption>每個工會一點（紅：教育訓練未達 40% 或行政事務費超過 10%；綠：符合）；虛線為 40% 與 10%。</figcaption>
        </figure>
      </div>
    </section>
  );
};
