// One organisation: its details (edit), disable or enable it, its users, and — for a union — its filings.
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type Filing, type Organization, type User } from '@portfund/api-contract';
import { api } from '../../api';
import { KIND_LABELS, periodLabel, ROLE_LABELS, STATUS_LABELS, taipeiTime } from '../../labels';
import { ErrorBar } from '../../parts/ErrorBar';
import { useLayoutStyles } from '../../parts/layout';
import { Panel } from '../../parts/Panel';
import { TableScroll, useTableStyles } from '../../parts/TableScroll';
import { ORG_KIND_LABELS, userStateLabel } from './admin-labels';
import { OrganizationForm } from './OrganizationForm';

export const OrganizationPage = ({ id, user }: { readonly id: number; readonly user: User }) => {
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [all, setAll] = useState<readonly Organization[] | null>(null);
  const [users, setUsers] = useState<readonly User[]>([]);
  const [filings, setFilings] = useState<readonly Filing[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const org = all?.find((o) => o.id === id);

  const load = useCallback(async () => {
    const r = await api.organizations();
    if (!r.ok) return setError(r.message);
    setAll(r.value.organizations);
    const found = r.value.organizations.find((o) => o.id === id);
    if (found === undefined) return setError('找不到該機關或工會');
    const members = await api.users({ organizationId: id, limit: 200 });
    if (members.ok) setUsers(members.value.users);
    if (found.ubn !== null) {
      const f = await api.filings({ ubn: found.ubn, limit: 20 });
      if (f.ok) setFilings(f.value.filings);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const setDisabled = async (disabled: boolean) => {
    setBusy(true);
    const r = await api.updateOrganization(id, { disabled });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return setError(r.message);
    setError(null);
    setAll((list) => (list ?? []).map((o) => (o.id === id ? r.value : o)));
  };

  if (org === undefined) return error === null ? <Spinner label="載入中…" /> : <ErrorBar error={error} />;
  const parent = all?.find((o) => o.id === org.parentId);
  return (
    <div className={layout.stack}>
      <p className={layout.paragraph}>
        <Link href="#/admin/orgs">← 機關與工會清單</Link>
      </p>
      <Panel title={`${org.name}（${ORG_KIND_LABELS[org.kind] ?? org.kind}${org.disabled ? '，已停用' : ''}）`}>
        <p className={layout.paragraph}>
          {org.ubn !== null && <span className={layout.unit}>統一編號 {org.ubn}・</span>}
          {parent !== undefined && <span className={layout.unit}>所屬 {parent.name}</span>}
        </p>
        <OrganizationForm key={org.id} user={user} organizations={all ?? []} existing={org} onSaved={(o) => setAll((list) => (list ?? []).map((x) => (x.id === o.id ? o : x)))} />
      </Panel>
      {org.id !== user.organization.id && (
        <Panel title={org.disabled ? '重新啟用機關' : '停用機關'}>
          <ErrorBar error={error} />
          {org.disabled ? (
            <div className={layout.inline}>
              <span>此機關已停用，其使用者無法登入。</span>
              <Button disabled={busy} onClick={() => void setDisabled(false)}>
                重新啟用此機關
              </Button>
            </div>
          ) : confirming ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>停用後，「{org.name}」的 {users.length} 位使用者會立即登出且無法再登入。確定停用？</MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" disabled={busy} onClick={() => void setDisabled(true)}>
                  確定停用
                </Button>
                <Button onClick={() => setConfirming(false)}>取消</Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <div className={layout.inline}>
              <span>停用後其使用者無法登入（資料與申報案件保留）。</span>
              <Button onClick={() => setConfirming(true)}>停用此機關…</Button>
            </div>
          )}
        </Panel>
      )}
      <Panel title={`使用者（${users.length}）`} actions={<Link href={`#/admin/users`}>新增使用者</Link>}>
        {users.length === 0 ? (
          <p className={layout.paragraph}>尚無使用者。</p>
        ) : (
          <TableScroll label="此機關的使用者">
            <Table aria-label="此機關的使用者" size="small" className={table.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={table.head}>帳號</TableHeaderCell>
                  <TableHeaderCell className={table.head}>姓名</TableHeaderCell>
                  <TableHeaderCell className={table.head}>角色</TableHeaderCell>
                  <TableHeaderCell className={table.head}>狀態</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {users.map((u) => (
                  <TableRow key={u.id}>
                    <TableCell className={table.cell}>
                      <Link href={`#/admin/users/${u.id}`}>{u.username}</Link>
                    </TableCell>
                    <TableCell className={table.cell}>{u.displayName ?? ''}</TableCell>
                    <TableCell className={table.cell}>
                      {ROLE_LABELS[u.role]}
                      {u.isAdmin ? '（管理者）' : ''}
                    </TableCell>
                    <TableCell className={table.cell}>{userStateLabel(u)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </Panel>
      {org.kind === 'union' && (
        <Panel title="申報案件（最近 20 件）">
          {filings.length === 0 ? (
            <p className={layout.paragraph}>尚無申報案件。</p>
          ) : (
            <TableScroll label="此工會的申報案件">
              <Table aria-label="此工會的申報案件" size="small" className={table.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={table.head}>期別</TableHeaderCell>
                    <TableHeaderCell className={table.head}>類別</TableHeaderCell>
                    <TableHeaderCell className={table.head}>版本</TableHeaderCell>
                    <TableHeaderCell className={table.head}>狀態</TableHeaderCell>
                    <TableHeaderCell className={table.head}>上傳時間</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {filings.map((f) => (
                    <TableRow key={f.id}>
                      <TableCell className={table.cell}>
                        <Link href={`#/filings/${f.id}`}>{periodLabel(f.year, f.quarter)}</Link>
                      </TableCell>
                      <TableCell className={table.cell}>{KIND_LABELS[f.kind]}</TableCell>
                      <TableCell className={table.num}>{f.version}</TableCell>
                      <TableCell className={table.cell}>{STATUS_LABELS[f.status]}</TableCell>
                      <TableCell className={table.cell}>{taipeiTime(f.uploadedAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
        </Panel>
      )}
    </div>
  );
};
