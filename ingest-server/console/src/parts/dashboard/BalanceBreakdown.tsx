// The balances table union by union (drill-down, issue 17): one quarter's closing balance of an account (or of all four),
// each union a link to its page and each amount a link to the balance cells of its counted cash book; or the
// 歷年累積結餘款 union by union, each amount a link to the application it comes from.
import { type Dashboard } from '@portfund/api-contract';
import { figureHref } from '../FigureEntries';
import { type UnionAmount, UnionAmountsPanel } from './UnionAmountsPanel';

export type BalanceAccount = 'special1' | 'special2' | 'fixed' | 'petty' | 'total';

export type BalanceCell = { readonly kind: 'balance'; readonly quarter: number; readonly account: BalanceAccount; readonly label: string } | { readonly kind: 'surplus' };

const rowsOf = (data: Dashboard, cell: BalanceCell): { title: string; rows: UnionAmount[]; total: string } => {
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
  const { title, rows, total } = rowsOf(data, cell);
  return <UnionAmountsPanel title={title} rows={rows} total={total} empty="沒有計入的申報。" unionHref={unionHref} onClose={onClose} />;
};
