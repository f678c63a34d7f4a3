// Reconciled reports for a year and quarter: one row per union, the local-government roll-up, and their downloads.
import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { call, query } from '../api';
import { DEADLINE_STATE_LABELS } from '../../../src/services/reports/quarters';
import { moneyText, percentText } from '../parts/money';
import { PeriodFields, yearProblem } from '../parts/PeriodFields';
import { taipeiPeriodNow } from '../labels';
import { type User } from '../types';
import { ErrorBar } from '../parts/ErrorBar';

interface UnionRow {
  readonly localGovernment: { readonly name: string } | null;
  readonly union: { readonly id: number; readonly name: string; readonly ubn: string | null };
  readonly allocationReceived: string | null;
  readonly totalSpent: string | null;
  readonly educationRatio: number | null;
  readonly adminRatio: number | null;
  readonly balance: string | null;
  readonly quarters: readonly { readonly quarter: number; readonly status: keyof typeof DEADLINE_STATE_LABELS }[];
  readonly openErrors: { readonly total: number };
  readonly cashbook: { readonly filingId: number } | null;
}

interface Report {
  readonly rows: readonly UnionRow[];
}

const quarterState = (r: UnionRow, q: number): string => {
  const status = r.quarters.find((x) => x.quarter === q)?.status;
  return status === undefined ? '—' : DEADLINE_STATE_LABELS[status];
};

const Downloads = ({ path, year, quarter }: { readonly path: string; readonly year: number; readonly quarter: number }) => (
  <span className="row" style={{ gap: 8 }}>
    <a href={`${path}${query({ year, quarter, format: 'xlsx' })}`}>下載 XLSX</a>
    <a href={`${path}${query({ year, quarter, format: 'csv' })}`}>下載 CSV</a>
  </span>
);

export const ReportsPage = ({ user }: { readonly user: User }) => {
  const now = taipeiPeriodNow(new Date());
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState(String(now.quarter));
  const [shown, setShown] = useState({ year: now.year, quarter: now.quarter });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setReport(null);
    const r = await call<Report>(`/api/reports/unions${query(shown)}`);
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

  return (
    <section className="panel stack" aria-labelledby="reports-title">
      <h2 id="reports-title">
        工會報表（{shown.year} 年第 {shown.quarter} 季，年初至該季累計）
      </h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <PeriodFields year={year} quarter={quarter} onYear={setYear} onQuarter={setQuarter} />
        <Button type="submit" appearance="primary">
          查詢
        </Button>
        <Downloads path="/api/reports/unions" {...shown} />
        {user.role !== 'union' && (
          <span className="row" style={{ gap: 8 }}>
            <span className="muted">地方主管機關彙總：</span>
            <Downloads path="/api/reports/local-governments" {...shown} />
          </span>
        )}
      </form>
      <ErrorBar error={error} />
      {report === null && error === null && <Spinner label="載入中…" />}
      {report !== null && (
        <div className="table-wrap">
          <Table aria-label="工會報表" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>地方主管機關</TableHeaderCell>
                <TableHeaderCell>工會</TableHeaderCell>
                <TableHeaderCell>分配款收入</TableHeaderCell>
                <TableHeaderCell>支出合計</TableHeaderCell>
                <TableHeaderCell>教育訓練比率</TableHeaderCell>
                <TableHeaderCell>行政事務費比率</TableHeaderCell>
                <TableHeaderCell>結存</TableHeaderCell>
                {[1, 2, 3, 4].map((q) => (
                  <TableHeaderCell key={q}>第{q}季</TableHeaderCell>
                ))}
                <TableHeaderCell>未結錯誤</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={r.union.id}>
                  <TableCell>{r.localGovernment?.name ?? '—'}</TableCell>
                  <TableCell>
                    {r.cashbook !== null ? <a href={`#/filings/${r.cashbook.filingId}`}>{r.union.name}</a> : r.union.name}
                    <div className="muted">{r.union.ubn}</div>
                  </TableCell>
                  <TableCell className="num">{moneyText(r.allocationReceived)}</TableCell>
                  <TableCell className="num">{moneyText(r.totalSpent)}</TableCell>
                  <TableCell className="num">{percentText(r.educationRatio)}</TableCell>
                  <TableCell className="num">{percentText(r.adminRatio)}</TableCell>
                  <TableCell className="num">{moneyText(r.balance)}</TableCell>
                  {[1, 2, 3, 4].map((q) => (
                    <TableCell key={q}>{quarterState(r, q)}</TableCell>
                  ))}
                  <TableCell className="num">{r.openErrors.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
};
