// A union's own page (issue 17): its quarters of a year — how each was filed and the figures of the counted cash book —
// as a chart of its education and admin shares against the 40 % and 10 % lines and as a table, every figure a link to
// the entries behind it (#/filings/12?figure=…). Reached from the dashboard: #/dashboard/unions/5?year=115; a union
// sees its own as 本會趨勢 (#/dashboard, the server answering for its own organisation only).
import { Link, makeStyles, mergeClasses, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useState } from 'react';
import { DEADLINE_STATE_LABELS, type FigureEntriesParams, queryString, type UnionTrend } from '@portfund/api-contract';
import { api } from '../api';
import { STATUS_LABELS, taipeiPeriodNow } from '../labels';
import { ErrorBar } from '../parts/ErrorBar';
import { figureHref } from '../parts/FigureEntries';
import { useLayoutStyles } from '../parts/layout';
import { moneyText, percentText } from '../parts/money';
import { Panel } from '../parts/Panel';
import { TableScroll, useTableStyles } from '../parts/TableScroll';
import { TrendChart } from '../parts/dashboard/TrendChart';
import { useWidth } from '../parts/dashboard/use-width';
import { hashQuery, useHashRoute } from '../use-hash-route';

type Quarter = UnionTrend['quarters'][number];

const useStyles = makeStyles({
  chart: { minWidth: 0, overflow: 'hidden' },
  review: { color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200 },
  flag: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  noPrint: { '@media print': { display: 'none' } },
});

/** A money figure of a quarter, a link to the entries behind it. */
const MoneyLink = ({ q, figure, value }: { readonly q: Quarter; readonly figure: FigureEntriesParams; readonly value: string | null }) =>
  q.cashbook === null || value === null ? <>—</> : <Link href={figureHref(q.cashbook.filingId, figure)}>{moneyText(value)}</Link>;

export const unionHref = (unionId: number, year: number): string => `#/dashboard/unions/${unionId}?year=${year}`;

/** `own`: the signed-in union's own page (its 本會趨勢 tab), with no way back to a dashboard it does not have. */
export const UnionPage = ({ id, own = false }: { readonly id: number; readonly own?: boolean }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const route = useHashRoute();
  const asked = Number(hashQuery(route.hash).get('year'));
  const year = Number.isInteger(asked) && asked >= 100 && asked <= 999 ? asked : taipeiPeriodNow(new Date()).year;
  const [data, setData] = useState<UnionTrend | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ref, width] = useWidth();

  useEffect(() => {
    setData(null);
    setError(null);
    void api.unionTrend(id, year).then((r) => (r.ok ? setData(r.value) : setError(r.status === 404 ? '找不到此工會（或不在您的權限範圍內）' : r.message)));
  }, [id, year]);

  const numHead = { className: table.numHead };
  const row = (label: string, cell: (q: Quarter) => ReactNode) => (
    <TableRow key={label}>
      <TableHeaderCell scope="row" className={table.cell}>
        {label}
      </TableHeaderCell>
      {data?.quarters.map((q) => (
        <TableCell key={q.quarter} className={table.num}>
          {cell(q)}
        </TableCell>
      ))}
    </TableRow>
  );

  return (
    <div className={layout.stack}>
      {!own && (
        <Link href="#/dashboard" className={styles.noPrint}>
          ← 回總覽
        </Link>
      )}
      <Panel
        title={
          <>
            <span className={layout.unit}>{data?.union.name ?? '工會'}</span>
            {'\u3000'}
            <span className={layout.unit}>{year} 年各季趨勢</span>
          </>
        }
        actions={
          <span className={mergeClasses(layout.inline, styles.noPrint)}>
            <Link href={unionHref(id, year - 1)}>{year - 1} 年</Link>
            <Link href={unionHref(id, year + 1)}>{year + 1} 年</Link>
          </span>
        }
      >
        <ErrorBar error={error} />
        {data === null && error === null && <Spinner label="載入中…" />}
        {data !== null && (
          <>
            <p className={mergeClasses(layout.paragraph, layout.muted)}>
              統一編號 {data.union.ubn ?? '—'}，{data.localGovernment?.name ?? '未隸屬地方主管機關'}。每季計入最新核准版本，無核准時計入審核中的最新版本；金額為年初至該季累計，點選金額列出其分錄與儲存格（結存為登記簿的期末餘額儲存格）。
            </p>
            <div ref={ref} className={styles.chart}>
              <TrendChart data={data} width={width} />
            </div>
            <TableScroll label="各季數字">
              <Table aria-label="各季數字" size="small" className={table.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={table.head}>項目</TableHeaderCell>
                    {data.quarters.map((q) => (
                      <TableHeaderCell key={q.quarter} className={table.head} button={numHead}>
                        第{q.quarter}季
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {row('申報狀態', (q) => DEADLINE_STATE_LABELS[q.status])}
                  {row('計入版本', (q) =>
                    q.cashbook === null ? (
                      '—'
                    ) : (
                      <>
                        <Link href={`#/filings/${q.cashbook.filingId}`}>第 {q.cashbook.version} 版</Link>
                        {q.cashbook.underReview && <span className={styles.review}>（審核中：{STATUS_LABELS[q.cashbook.status as keyof typeof STATUS_LABELS] ?? q.cashbook.status}）</span>}
                      </>
                    ),
                  )}
                  {row('分配款收入', (q) => <MoneyLink q={q} figure={{ figure: 'allocation' }} value={q.allocationReceived} />)}
                  {row('教育訓練（分配款）', (q) => <MoneyLink q={q} figure={{ figure: 'spend', group: '1', source: 'allocation' }} value={q.education} />)}
                  {row('行政事務費', (q) => <MoneyLink q={q} figure={{ figure: 'spend', group: '6' }} value={q.admin} />)}
                  {row('支出合計', (q) => moneyText(q.totalSpent))}
                  {row('教育訓練比率', (q) => (
                    <span className={q.quarter === 4 && q.educationRatio !== null && q.educationRatio < 40 ? styles.flag : undefined}>{percentText(q.educationRatio)}</span>
                  ))}
                  {row('行政事務費比率', (q) => <span className={q.adminRatio !== null && q.adminRatio > 10 ? styles.flag : undefined}>{percentText(q.adminRatio)}</span>)}
                  {row('結存', (q) => <MoneyLink q={q} figure={{ figure: 'balance' }} value={q.balance} />)}
                </TableBody>
              </Table>
            </TableScroll>
            <span className={mergeClasses(layout.inline, styles.noPrint)}>
              <Link href={`/api/reports/union-trend/${id}${queryString({ year, format: 'xlsx' })}`}>下載 XLSX</Link>
              <Link href={`/api/reports/union-trend/${id}${queryString({ year, format: 'csv' })}`}>下載 CSV</Link>
            </span>
          </>
        )}
      </Panel>
    </div>
  );
};
