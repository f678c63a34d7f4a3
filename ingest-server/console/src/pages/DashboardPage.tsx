// 總覽: the ministry's and a local government's dashboard for a year and quarter (defaulting to the latest quarter with
// data) — filing completeness with its legend, money by category and source, the education / admin shares of each
// union, balances by quarter and the §1.3(一) list. Each chart has a table beside it (「以表格檢視」), each union links
// to the filing its figures come from, and 列印摘要 prints one page.
import {
  Button,
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { type Dashboard, DEADLINE_STATE_LABELS, queryString as query, type User } from '@portfund/api-contract';
import { api } from '../api';
import { taipeiPeriodNow, taipeiTime } from '../labels';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { moneyText, percentText } from '../parts/money';
import { Panel } from '../parts/Panel';
import { PeriodQueryForm, yearProblem } from '../parts/PeriodFields';
import { TableScroll, useTableStyles } from '../parts/TableScroll';
import { type BalanceAccount, BalanceBreakdown, type BalanceCell } from '../parts/dashboard/BalanceBreakdown';
import { BalancesChart, CompletenessChart, MoneyChart, RatioChart } from '../parts/dashboard/DashboardCharts';
import { type MoneyCell, MoneyBreakdown } from '../parts/dashboard/MoneyBreakdown';
import { PrintSummary } from '../parts/dashboard/PrintSummary';
import { type StandingCell, StandingBreakdown } from '../parts/dashboard/StandingBreakdown';
import { useWidth } from '../parts/dashboard/use-width';
import { figureHref } from '../parts/FigureEntries';
import { unionHref } from './UnionPage';
import { SPEND_GROUPS } from '../parts/dashboard/spend-groups';

const LEGEND: readonly (readonly [string, string])[] = [
  [DEADLINE_STATE_LABELS.on_time, '第一個版本在到期日（該季末月最後一日，臺北時間）以前上傳。'],
  [DEADLINE_STATE_LABELS.late, '已申報，但第一個版本在到期日之後才上傳。'],
  [DEADLINE_STATE_LABELS.missing, '已過到期日，仍未上傳任何版本。'],
  [DEADLINE_STATE_LABELS.returned, '現行版本被退回申請人或勞動部退回，待工會重新上傳；其數字不計入合計。'],
  [DEADLINE_STATE_LABELS.not_due, '尚未到期，也還沒有上傳。'],
  ['審核中', '已申報但尚無核准版本：合計計入審核中的最新版本，並標示「審核中」。'],
];


/** The completeness table's state columns and their field in a row. */
const STATES = [
  ['on_time', 'onTime'],
  ['late', 'late'],
  ['missing', 'missing'],
  ['returned', 'returned'],
  ['not_due', 'notYetDue'],
] as const;

const SOURCES = [
  ['allocation', '分配款'],
  ['surplus', '結餘款／其他收入'],
  ['interest', '利息'],
  ['total', '合計'],
] as const;

const ACCOUNTS: readonly (readonly [BalanceAccount, string])[] = [
  ['special1', '專戶存款1'],
  ['special2', '專戶存款2'],
  ['fixed', '定期存款'],
  ['petty', '零用金'],
  ['total', '結存合計'],
];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  chart: { minWidth: 0, overflow: 'hidden' },
  figures: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column' },
  figureValue: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: 'tabular-nums' },
  legend: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  flag: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline', textDecorationStyle: 'dotted', cursor: 'help' },
  calm: { textDecorationLine: 'underline', textDecorationStyle: 'dotted', cursor: 'help' },
  review: { color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200 },
  noPrint: { '@media print': { display: 'none' } },
});

/** A section with a chart and its table: the chart by default, 「以表格檢視」 shows the table instead. */
/** A chart with its table alternative (a switch between the two) and the table's downloads. */
const ChartSection = ({
  title,
  tableLabel,
  download,
  chart,
  rows,
  extra,
}: {
  title: string;
  /** The table's accessible name (tests and screen readers find it by this). */
  tableLabel: string;
  /** Which dashboard table the XLSX/CSV links download. */
  download: { readonly year: number; readonly quarter: number; readonly table: string };
  chart: (width: number) => ReactNode;
  /** The table's header and body. */
  rows: ReactNode;
  extra?: ReactNode;
}) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [asTable, setAsTable] = useState(false);
  const [ref, width] = useWidth();
  return (
    <Panel title={title} actions={<Switch className={styles.noPrint} label="以表格檢視" checked={asTable} onChange={(_e, d) => setAsTable(d.checked)} />}>
      {extra}
      <div ref={ref} className={styles.chart}>
        {asTable ? (
          <TableScroll label={tableLabel}>
            <Table aria-label={tableLabel} size="small" className={table.table}>
              {rows}
            </Table>
          </TableScroll>
        ) : (
          chart(width)
        )}
      </div>
      <div className={mergeClasses(layout.inline, styles.noPrint)}>
        <Downloads {...download} />
      </div>
    </Panel>
  );
};

const Downloads = ({ year, quarter, table }: { readonly year: number; readonly quarter: number; readonly table: string }) => (
  <>
    <Link href={`/api/reports/dashboard${query({ year, quarter, table, format: 'xlsx' })}`}>下載 XLSX</Link>
    <Link href={`/api/reports/dashboard${query({ year, quarter, table, format: 'csv' })}`}>下載 CSV</Link>
  </>
);

const UnderReview = ({ on }: { readonly on: boolean }) => {
  const styles = useStyles();
  return on ? <span className={styles.review}>（審核中）</span> : null;
};

/** A union's name, a link to its own page (its quarters, each figure a link to the filing and the entries behind it). */
const UnionLink = ({ union, year, underReview = false }: { union: Dashboard['ratios'][number]['union']; year: number; underReview?: boolean }) => (
  <>
    <Link href={unionHref(union.id, year)}>{union.name}</Link>
    <UnderReview on={underReview} />
  </>
);

const RatioCell = ({ part, limit }: { readonly part: Dashboard['ratios'][number]['education']; readonly limit: string }) => {
  const styles = useStyles();
  const table = useTableStyles();
  return (
    <TableCell className={table.num}>
      <Tooltip content={part.why} relationship="description">
        <span tabIndex={0} className={part.flagged === true ? styles.flag : styles.calm}>
          {percentText(part.percent)}
          {part.flagged === true ? ` ${limit}` : ''}
        </span>
      </Tooltip>
    </TableCell>
  );
};

export const DashboardPage = ({ user }: { readonly user: User }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const now = taipeiPeriodNow(new Date());
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState('');
  const [asked, setAsked] = useState<{ year: number; quarter?: number }>({ year: now.year });
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cell, setCell] = useState<MoneyCell | null>(null);
  const [standing, setStanding] = useState<StandingCell | null>(null);
  const [balance, setBalance] = useState<BalanceCell | null>(null);

  const load = useCallback(async () => {
    setData(null);
    setCell(null);
    setBalance(null);
    setStanding(null);
    const r = await api.dashboard(asked);
    if (r.ok) {
      setData(r.value);
      setQuarter(String(r.value.quarter));
    } else setError(r.message);
  }, [asked]);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = () => {
    const problem = year === '' ? '請輸入年度' : yearProblem(year);
    if (problem !== null) return setError(problem);
    setError(null);
    setAsked({ year: Number(year), quarter: quarter === '' ? undefined : Number(quarter) });
  };
  const open = (unionId: number) => {
    if (data !== null) window.location.hash = unionHref(unionId, data.year);
  };
  const numHead = { className: table.numHead };
  const scopeName = data?.scope.name ?? user.organization.name;

  return (
    <div className={styles.page}>
      <div className={mergeClasses(styles.page, styles.noPrint)}>
        <Panel
          title={
            <>
              總覽（<span className={layout.unit}>{data === null ? asked.year : `${data.year} 年第 ${data.quarter} 季`}，</span>
              <span className={layout.unit}>{scopeName}）</span>
            </>
          }
          actions={
            <Button className={styles.noPrint} onClick={() => window.print()}>
              列印摘要
            </Button>
          }
        >
          <PeriodQueryForm className={mergeClasses(layout.row, styles.noPrint)} year={year} quarter={quarter} onYear={setYear} onQuarter={setQuarter} onApply={apply} />
          <ErrorBar error={error} />
          {data === null && error === null && <Spinner label="載入中…" />}
          {data !== null && (
            <>
              <p className={mergeClasses(layout.paragraph, layout.muted)}>
                {data.latestQuarterWithData === null ? '本年度尚無可計入的申報。' : `本年度有資料的最近一季：第 ${data.latestQuarterWithData} 季。`}
                每個工會與期間只計入最新核准版本，無核准時計入審核中的最新版本；退回、否決、被取代與撤回的版本不計入。產生時間 {taipeiTime(data.generatedAt)}。
              </p>
              <dl className={styles.figures}>
                <div className={styles.figure}>
                  <dt>計入工會數</dt>
                  <dd className={styles.figureValue}>
                    {data.money.unions}（審核中 {data.money.underReview}）
                  </dd>
                </div>
                <div className={styles.figure}>
                  <dt>分配款收入（年初至該季）</dt>
                  <dd className={styles.figureValue}>{moneyText(data.money.allocationReceived)} 元</dd>
                </div>
                <div className={styles.figure}>
                  <dt>支出合計</dt>
                  <dd className={styles.figureValue}>{moneyText(data.money.totalSpent)} 元</dd>
                </div>
                <div className={styles.figure}>
                  <dt>歷年累積結餘款（申請書決算）</dt>
                  <dd className={styles.figureValue}>
                    <Link as="button" className={styles.figureValue} onClick={() => setBalance({ kind: 'surplus' })}>
                      {moneyText(data.accumulatedSurplus.total)}
                    </Link>{' '}
                    元
                  </dd>
                </div>
              </dl>
            </>
          )}
        </Panel>
        {data !== null && (
          <>
            <Panel title={`§1.3(一) 教育訓練連續兩年未達 40%（${data.educationTwoYears.years.join('、')} 年決算）`}>
              <p className={layout.paragraph}>
                依申請書決算：教育訓練（分配款）占分配款收入連續兩年未達 40% 者，次年度不予分配。「本年度有風險」為最近一年決算未達 40%，且本年度累計比率亦未達 40% 或尚無資料的工會。
              </p>
              <TableScroll label="連續兩年未達 40% 名單">
                <Table aria-label="連續兩年未達 40% 名單" size="small" className={table.table}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={table.head}>類別</TableHeaderCell>
                      <TableHeaderCell className={table.head}>地方主管機關</TableHeaderCell>
                      <TableHeaderCell className={table.head}>工會</TableHeaderCell>
                      <TableHeaderCell className={table.head}>教育訓練比率</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.educationTwoYears.candidates.map((c) => (
                      <TableRow key={`c${c.union.id}`}>
                        <TableCell className={mergeClasses(table.cell, styles.flag)}>次年度不予分配候選</TableCell>
                        <TableCell className={table.cell}>{c.union.localGovernment?.name ?? '—'}</TableCell>
                        <TableCell className={table.name}>
                          <UnionLink union={c.union} year={data.year} />
                        </TableCell>
                        <TableCell className={table.name}>
                          {c.years.map((y, i) => (
                            <span key={y.year}>
                              {i > 0 && '、'}
                              <Link href={`#/filings/${y.application.filingId}`}>
                                {y.year} 年決算 {y.percent}
                              </Link>
                              <UnderReview on={y.application.underReview} />
                            </span>
                          ))}
                        </TableCell>
                      </TableRow>
                    ))}
                    {data.educationTwoYears.atRisk.map((c) => (
                      <TableRow key={`r${c.union.id}`}>
                        <TableCell className={table.cell}>本年度有風險</TableCell>
                        <TableCell className={table.cell}>{c.union.localGovernment?.name ?? '—'}</TableCell>
                        <TableCell className={table.name}>
                          <UnionLink union={c.union} year={data.year} />
                        </TableCell>
                        <TableCell className={table.name}>
                          <Link href={`#/filings/${c.last.application.filingId}`}>
                            {c.last.year} 年決算 {c.last.percent}
                          </Link>
                          ；本年度累計{' '}
                          {c.thisYear === null ? '尚無資料' : <Link href={`#/filings/${c.thisYear.cashbook.filingId}`}>{percentText(c.thisYear.percent)}</Link>}
                        </TableCell>
                      </TableRow>
                    ))}
                    {data.educationTwoYears.candidates.length + data.educationTwoYears.atRisk.length === 0 && (
                      <TableRow>
                        <TableCell colSpan={4}>沒有連續兩年未達 40% 或有風險的工會。</TableCell>
                      </TableRow>
                    )}
                  </TableBody>
                </Table>
              </TableScroll>
              <div className={mergeClasses(layout.inline, styles.noPrint)}>
                <Downloads year={data.year} quarter={data.quarter} table="education-two-years" />
              </div>
            </Panel>

            <ChartSection
              title="申報完整度"
              extra={
                <>
                  <p className={mergeClasses(layout.paragraph, layout.muted)}>以表格檢視時，點選件數列出其工會。</p>
                  <dl className={styles.legend} aria-label="狀態說明">
                    {LEGEND.map(([term, text]) => (
                      <div key={term} style={{ display: 'contents' }}>
                        <dt className={styles.term}>{term}</dt>
                        <dd className={styles.definition}>{text}</dd>
                      </div>
                    ))}
                  </dl>
                </>
              }
              chart={(width) => <CompletenessChart data={data} width={width} />}
              download={{ year: data.year, quarter: data.quarter, table: 'completeness' }}
              tableLabel="申報完整度"
              rows={
                <>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={table.head}>季別</TableHeaderCell>
                      <TableHeaderCell className={table.head}>地方主管機關</TableHeaderCell>
                      {['工會數', '準時', '逾期', '未申報', '退回', '未到期', '審核中'].map((h) => (
                        <TableHeaderCell key={h} className={table.head} button={numHead}>
                          {h}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.completeness.map((c) => (
                      <TableRow key={`${c.quarter}-${c.localGovernment?.id ?? 0}`}>
                        <TableCell className={table.cell}>第{c.quarter}季</TableCell>
                        <TableCell className={table.cell}>{c.localGovernment?.name ?? '未隸屬地方主管機關'}</TableCell>
                        <TableCell className={table.num}>{c.unions}</TableCell>
                        {STATES.map(([state, key]) => (
                          <TableCell key={state} className={table.num}>
                            {c[key] === 0 ? (
                              0
                            ) : (
                              <Link as="button" onClick={() => setStanding({ quarter: c.quarter, localGovernment: c.localGovernment, state })}>
                                {c[key]}
                              </Link>
                            )}
                          </TableCell>
                        ))}
                        <TableCell className={table.num}>{c.underReview}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </>
              }
            />

            {standing !== null && (
              <StandingBreakdown data={data} cell={standing} unionHref={(id) => unionHref(id, data.year)} onClose={() => setStanding(null)} />
            )}

            <ChartSection
              title="分配款與支出（類別 × 來源）"
              extra={<p className={mergeClasses(layout.paragraph, layout.muted)}>以表格檢視時，點選金額列出各工會明細，再往下到分錄與儲存格。</p>}
              chart={(width) => <MoneyChart data={data} width={width} />}
              download={{ year: data.year, quarter: data.quarter, table: 'money' }}
              tableLabel="分配款與支出"
              rows={
                <>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={table.head}>支出類別</TableHeaderCell>
                      {['分配款', '結餘款／其他收入', '利息', '合計'].map((h) => (
                        <TableHeaderCell key={h} className={table.head} button={numHead}>
                          {h}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {SPEND_GROUPS.map(([key, label]) => (
                      <TableRow key={key}>
                        <TableCell className={table.cell}>
                          {key} {label}
                        </TableCell>
                        {SOURCES.map(([source, sourceLabel]) => (
                          <TableCell key={source} className={table.num}>
                            <Link as="button" onClick={() => setCell({ group: key, groupLabel: label, source, sourceLabel })}>
                              {moneyText(data.money.spend[key][source])}
                            </Link>
                          </TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </>
              }
            />

            {cell !== null && <MoneyBreakdown data={data} cell={cell} unionHref={(id) => unionHref(id, data.year)} onClose={() => setCell(null)} />}

            <ChartSection
              title="教育訓練與行政事務費比率（每個工會一點）"
              chart={(width) => <RatioChart data={data} width={width} onOpen={open} />}
              download={{ year: data.year, quarter: data.quarter, table: 'ratios' }}
              extra={
                <p className={mergeClasses(layout.paragraph, layout.muted)}>
                  虛線為教育訓練基準 40% 與行政事務費上限 10%。點選一個點或工會名稱開啟該工會的各季趨勢；點選金額列出其分錄與儲存格。
                </p>
              }
              tableLabel="各工會比率"
              rows={
                <>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={table.head}>工會</TableHeaderCell>
                      <TableHeaderCell className={table.head} button={numHead}>
                        分配款收入
                      </TableHeaderCell>
                      <TableHeaderCell className={table.head} button={numHead}>
                        教育訓練（分配款）
                      </TableHeaderCell>
                      <TableHeaderCell className={table.head} button={numHead}>
                        教育訓練比率
                      </TableHeaderCell>
                      <TableHeaderCell className={table.head} button={numHead}>
                        行政事務費
                      </TableHeaderCell>
                      <TableHeaderCell className={table.head} button={numHead}>
                        行政事務費比率
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.ratios.map((r) => (
                      <TableRow key={r.union.id}>
                        <TableCell className={table.name}>
                          <UnionLink union={r.union} year={data.year} underReview={r.cashbook.underReview} />
                        </TableCell>
                        <TableCell className={table.num}>
                          <Link href={figureHref(r.cashbook.filingId, { figure: 'allocation' })}>{moneyText(r.allocationReceived)}</Link>
                        </TableCell>
                        <TableCell className={table.num}>
                          <Link href={figureHref(r.cashbook.filingId, { figure: 'spend', group: '1', source: 'allocation' })}>{moneyText(r.education.amount)}</Link>
                        </TableCell>
                        <RatioCell part={r.education} limit="未達 40%" />
                        <TableCell className={table.num}>
                          <Link href={figureHref(r.cashbook.filingId, { figure: 'spend', group: '6' })}>{moneyText(r.admin.amount)}</Link>
                        </TableCell>
                        <RatioCell part={r.admin} limit="超過 10%" />
                      </TableRow>
                    ))}
                  </TableBody>
                </>
              }
            />

            <ChartSection
              title="各季末帳戶餘額"
              chart={(width) => <BalancesChart data={data} width={width} />}
              download={{ year: data.year, quarter: data.quarter, table: 'balances' }}
              tableLabel="各季末帳戶餘額"
              extra={<p className={mergeClasses(layout.paragraph, layout.muted)}>以表格檢視時，點選金額列出各工會明細，再往下到登記簿的餘額儲存格。</p>}
              rows={
                <>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={table.head}>季別</TableHeaderCell>
                      {['工會數', '專戶存款1', '專戶存款2', '定期存款', '零用金', '結存合計'].map((h) => (
                        <TableHeaderCell key={h} className={table.head} button={numHead}>
                          {h}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.balances.map((b) => (
                      <TableRow key={b.quarter}>
                        <TableCell className={table.cell}>第{b.quarter}季</TableCell>
                        <TableCell className={table.num}>
                          {b.unions}
                          {b.underReview > 0 ? `（審核中 ${b.underReview}）` : ''}
                        </TableCell>
                        {ACCOUNTS.map(([account, label]) => (
                          <TableCell key={account} className={table.num}>
                            <Link as="button" onClick={() => setBalance({ kind: 'balance', quarter: b.quarter, account, label })}>
                              {moneyText(b[account])}
                            </Link>
                          </TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </>
              }
            />

            {balance !== null && <BalanceBreakdown data={data} cell={balance} unionHref={(id) => unionHref(id, data.year)} onClose={() => setBalance(null)} />}
          </>
        )}
      </div>
      {/* on paper the one-page summary replaces the interactive sections */}
      {data !== null && <PrintSummary data={data} />}
    </div>
  );
};
