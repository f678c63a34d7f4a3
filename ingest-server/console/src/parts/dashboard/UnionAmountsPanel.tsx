// A dashboard figure union by union (drill-down, issue 17): each union a link to its page and each amount a link to what
// lies behind it (the entries or cells of its counted filing), with the total the figure shows.
import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { type Dashboard } from '@portfund/api-contract';
import { moneyText } from '../money';
import { Panel } from '../Panel';
import { TableScroll, useTableStyles } from '../TableScroll';

export interface UnionAmount {
  readonly key: string;
  readonly union: Dashboard['ratios'][number]['union'];
  readonly underReview: boolean;
  readonly amount: string;
  readonly href: string;
}

export const UnionAmountsPanel = ({
  title,
  rows,
  total,
  empty,
  unionHref,
  onClose,
}: {
  readonly title: string;
  readonly rows: readonly UnionAmount[];
  readonly total: string;
  /** What the table says when no union has an amount. */
  readonly empty: string;
  readonly unionHref: (unionId: number) => string;
  readonly onClose: () => void;
}) => {
  const table = useTableStyles();
  return (
    <Panel title={title} actions={<Button onClick={onClose}>關閉明細</Button>}>
      <TableScroll label={title}>
        <Table aria-label={title} size="small" className={table.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={table.head}>地方主管機關</TableHeaderCell>
              <TableHeaderCell className={table.head}>工會</TableHeaderCell>
              <TableHeaderCell className={table.head} button={{ className: table.numHead }}>
                金額（元）
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell className={table.cell}>{r.union.localGovernment?.name ?? '—'}</TableCell>
                <TableCell className={table.name}>
                  <Link href={unionHref(r.union.id)}>{r.union.name}</Link>
                  {r.underReview ? '（審核中）' : ''}
                </TableCell>
                <TableCell className={table.num}>
                  <Link href={r.href}>{moneyText(r.amount)}</Link>
                </TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={3}>{empty}</TableCell>
              </TableRow>
            )}
            <TableRow>
              <TableCell colSpan={2}>合計（{rows.length} 個工會）</TableCell>
              <TableCell className={table.num}>{moneyText(total)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </TableScroll>
    </Panel>
  );
};
