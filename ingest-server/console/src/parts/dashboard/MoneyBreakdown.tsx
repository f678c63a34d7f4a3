// One figure of the money table union by union (drill-down, issue 17): who spent the 1 教育訓練（分配款） of the total,
// each union a link to its page and each amount a link to the entries behind it in its counted cash book.
import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { type Dashboard, type FigureEntriesParams } from '@portfund/api-contract';
import { figureHref } from '../FigureEntries';
import { moneyText } from '../money';
import { Panel } from '../Panel';
import { TableScroll, useTableStyles } from '../TableScroll';

export type MoneySource = 'allocation' | 'surplus' | 'interest' | 'total';
export type MoneyGroup = keyof Dashboard['money']['spend'];

export interface MoneyCell {
  readonly group: MoneyGroup;
  readonly groupLabel: string;
  readonly source: MoneySource;
  readonly sourceLabel: string;
}

export const MoneyBreakdown = ({
  data,
  cell,
  unionHref,
  onClose,
}: {
  readonly data: Dashboard;
  readonly cell: MoneyCell;
  readonly unionHref: (unionId: number) => string;
  readonly onClose: () => void;
}) => {
  const table = useTableStyles();
  const label = `${cell.group} ${cell.groupLabel}（${cell.sourceLabel}）`;
  // 結餘款 in the grid holds 其他收入 too; the entries of a cell are the same grid cell's
  const figure: FigureEntriesParams = { figure: 'spend', group: cell.group, ...(cell.source === 'total' ? {} : { source: cell.source }) };
  const rows = data.ratios.filter((r) => r.spend[cell.group][cell.source] !== '0');
  return (
    <Panel title={`各工會明細：${label}`} actions={<Button onClick={onClose}>關閉明細</Button>}>
      <TableScroll label={`各工會明細：${label}`}>
        <Table aria-label={`各工會明細：${label}`} size="small" className={table.table}>
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
              <TableRow key={r.union.id}>
                <TableCell className={table.cell}>{r.union.localGovernment?.name ?? '—'}</TableCell>
                <TableCell className={table.name}>
                  <Link href={unionHref(r.union.id)}>{r.union.name}</Link>
                  {r.cashbook.underReview ? '（審核中）' : ''}
                </TableCell>
                <TableCell className={table.num}>
                  <Link href={figureHref(r.cashbook.filingId, figure)}>{moneyText(r.spend[cell.group][cell.source])}</Link>
                </TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={3}>沒有工會在此項支出。</TableCell>
              </TableRow>
            )}
            <TableRow>
              <TableCell colSpan={2}>合計（{rows.length} 個工會）</TableCell>
              <TableCell className={table.num}>{moneyText(data.money.spend[cell.group][cell.source])}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </TableScroll>
    </Panel>
  );
};
