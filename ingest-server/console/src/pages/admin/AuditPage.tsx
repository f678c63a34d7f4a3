// 管理紀錄: who created, changed, disabled, reset or unlocked whom, and when (民國 date-times), newest first; the log
// cannot be changed (the database refuses it).
import {
  Field,
  Link,
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
import { ADMIN_ACTIONS, type AdminAuditPage } from '@portfund/api-contract';
import { api } from '../../api';
import { taipeiTime } from '../../labels';
import { ErrorBar } from '../../parts/ErrorBar';
import { useLayoutStyles } from '../../parts/layout';
import { Pager } from '../../parts/Pager';
import { Panel } from '../../parts/Panel';
import { TableScroll, useTableStyles } from '../../parts/TableScroll';
import { ADMIN_ACTION_LABELS, detailsText } from './admin-labels';

const PAGE = 50;

export const AuditPage = () => {
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AdminAuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setPage(null);
    const r = await api.adminAudit({ ...(action === '' ? {} : { action }), limit: PAGE, offset });
    if (r.ok) {
      setPage(r.value);
      setError(null);
    } else setError(r.message);
  }, [action, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Panel title="管理紀錄">
      <div className={layout.row}>
        <Field label="動作">
          <Select
            value={action}
            onChange={(_e, d) => {
              setOffset(0);
              setAction(d.value);
            }}
          >
            <option value="">全部</option>
            {ADMIN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ADMIN_ACTION_LABELS[a]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ErrorBar error={error} />
      {page === null && error === null && <Spinner label="載入中…" />}
      {page !== null && (
        <>
          <p className={mergeClasses(layout.paragraph, layout.muted)} role="status">
            共 {page.total} 筆{page.total > PAGE ? `，第 ${offset + 1}–${Math.min(offset + PAGE, page.total)} 筆` : ''}（紀錄不能修改或刪除）
          </p>
          <TableScroll label="管理紀錄清單">
            <Table aria-label="管理紀錄清單" size="small" className={table.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={table.head}>時間</TableHeaderCell>
                  <TableHeaderCell className={table.head}>動作</TableHeaderCell>
                  <TableHeaderCell className={table.head}>執行者</TableHeaderCell>
                  <TableHeaderCell className={table.head}>對象</TableHeaderCell>
                  <TableHeaderCell className={table.head}>內容</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className={table.cell}>{taipeiTime(e.createdAt)}</TableCell>
                    <TableCell className={table.cell}>{ADMIN_ACTION_LABELS[e.action]}</TableCell>
                    <TableCell className={table.cell}>{e.actor === null ? '系統' : (e.actor.displayName ?? e.actor.username)}</TableCell>
                    <TableCell className={table.name}>
                      {e.targetUser !== null && <Link href={`#/admin/users/${e.targetUser.id}`}>{e.targetUser.username}</Link>}
                      {e.targetUser !== null && e.targetOrganization !== null && '・'}
                      {e.targetOrganization !== null && <Link href={`#/admin/orgs/${e.targetOrganization.id}`}>{e.targetOrganization.name}</Link>}
                    </TableCell>
                    <TableCell className={table.name}>{detailsText(e.details)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager total={page.total} offset={offset} pageSize={PAGE} onOffset={setOffset} label="管理紀錄的分頁" />
        </>
      )}
    </Panel>
  );
};
