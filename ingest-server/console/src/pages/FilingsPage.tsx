// The list of filings in the signed-in user's scope, with filters, and the upload of new workbooks.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type Filing, type User } from '@portfund/api-contract';
import { api } from '../api';
import { KIND_LABELS, periodLabel, STATUS_LABELS, taipeiTime } from '../labels';
import { PeriodFields, yearProblem } from '../parts/PeriodFields';
import { SummaryBadges } from '../parts/SummaryBadges';
import { UploadPanel } from './UploadPanel';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { Pager } from '../parts/Pager';
import { Panel } from '../parts/Panel';
import { TableScroll, useTableStyles } from '../parts/TableScroll';

interface Filters {
  readonly year: string;
  readonly quarter: string;
  readonly kind: string;
  readonly status: string;
  readonly ubn: string;
  /** '1': list the versions a newer one closed (已被取代) too. */
  readonly superseded: string;
}

const PAGE = 50;
const EMPTY: Filters = { year: '', quarter: '', kind: '', status: '', ubn: '', superseded: '' };

const useStyles = makeStyles({
  // eight digits need no more room than this
  ubn: { width: '120px' },
});

const validFilters = (f: Filters): string | null => {
  const year = yearProblem(f.year);
  if (year !== null) return year;
  if (f.ubn !== '' && !/^\d{8}$/.test(f.ubn)) return '統一編號為 8 位數字';
  return null;
};

export const FilingsPage = ({ user }: { readonly user: User }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<{ filings: readonly Filing[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setList(null);
    const r = await api.filings({ ...filters, limit: PAGE, offset });
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else setError(r.message);
  }, [filters, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = () => {
    const problem = validFilters(draft);
    setError(problem);
    if (problem !== null) return;
    setOffset(0);
    setFilters(draft);
  };

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div className={layout.stack}>
      {user.role !== 'ministry' && <UploadPanel user={user} onUploaded={() => void load()} />}
      <Panel title="申報案件">
        <form
          className={layout.row}
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <PeriodFields year={draft.year} quarter={draft.quarter} onYear={set('year')} onQuarter={set('quarter')} allowAll />
          <Field label="類別">
            <Select value={draft.kind} onChange={(_e, d) => set('kind')(d.value)}>
              <option value="">全部</option>
              {Object.entries(KIND_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="狀態">
            <Select value={draft.status} onChange={(_e, d) => set('status')(d.value)}>
              <option value="">全部</option>
              {Object.entries(STATUS_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          {user.role !== 'union' && (
            <Field label="統一編號">
              <Input value={draft.ubn} onChange={(_e, d) => set('ubn')(d.value)} className={styles.ubn} />
            </Field>
          )}
          <Checkbox label="顯示已被取代的版本" checked={draft.superseded === '1'} onChange={(_e, d) => set('superseded')(d.checked === true ? '1' : '')} />
          <Button type="submit" appearance="primary">
            查詢
          </Button>
        </form>
        <ErrorBar error={error} />
        {list === null && error === null && <Spinner label="載入中…" />}
        {list !== null && (
          <>
            <p className={mergeClasses(layout.paragraph, layout.muted)} role="status">
              共 {list.total} 件{list.total > PAGE ? `，第 ${offset + 1}–${Math.min(offset + PAGE, list.total)} 件` : ''}
            </p>
            <TableScroll label="申報案件清單">
              <Table aria-label="申報案件清單" size="small" className={table.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={table.head}>工會</TableHeaderCell>
                    <TableHeaderCell className={table.head}>統一編號</TableHeaderCell>
                    <TableHeaderCell className={table.head}>期別</TableHeaderCell>
                    <TableHeaderCell className={table.head}>類別</TableHeaderCell>
                    <TableHeaderCell className={table.head} button={{ className: table.numHead }}>
                      版本
                    </TableHeaderCell>
                    <TableHeaderCell className={table.head}>狀態</TableHeaderCell>
                    <TableHeaderCell className={table.head}>檢查結果</TableHeaderCell>
                    <TableHeaderCell className={table.head}>上傳時間</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.filings.map((f) => (
                    <TableRow key={f.id}>
                      <TableCell className={table.name}>
                        <Link href={`#/filings/${f.id}`}>{f.unionName ?? f.ubn}</Link>
                      </TableCell>
                      <TableCell className={table.cell}>{f.ubn}</TableCell>
                      <TableCell className={table.cell}>{periodLabel(f.year, f.quarter)}</TableCell>
                      <TableCell className={table.cell}>{KIND_LABELS[f.kind]}</TableCell>
                      <TableCell className={table.num}>{f.version}</TableCell>
                      <TableCell className={table.cell}>{STATUS_LABELS[f.status]}</TableCell>
                      <TableCell className={table.cell}>
                        <SummaryBadges {...f.summary} />
                      </TableCell>
                      <TableCell className={table.cell}>{taipeiTime(f.uploadedAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
            <Pager total={list.total} offset={offset} pageSize={PAGE} onOffset={setOffset} label="申報案件清單的分頁" />
          </>
        )}
      </Panel>
    </div>
  );
};
