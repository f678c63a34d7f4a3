// 機關與工會: the organisations within reach, searched by name, code or UBN and filtered by kind and state; a new local
// government (ministry administrators) or union.
import {
  Button,
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
import { type Organization, type User } from '@portfund/api-contract';
import { api } from '../../api';
import { ErrorBar } from '../../parts/ErrorBar';
import { useLayoutStyles } from '../../parts/layout';
import { Panel } from '../../parts/Panel';
import { TableScroll, useTableStyles } from '../../parts/TableScroll';
import { ORG_KIND_LABELS } from './admin-labels';
import { OrganizationForm } from './OrganizationForm';

interface Filters {
  readonly q: string;
  readonly kind: string;
  readonly disabled: string;
}

const EMPTY: Filters = { q: '', kind: '', disabled: '' };

export const OrganizationsPage = ({ user }: { readonly user: User }) => {
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [list, setList] = useState<readonly Organization[] | null>(null);
  const [all, setAll] = useState<readonly Organization[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Organization | null>(null);

  const load = useCallback(async () => {
    setList(null);
    const [r, everything] = await Promise.all([api.organizations(filters), api.organizations()]);
    if (r.ok) {
      setList(r.value.organizations);
      setError(null);
    } else setError(r.message);
    if (everything.ok) setAll(everything.value.organizations);
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (id: number | null): string => (id === null ? '' : (all.find((o) => o.id === id)?.name ?? ''));
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };

  return (
    <div className={layout.stack}>
      <Panel title="機關與工會">
        <form className={layout.row} onSubmit={search} role="search" aria-label="搜尋機關與工會">
          <Field label="名稱、代碼或統一編號">
            <Input value={draft.q} onChange={(_e, d) => set('q')(d.value)} />
          </Field>
          <Field label="類別">
            <Select value={draft.kind} onChange={(_e, d) => set('kind')(d.value)}>
              <option value="">全部</option>
              {Object.entries(ORG_KIND_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="狀態">
            <Select value={draft.disabled} onChange={(_e, d) => set('disabled')(d.value)}>
              <option value="">全部</option>
              <option value="false">使用中</option>
              <option value="true">已停用</option>
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
              共 {list.length} 個
            </p>
            <TableScroll label="機關與工會清單">
              <Table aria-label="機關與工會清單" size="small" className={table.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={table.head}>名稱</TableHeaderCell>
                    <TableHeaderCell className={table.head}>類別</TableHeaderCell>
                    <TableHeaderCell className={table.head}>統一編號</TableHeaderCell>
                    <TableHeaderCell className={table.head}>所屬機關</TableHeaderCell>
                    <TableHeaderCell className={table.head}>聯絡人</TableHeaderCell>
                    <TableHeaderCell className={table.head}>狀態</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((o) => (
                    <TableRow key={o.id}>
                      <TableCell className={table.name}>
                        <Link href={`#/admin/orgs/${o.id}`}>{o.name}</Link>
                      </TableCell>
                      <TableCell className={table.cell}>{ORG_KIND_LABELS[o.kind] ?? o.kind}</TableCell>
                      <TableCell className={table.cell}>{o.ubn ?? ''}</TableCell>
                      <TableCell className={table.name}>{nameOf(o.parentId)}</TableCell>
                      <TableCell className={table.cell}>{[o.contactName, o.contactPhone].filter((t) => t !== null).join(' ')}</TableCell>
                      <TableCell className={table.cell}>{o.disabled ? '已停用' : '使用中'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          </>
        )}
      </Panel>
      {user.role !== 'union' && (
        <Panel title={user.role === 'ministry' ? '新增地方主管機關或工會' : '新增工會'}>
          <OrganizationForm
            user={user}
            organizations={all}
            onSaved={(o) => {
              setCreated(o);
              void load();
            }}
          />
          <div className={layout.liveRegion} role="status" aria-live="polite">
            {created !== null && (
              <p className={layout.paragraph}>
                已建立「<Link href={`#/admin/orgs/${created.id}`}>{created.name}</Link>」。
              </p>
            )}
          </div>
        </Panel>
      )}
    </div>
  );
};
