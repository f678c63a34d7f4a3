// 使用者: the users within reach, searched (帳號、姓名、Email) and filtered by role, organisation, state and lockout,
// a page at a time; a new user (the role follows the organisation).
import {
  Button,
  Checkbox,
  Field,
  Input,
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
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Organization, type User, type UserList } from '@portfund/api-contract';
import { api } from '../../api';
import { ROLE_LABELS } from '../../labels';
import { ErrorBar } from '../../parts/ErrorBar';
import { useLayoutStyles } from '../../parts/layout';
import { Pager } from '../../parts/Pager';
import { Panel } from '../../parts/Panel';
import { TableScroll, useTableStyles } from '../../parts/TableScroll';
import { ORG_KIND_LABELS, userStateLabel } from './admin-labels';

interface Filters {
  readonly q: string;
  readonly role: string;
  readonly organizationId: string;
  readonly disabled: string;
  readonly locked: string;
}

const EMPTY: Filters = { q: '', role: '', organizationId: '', disabled: '', locked: '' };
const PAGE = 50;

const NewUserForm = ({ organizations, onCreated }: { readonly organizations: readonly Organization[]; readonly onCreated: (u: User) => void }) => {
  const layout = useLayoutStyles();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const org = organizations.find((o) => String(o.id) === organizationId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (username.trim() === '') return setError('請填寫帳號');
    if (org === undefined) return setError('請選擇所屬機關或工會');
    setBusy(true);
    setError(null);
    const r = await api.createUser({
      username: username.trim(),
      password,
      organizationId: org.id,
      isAdmin,
      ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
      ...(email.trim() === '' ? {} : { email: email.trim() }),
    });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setUsername('');
    setDisplayName('');
    setEmail('');
    setPassword('');
    setIsAdmin(false);
    onCreated(r.value);
  };

  return (
    <form className={layout.stack} onSubmit={(e) => void submit(e)} aria-label="新增使用者">
      <div className={layout.row}>
        <Field label="帳號" required hint="英數字與 . _ @ -">
          <Input value={username} autoComplete="off" onChange={(_e, d) => setUsername(d.value)} />
        </Field>
        <Field label="姓名">
          <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
        </Field>
        <Field label="電子郵件">
          <Input value={email} type="email" onChange={(_e, d) => setEmail(d.value)} />
        </Field>
      </div>
      <div className={layout.row}>
        <Field label="所屬機關或工會" required hint={org === undefined ? '角色依所屬機關而定' : `角色：${ROLE_LABELS[org.kind as User['role']]}`}>
          <Select value={organizationId} onChange={(_e, d) => setOrganizationId(d.value)}>
            <option value="">請選擇</option>
            {organizations
              .filter((o) => !o.disabled)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}（{ORG_KIND_LABELS[o.kind] ?? o.kind}）
                </option>
              ))}
          </Select>
        </Field>
        <Field label="初始密碼" required hint="至少 10 個字元，含英文字母與數字">
          <Input value={password} type="password" autoComplete="new-password" onChange={(_e, d) => setPassword(d.value)} />
        </Field>
        <Checkbox checked={isAdmin} onChange={(_e, d) => setIsAdmin(d.checked === true)} label="系統管理者" />
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? '建立中…' : '建立使用者'}
        </Button>
      </div>
      <ErrorBar error={error} />
    </form>
  );
};

export const UsersPage = ({ user }: { readonly user: User }) => {
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<UserList | null>(null);
  const [organizations, setOrganizations] = useState<readonly Organization[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<User | null>(null);

  const load = useCallback(async () => {
    setList(null);
    const r = await api.users({ ...filters, limit: PAGE, offset });
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else setError(r.message);
  }, [filters, offset]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void api.organizations().then((r) => r.ok && setOrganizations(r.value.organizations));
  }, []);

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setFilters(draft);
  };

  return (
    <div className={layout.stack}>
      <Panel title="使用者">
        <form className={layout.row} onSubmit={search} role="search" aria-label="搜尋使用者">
          <Field label="帳號、姓名或電子郵件">
            <Input value={draft.q} onChange={(_e, d) => set('q')(d.value)} />
          </Field>
          {user.role !== 'union' && (
            <Field label="角色">
              <Select value={draft.role} onChange={(_e, d) => set('role')(d.value)}>
                <option value="">全部</option>
                {Object.entries(ROLE_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {organizations.length > 1 && (
            <Field label="機關或工會">
              <Select value={draft.organizationId} onChange={(_e, d) => set('organizationId')(d.value)}>
                <option value="">全部</option>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="狀態">
            <Select value={draft.disabled} onChange={(_e, d) => set('disabled')(d.value)}>
              <option value="">全部</option>
              <option value="false">使用中</option>
              <option value="true">已停用</option>
            </Select>
          </Field>
          <Field label="登入鎖定">
            <Select value={draft.locked} onChange={(_e, d) => set('locked')(d.value)}>
              <option value="">全部</option>
              <option value="true">鎖定中</option>
              <option value="false">未鎖定</option>
            </Select>
          </Field>
          <Button type="submit" appearance="primary">
            搜尋
          </Button>
        </form>
        <ErrorBar error={error} />
        {list === null && error === null && <Spinner label="載入中…" />}
        {list !== null && (
          <>
            <p className={mergeClasses(layout.paragraph, layout.muted)} role="status">
              共 {list.total} 位{list.total > PAGE ? `，第 ${offset + 1}–${Math.min(offset + PAGE, list.total)} 位` : ''}
            </p>
            <TableScroll label="使用者清單">
              <Table aria-label="使用者清單" size="small" className={table.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={table.head}>帳號</TableHeaderCell>
                    <TableHeaderCell className={table.head}>姓名</TableHeaderCell>
                    <TableHeaderCell className={table.head}>所屬機關</TableHeaderCell>
                    <TableHeaderCell className={table.head}>角色</TableHeaderCell>
                    <TableHeaderCell className={table.head}>狀態</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.users.map((u) => (
                    <TableRow key={u.id}>
                      <TableCell className={table.cell}>
                        <Link href={`#/admin/users/${u.id}`}>{u.username}</Link>
                      </TableCell>
                      <TableCell className={table.cell}>{u.displayName ?? ''}</TableCell>
                      <TableCell className={table.name}>{u.organization.name}</TableCell>
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
            <Pager total={list.total} offset={offset} pageSize={PAGE} onOffset={setOffset} label="使用者清單的分頁" />
          </>
        )}
      </Panel>
      <Panel title="新增使用者">
        <NewUserForm
          organizations={organizations}
          onCreated={(u) => {
            setCreated(u);
            void load();
          }}
        />
        <div className={layout.liveRegion} role="status" aria-live="polite">
          {created !== null && (
            <p className={layout.paragraph}>
              已建立使用者「<Link href={`#/admin/users/${created.id}`}>{created.username}</Link>」（{created.organization.name}）。
            </p>
          )}
        </div>
      </Panel>
    </div>
  );
};
