// One count of the completeness table union by union (drill-down, issue 17): which unions of a local government were
// 逾期 (or 未申報, 退回 …) in a quarter, each a link to its page — from there to the filing and the entries behind it.
import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { type Dashboard, DEADLINE_STATE_LABELS } from '@portfund/api-contract';
import { Panel } from '../Panel';
import { TableScroll, useTableStyles } from '../TableScroll';

export type DeadlineState = keyof typeof DEADLINE_STATE_LABELS;

export interface StandingCell {
  readonly quarter: number;
  /** The local government's id; null for the unions attached to none. */
  readonly localGovernment: { readonly id: number; readonly name: string } | null;
  readonly state: DeadlineState;
}

export const StandingBreakdown = ({
  data,
  cell,
  unionHref,
  onClose,
}: {
  readonly data: Dashboard;
  readonly cell: StandingCell;
  readonly unionHref: (unionId: number) => string;
  readonly onClose: () => void;
}) => {
  const table = useTableStyles();
  const label = `第${cell.quarter}季 ${cell.localGovernment?.name ?? '未隸屬地方主管機關'} ${DEADLINE_STATE_LABELS[cell.state]}`;
  const known = new Set(data.completeness.flatMap((c) => (c.localGovernment === null ? [] : [c.localGovernment.id])));
  const rows = data.standings.filter((s) => {
    const lg = s.union.localGovernment !== null && known.has(s.union.localGovernment.id) ? s.union.localGovernment.id : null;
    return lg === (cell.localGovernment?.id ?? null) && s.states[cell.quarter - 1] === cell.state;
  });
  return (
    <Panel title={`申報明細：${label}`} actions={<Button onClick={onClose}>關閉明細</Button>}>
      <TableScroll label={`申報明細：${label}`}>
        <Table aria-label={`申報明細：${label}`} size="small" className={table.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={table.head}>工會</TableHeaderCell>
              <TableHeaderCell className={table.head}>統一編號</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((s) => (
              <TableRow key={s.union.id}>
                <TableCell className={table.name}>
                  <Link href={unionHref(s.union.id)}>{s.union.name}</Link>
                </TableCell>
                <TableCell className={table.cell}>{s.union.ubn ?? '—'}</TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={2}>沒有工會。</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableScroll>
    </Panel>
  );
};
