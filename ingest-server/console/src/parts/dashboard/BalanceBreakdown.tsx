// The balances table union by union (drill-down, issue 17): one quarter's closing balance of an account (or of all four),
// each union a link to its page and each amount a link to the balance cells of its counted cash book; or the
// 歷年累積結餘款 union by union, each amount a link to the application it comes from.
import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { type Dashboard } from '@portfund/api-contract';
import { figureHref } from '../FigureEntries';
import { moneyText } from '../money';
import { Panel } from '../Panel';
import { TableScroll, useTableStyles } from '../TableScroll';

export type BalanceAccount = 'special1' | 'special2' | 'fixed' | 'petty' | 'total';

export type BalanceCell = { readonly kind: 'balance'; readonly quarter: number; readonly account: BalanceAccount; readonly label: string } | { readonly kind: 'surplus' };

interface Row {
  readonly key: string;
  readonly union: Dashboard['unionBalances'][number]['union'];
  readonly underReview: boolean;
  readonly amount: string;
  readonly href: string;
}

const rowsOf = (data: Dashboard, cell: BalanceCell): { title: string; rows: Row[]; total: string } => {
  if (cell.kind === 'surplus') {
    return {
      title: '各工會明細：歷年累積結餘款',
      rows: data.surplusByUnion.map((s) => ({
        key: String(s.union.id),
        union: s.union,
        underReview: s.application.underReview,
        amount: s.total,
        href: `#/filings/${s.application.filingId}`,
      })),
      total: data.accumulatedSurplus.total,
    };
  }
  const account = cell.account;
  const total = data.balances.find((b) => b.quarter === cell.quarter)?.[account] ?? '0';
  return {
    title: `各工會明細：第${cell.quarter}季 ${cell.label}`,
    rows: data.unionBalances
      .filter((b) => b.quarter === cell.quarter)
      .map((b) => ({
        key: String(b.union.id),
        union: b.union,
        underReview: b.cashbook.underReview,
        amount: b[account],
        href: figureHref(b.cashbook.filingId, account === 'total' ? { figure: 'balance' } : { figure: 'balance', account }),
      })),
    total,
  };
};

export const BalanceBreakdown = ({
  data,
  cell,
  unionHref,
  onClose,
}: {
  readonly data: Dashboard;
  readonly cell: BalanceCell;
  readonly unionHref: (unionId: number) => string;
  readonly onClose: () => void;
}) => {
  const table = useTableStyles();
  const { title, rows, total } = rowsOf(data, cell);
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
                <TableCell colSpan={3}>沒有計入的申報。</TableCell>
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
