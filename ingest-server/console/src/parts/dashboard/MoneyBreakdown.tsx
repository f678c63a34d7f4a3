// One figure of the money table union by union (drill-down, issue 17): who spent the 1 教育訓練（分配款） of the total,
// each union a link to its page and each amount a link to the entries behind it in its counted cash book.
import { type Dashboard, type FigureEntriesParams } from '@portfund/api-contract';
import { figureHref } from '../FigureEntries';
import { UnionAmountsPanel } from './UnionAmountsPanel';

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
  const label = `${cell.group} ${cell.groupLabel}（${cell.sourceLabel}）`;
  // 結餘款 in the grid holds 其他收入 too; the entries of a cell are the same grid cell's
  const figure: FigureEntriesParams = { figure: 'spend', group: cell.group, ...(cell.source === 'total' ? {} : { source: cell.source }) };
  const rows = data.ratios
    .filter((r) => r.spend[cell.group][cell.source] !== '0')
    .map((r) => ({
      key: String(r.union.id),
      union: r.union,
      underReview: r.cashbook.underReview,
      amount: r.spend[cell.group][cell.source],
      href: figureHref(r.cashbook.filingId, figure),
    }));
  return (
    <UnionAmountsPanel
      title={`各工會明細：${label}`}
      rows={rows}
      total={data.money.spend[cell.group][cell.source]}
      empty="沒有工會在此項支出。"
      unionHref={unionHref}
      onClose={onClose}
    />
  );
};
