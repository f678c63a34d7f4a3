// 管理 (administrators only): organisations, users, bulk creation and the audit log, each a page of its own
// (#/admin/orgs, #/admin/orgs/12, #/admin/users, #/admin/users/5, #/admin/bulk, #/admin/audit).
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { type User } from '@portfund/api-contract';
import { type Route } from '../../use-hash-route';
import { AuditPage } from './AuditPage';
import { BulkPage } from './BulkPage';
import { OrganizationPage } from './OrganizationPage';
import { OrganizationsPage } from './OrganizationsPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';

const PAGES = [
  { key: 'orgs', label: '機關與工會' },
  { key: 'users', label: '使用者' },
  { key: 'bulk', label: '批次建立' },
  { key: 'audit', label: '管理紀錄' },
] as const;

const useStyles = makeStyles({
  nav: { marginBottom: tokens.spacingVerticalM, marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

export const AdminPage = ({ user, route }: { readonly user: User; readonly route: Route }) => {
  const styles = useStyles();
  const page = PAGES.some((p) => p.key === route.sub) ? route.sub : 'orgs';
  return (
    <>
      <nav aria-label="管理選單" className={styles.nav}>
        <TabList size="small" selectedValue={page} onTabSelect={(_e, d) => (window.location.hash = `#/admin/${String(d.value)}`)}>
          {PAGES.map((p) => (
            <Tab key={p.key} value={p.key}>
              {p.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      {page === 'orgs' && route.id === null && <OrganizationsPage user={user} />}
      {page === 'orgs' && route.id !== null && <OrganizationPage key={route.id} id={route.id} user={user} />}
      {page === 'users' && route.id === null && <UsersPage user={user} />}
      {page === 'users' && route.id !== null && <UserPage key={route.id} id={route.id} user={user} />}
      {page === 'bulk' && <BulkPage user={user} />}
      {page === 'audit' && <AuditPage />}
    </>
  );
};
