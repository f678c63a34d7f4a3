// 數字來源 on a cash book's page: the ledger entries behind one figure (分配款收入, or a spending category × source), each
// with the workbook cell its amount sits in — the last step of the drill-down from the dashboard (issue 17). The figure
// comes from the page's address (#/filings/12?figure=spend&group=1&source=allocation), so a report links straight here.
import { Link, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { type FigureEntries as Entries, type FigureEntriesParams, queryString } from '@portfund/api-contract';
import { api } from '../api';
import { hashQuery, useHashRoute } from '../use-hash-route';
import { ErrorBar } from './ErrorBar';
import { useLayoutStyles } from './layout';
import { moneyText } from './money';
import { Panel } from './Panel';
import { TableScroll, useTableStyles } from './TableScroll';

const FIGURES: readonly (readonly [string, FigureEntriesParams])[] = [
  ['分配款收入', { figure: 'allocation' }],
  ['1 教育訓練', { figure: 'spend', group: '1' }],
  ['2 急難救助', { figure: 'spend', group: '2' }],
  ['3-1 職業災害團體保險', { figure: 'spend', group: '3-1' }],
  ['3-2 慰問金', { figure: 'spend', group: '3-2' }],
  ['4 退休補助', { figure: 'spend', group: '4' }],
  ['5 會員福利', { figure: 'spend', group: '5' }],
  ['6 行政事務費', { figure: 'spend', group: '6' }],
  ['期末餘額', { figure: 'balance' }],
];

const useStyles = makeStyles({
  figures: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyleType: 'none' },
  cellRef: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/** The address of a filing's page showing the entries behind a figure. */
export const figureHref = (filingId: number, figure: FigureEntriesParams): string => `#/filings/${filingId}${queryString({ ...figure })}`;

const figureOf = (params: URLSearchParams): FigureEntriesParams | null => {
  const figure = params.get('figure');
  if (figure === 'allocation') return { figure };
  if (figure === 'balance') {
    const account = params.get('account');
    return { figure, ...(account === null ? {} : { account }) } as FigureEntriesParams;
  }
  if (figure !== 'spend' || params.get('group') === null) return null;
  const source = params.get('source');
  return { figure, group: params.get('group') ?? undefined, ...(source === null ? {} : { source }) } as FigureEntriesParams;
};

export const FigureEntries = ({ filingId }: { readonly filingId: number }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const route = useHashRoute();
  const figure = figureOf(hashQuery(route.hash));
  const key = figure === null ? '' : queryString({ ...figure });
  const [data, setData] = useState<Entries | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    setError(null);
    // the figure again from its key (a string: the effect runs when the figure changes, not at every render)
    const asked = figureOf(new URLSearchParams(key.replace(/^\?/, '')));
    if (asked === null) return;
    void api.figureEntries(filingId, asked).then((r) => (r.ok ? setData(r.value) : setError(r.message)));
  }, [filingId, key]);

  const numHead = { className: table.numHead };
  return (
    <Panel title={data === null ? '數字來源' : `數字來源：${data.figure.label}`}>
      <p className={layout.paragraph}>選一個數字，列出構成它的分錄與金額所在的儲存格（依本版本登記簿）。</p>
      <ul className={styles.figures} aria-label="數字">
        {FIGURES.map(([label, f]) => (
          <li key={label}>
            <Link href={figureHref(filingId, f)} aria-current={queryString({ ...f }) === key ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
      <ErrorBar error={error} />
      {figure !== null && data === null && error === null && <Spinner label="載入中…" />}
      {data !== null && (
        <TableScroll label={`分錄：${data.figure.label}`}>
          <Table aria-label={`分錄：${data.figure.label}`} size="small" className={table.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={table.head}>儲存格</TableHeaderCell>
                <TableHeaderCell className={table.head}>月/日</TableHeaderCell>
                <TableHeaderCell className={table.head}>傳票序號</TableHeaderCell>
                <TableHeaderCell className={table.head}>號</TableHeaderCell>
                <TableHeaderCell className={table.head}>摘要</TableHeaderCell>
                <TableHeaderCell className={table.head}>動支類別</TableHeaderCell>
                <TableHeaderCell className={table.head}>動支帳戶</TableHeaderCell>
                <TableHeaderCell className={table.head} button={numHead}>
                  金額
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.entries.map((e) => (
                <TableRow key={e.row}>
                  <TableCell className={styles.cellRef}>{e.cell}</TableCell>
                  <TableCell className={table.cell}>{e.month === null || e.day === null ? '—' : `${e.month}/${e.day}`}</TableCell>
                  <TableCell className={table.cell}>{e.voucher ?? '—'}</TableCell>
                  <TableCell className={table.cell}>{e.no ?? '—'}</TableCell>
                  <TableCell className={table.name}>{e.summary ?? '—'}</TableCell>
                  <TableCell className={table.cell}>{e.category ?? '—'}</TableCell>
                  <TableCell className={table.cell}>{e.account ?? '—'}</TableCell>
                  <TableCell className={table.num}>{moneyText(e.amount)}</TableCell>
                </TableRow>
              ))}
              {data.entries.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8}>沒有分錄計入此數字。</TableCell>
                </TableRow>
              )}
              <TableRow>
                <TableCell colSpan={7} className={styles.total}>
                  合計（{data.entries.length} 筆）
                </TableCell>
                <TableCell className={`${table.num} ${styles.total}`}>{moneyText(data.figure.total)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
};
