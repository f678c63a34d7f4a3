// Reconciled reports for a year and quarter: one row per union, the local-government roll-up, and their downloads. The
// figures are the counted version's (latest approved, else latest under review, marked 審核中; a returned book never).
import {
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { DEADLINE_STATE_LABELS, queryString as query, type UnionReport, type UnionReportRow, type User } from '@portfund/api-contract';
import { api } from '../api';
import { moneyText, percentText } from '../parts/money';
import { PeriodQueryForm, yearProblem } from '../parts/PeriodFields';
import { taipeiPeriodNow } from '../labels';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';
import { TableScroll, useTableStyles } from '../parts/TableScroll';

const quarterState = (r: UnionReportRow, q: number): string => {
  const status = r.quarters.find((x) => x.quarter === q)?.status;
  return status === undefined ? '—' : DEADLINE_STATE_LABELS[status];
};

const useStyles = makeStyles({
  downloads: { columnGap: tokens.spacingHorizontalL },
  ubn: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  review: { color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200 },
});

const Downloads = ({ path, year, quarter }: { readonly path: string; readonly year: number; readonly quarter: number }) => {
  const layout = useLayoutStyles();
  return (
    <span className={layout.inline}>
      <Link href={`${path}${query({ year, quarter, format: 'xlsx' })}`}>下載 XLSX</Link>
      <Link href={`${path}${query({ year, quarter, format: 'csv' })}`}>下載 CSV</Link>
    </span>
  );
};

export const ReportsPage = ({ user }: { readonly user: User }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const now = taipeiPeriodNow(new Date());
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState(String(now.quarter));
  const [shown, setShown] = useState({ year: now.year, quarter: now.quarter });
  const [report, setReport] = useState<UnionReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setReport(null);
    const r = await api.unionReport(shown);
    if (r.ok) setReport(r.value);
    else setError(r.message);
  }, [shown]);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = () => {
    if (year === '') return setError('請輸入年度');
    const problem = yearProblem(year);
    if (problem !== null) return setError(problem);
    setError(null);
    setShown({ year: Number(year), quarter: Number(quarter) });
  };

  const numHead = { className: table.numHead };
  return (
    <Panel
      title={
        <>
          工會報表（<span className={layout.unit}>{shown.year} 年第 {shown.quarter} 季，</span>
          <span className={layout.unit}>年初至該季累計）</span>
        </>
      }
    >
      <PeriodQueryForm className={layout.row} year={year} quarter={quarter} onYear={setYear} onQuarter={setQuarter} onApply={apply} />
      {/* the downloads are of the quarter shown, not of the form's draft: they sit apart from the form */}
      <div className={mergeClasses(layout.inline, styles.downloads)}>
        <Downloads path="/api/reports/unions" {...shown} />
        {user.role !== 'union' && (
          <span className={layout.inline}>
            <span className={layout.muted}>地方主管機關彙總：</span>
            <Downloads path="/api/reports/local-governments" {...shown} />
          </span>
        )}
      </div>
      <p className={mergeClasses(layout.paragraph, layout.muted)}>
        每個工會與期間只計入最新核准版本，無核准時計入審核中的最新版本（標示「審核中」）；退回、否決、被取代與撤回的版本不計入。各季欄為申報狀態。
      </p>
      <ErrorBar error={error} />
      {report === null && error === null && <Spinner label="載入中…" />}
      {report !== null && (
        <TableScroll label="工會報表">
          <Table aria-label="工會報表" size="small" className={table.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={table.head}>地方主管機關</TableHeaderCell>
                <TableHeaderCell className={table.head}>工會</TableHeaderCell>
                <TableHeaderCell className={table.head} button={numHead}>
                  分配款收入
                </TableHeaderCell>
                <TableHeaderCell className={table.head} button={numHead}>
                  支出合計
                </TableHeaderCell>
                <TableHeaderCell className={table.head} button={numHead}>
                  教育訓練比率
                </TableHeaderCell>
                <TableHeaderCell className={table.head} button={numHead}>
                  行政事務費比率
                </TableHeaderCell>
                <TableHeaderCell className={table.head} button={numHead}>
                  結存
                </TableHeaderCell>
                {[1, 2, 3, 4].map((q) => (
                  <TableHeaderCell key={q} className={table.head}>
                    第{q}季
                  </TableHeaderCell>
                ))}
                <TableHeaderCell className={table.head} button={numHead}>
                  未結錯誤
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={r.union.id}>
                  <TableCell className={table.cell}>{r.localGovernment?.name ?? '—'}</TableCell>
                  <TableCell className={table.name}>
                    {r.cashbook !== null ? <Link href={`#/filings/${r.cashbook.filingId}`}>{r.union.name}</Link> : r.union.name}
                    {r.cashbook?.underReview === true && <span className={styles.review}>（審核中）</span>}
                    <div className={mergeClasses(layout.muted, styles.ubn)}>{r.union.ubn}</div>
                  </TableCell>
                  <TableCell className={table.num}>{moneyText(r.allocationReceived)}</TableCell>
                  <TableCell className={table.num}>{moneyText(r.totalSpent)}</TableCell>
                  <TableCell className={table.num}>{percentText(r.educationRatio)}</TableCell>
                  <TableCell className={table.num}>{percentText(r.adminRatio)}</TableCell>
                  <TableCell className={table.num}>{moneyText(r.balance)}</TableCell>
                  {[1, 2, 3, 4].map((q) => (
                    <TableCell key={q} className={table.cell}>
                      {quarterState(r, q)}
                    </TableCell>
                  ))}
                  <TableCell className={table.num}>{r.openErrors.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
};
