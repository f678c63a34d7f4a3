// 待辦: the filings waiting for the signed-in reviewer — a local government's unions' new and returned-by-the-ministry
// filings, the ministry's forwarded ones — the longest wait first, overdue ones marked. Superseded and withdrawn
// versions wait for no one and are not here.
import { Badge, Button, Link, makeStyles, mergeClasses, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type Worklist } from '@portfund/api-contract';
import { rocDateText } from '@portfund/shared-rules/src/calendar/calendar';
import { api } from '../api';
import { KIND_LABELS, periodLabel, STATUS_LABELS } from '../labels';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';
import { SummaryBadges } from '../parts/SummaryBadges';
import { TableScroll, useTableStyles } from '../parts/TableScroll';

const useStyles = makeStyles({
  overdueRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

export const WorklistPage = () => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [list, setList] = useState<Worklist | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.worklist();
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else setError(r.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Panel title="待辦：等待您審核的申報" actions={<Button onClick={() => void load()}>重新整理</Button>}>
      <ErrorBar error={error} />
      {list === null && error === null && <Spinner label="載入中…" />}
      {list !== null && (
        <>
          <p className={mergeClasses(layout.paragraph, layout.muted)} role="status">
            共 {list.total} 件{list.overdue > 0 ? `，其中 ${list.overdue} 件已超過 ${list.reviewDays} 天審核期限` : ''}；等待最久的排在最前面。
          </p>
          {list.items.length === 0 && <p className={layout.paragraph}>目前沒有等待您審核的申報。</p>}
          {list.items.length > 0 && (
            <TableScroll label="待辦清單">
              <Table aria-label="待辦清單" size="small" className={table.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={table.head}>工會</TableHeaderCell>
                    <TableHeaderCell className={table.head}>期別</TableHeaderCell>
                    <TableHeaderCell className={table.head}>類別</TableHeaderCell>
                    <TableHeaderCell className={table.head} button={{ className: table.numHead }}>
                      版本
                    </TableHeaderCell>
                    <TableHeaderCell className={table.head}>狀態</TableHeaderCell>
                    <TableHeaderCell className={table.head}>檢查結果</TableHeaderCell>
                    <TableHeaderCell className={table.head}>已等待</TableHeaderCell>
                    <TableHeaderCell className={table.head}>審核期限</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.items.map((f) => (
                    <TableRow key={f.id} className={mergeClasses(f.overdue && styles.overdueRow)}>
                      <TableCell className={table.name}>
                        <Link href={`#/filings/${f.id}`}>{f.unionName ?? f.ubn}</Link>
                      </TableCell>
                      <TableCell className={table.cell}>{periodLabel(f.year, f.quarter)}</TableCell>
                      <TableCell className={table.cell}>{KIND_LABELS[f.kind]}</TableCell>
                      <TableCell className={table.num}>{f.version}</TableCell>
                      <TableCell className={table.cell}>{STATUS_LABELS[f.status]}</TableCell>
                      <TableCell className={table.cell}>
                        <SummaryBadges {...f.summary} />
                      </TableCell>
                      <TableCell className={table.cell}>{f.waitingDays} 天</TableCell>
                      <TableCell className={table.cell}>
                        <span className={layout.inline}>
                          {rocDateText(f.reviewDueDate, 'numeric')}
                          {f.overdue && (
                            <Badge color="danger" appearance="filled">
                              逾期
                            </Badge>
                          )}
                        </span>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
        </>
      )}
    </Panel>
  );
};
