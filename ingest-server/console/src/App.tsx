// The console shell: who is signed in (the session cookie, checked with /api/auth/me), the navigation, the page.
import { Button, CounterBadge, FluentProvider, Link, makeStyles, Spinner, Tab, TabList, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type Account, type User } from '@portfund/api-contract';
import { api, SESSION_EXPIRED_EVENT, setCsrfToken } from './api';
import { ROLE_LABELS } from './labels';
import { DashboardPage } from './pages/DashboardPage';
import { FilingPage } from './pages/FilingPage';
import { FilingsPage } from './pages/FilingsPage';
import { ImportsPage } from './pages/ImportsPage';
import { AdminPage } from './pages/admin/AdminPage';
import { AccountPage } from './pages/AccountPage';
import { isResetLink, SignedOut } from './pages/SignedOut';
import { InsecureNotice } from './parts/InsecureNotice';
import { useLayoutStyles } from './parts/layout';
import { NotificationsPage } from './pages/NotificationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { WorklistPage } from './pages/WorklistPage';
import { UnionPage } from './pages/UnionPage';
import { type Counts, useMenuCounts } from './parts/counts';
import { useHashRoute } from './use-hash-route';

type SignIn =
  | { readonly state: 'checking' }
  | { readonly state: 'out'; readonly expired?: boolean }
  | { readonly state: 'in'; readonly user: User; readonly account: Account };

const SECTIONS = [
  { key: 'dashboard', label: '總覽' },
  { key: 'worklist', label: '待辦' },
  { key: 'filings', label: '申報案件' },
  { key: 'reports', label: '報表' },
  { key: 'notifications', label: '通知訊息' },
  { key: 'imports', label: '名冊匯入' },
  { key: 'admin', label: '管理' },
] as const;

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  loading: { paddingTop: `calc(2 * ${tokens.spacingVerticalXXXL})` },
  shell: { maxWidth: '1280px', margin: '0 auto', padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXXL}`, boxSizing: 'border-box' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  // who is signed in and 登出 stay together, the name wrapping before the button does
  account: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  signOut: { flexShrink: 0 },
  // the first tab's text lines up with the title (a tab pads its text)
  // on a phone the menu wraps to a second line rather than widening the page
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`, flexWrap: 'wrap' },
  main: { paddingTop: tokens.spacingVerticalL },
  // read by screen readers, not shown (the badge shows the number)
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

// a union's 總覽 is its own trend page (本會趨勢)
const visibleSections = (user: User) =>
  SECTIONS.filter((s) => ((s.key !== 'imports' && s.key !== 'worklist') || user.role !== 'union') && (s.key !== 'admin' || user.isAdmin)).map((s) =>
    s.key === 'dashboard' && user.role === 'union' ? { ...s, label: '本會趨勢' } : s,
  );

/** The number beside a menu entry (unread notices, filings waiting for me), read out with what it counts. */
const countOf = (key: string, counts: Counts): { count: number; label: string; danger: boolean } | null => {
  if (key === 'notifications' && counts.unread !== null && counts.unread > 0) return { count: counts.unread, label: `${counts.unread} 則未讀`, danger: false };
  if (key === 'worklist' && counts.worklist !== null && counts.worklist > 0) {
    const overdue = counts.overdue ?? 0;
    return { count: counts.worklist, label: `${counts.worklist} 件待審${overdue > 0 ? `，${overdue} 件逾期` : ''}`, danger: overdue > 0 };
  }
  return null;
};

const MenuTabs = ({ user, section }: { readonly user: User; readonly section: string }) => {
  const styles = useStyles();
  const counts = useMenuCounts(user);
  return (
    <TabList className={styles.tabs} selectedValue={section} onTabSelect={(_e, d) => (window.location.hash = `#/${String(d.value)}`)}>
      {visibleSections(user).map((s) => {
        const count = countOf(s.key, counts);
        return (
          <Tab key={s.key} value={s.key}>
            {s.label}
            {count !== null && (
              <>
                {' '}
                <CounterBadge count={count.count} size="small" color={count.danger ? 'danger' : 'brand'} aria-hidden />
                <span className={styles.visuallyHidden}>（{count.label}）</span>
              </>
            )}
          </Tab>
        );
      })}
    </TabList>
  );
};

export const App = () => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [signIn, setSignIn] = useState<SignIn>({ state: 'checking' });
  const route = useHashRoute();

  useEffect(() => {
    void api.me().then((r) => {
      if (r.ok) setCsrfToken(r.value.csrfToken);
      setSignIn(r.ok ? { state: 'in', user: r.value.user, account: r.value.account } : { state: 'out' });
    });
  }, []);

  // an expired session: back to sign-in with a message; the hash route stays, so signing in returns to the same page
  useEffect(() => {
    const expired = () => {
      setCsrfToken(null);
      setSignIn((s) => (s.state === 'in' ? { state: 'out', expired: true } : s));
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, expired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, expired);
  }, []);

  const signedIn = useCallback((user: User, csrf: string, account: Account) => {
    setCsrfToken(csrf);
    setSignIn({ state: 'in', user, account });
    // after the first-run setup or a reset link, land on the console's first page
    if (!/^#\/(dashboard|worklist|filings|reports|notifications|imports|admin|account)/.test(window.location.hash)) window.location.hash = '#/filings';
  }, []);

  const accountChanged = useCallback((account: Account) => setSignIn((s) => (s.state === 'in' ? { ...s, account } : s)), []);

  const signOut = useCallback(async () => {
    await api.logout();
    setCsrfToken(null);
    setSignIn({ state: 'out' });
  }, []);

  return (
    // the page's background and height sit on a div of its own: a FluentProvider's classes are copied onto the portal
    // node its tooltips and dialogs mount in, which is laid over the page — with them it hid the first screen
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
      {signIn.state === 'checking' && <Spinner label="載入中…" className={styles.loading} />}
      <InsecureNotice />
      {(signIn.state === 'out' || (signIn.state === 'in' && isResetLink(route.hash))) && (
        <SignedOut onSignedIn={signedIn} notice={signIn.state === 'out' && signIn.expired === true ? '登入已逾時，請重新登入。登入後會回到剛才的頁面。' : null} />
      )}
      {signIn.state === 'in' && !isResetLink(route.hash) && (
        <div className={styles.shell}>
          <header className={styles.header}>
            <h1 className={styles.title}>商港服務費福利專款 審核主控台</h1>
            <div className={styles.account}>
              <Text>
                <span className={layout.unit}>{signIn.user.displayName ?? signIn.user.username}・</span>
                <span className={layout.unit}>
                  {signIn.user.organization.name}（{ROLE_LABELS[signIn.user.role]}）
                </span>
              </Text>
              <Link href="#/account" className={styles.signOut}>
                帳號設定
              </Link>
              <Button appearance="subtle" className={styles.signOut} onClick={() => void signOut()}>
                登出
              </Button>
            </div>
          </header>
          {signIn.account.mustChangePassword ? (
            <main className={styles.main}>
              <AccountPage account={signIn.account} onAccount={accountChanged} />
            </main>
          ) : (
            <>
          <nav aria-label="主選單">
            <MenuTabs user={signIn.user} section={route.section} />
          </nav>
          <main className={styles.main}>
            {route.section === 'worklist' && signIn.user.role !== 'union' && <WorklistPage />}
            {route.section === 'filings' && route.id === null && <FilingsPage user={signIn.user} />}
            {route.section === 'filings' && route.id !== null && <FilingPage id={route.id} user={signIn.user} />}
            {route.section === 'dashboard' && signIn.user.role !== 'union' && route.sub !== 'unions' && <DashboardPage user={signIn.user} />}
            {route.section === 'dashboard' && signIn.user.role !== 'union' && route.sub === 'unions' && route.id !== null && <UnionPage id={route.id} />}
            {route.section === 'dashboard' && signIn.user.role === 'union' && <UnionPage id={signIn.user.organization.id} own />}
            {route.section === 'reports' && <ReportsPage user={signIn.user} />}
            {route.section === 'notifications' && <NotificationsPage />}
            {route.section === 'imports' && signIn.user.role !== 'union' && <ImportsPage user={signIn.user} />}
            {route.section === 'admin' && signIn.user.isAdmin && <AdminPage user={signIn.user} route={route} />}
            {route.section === 'account' && <AccountPage account={signIn.account} onAccount={accountChanged} />}
          </main>
            </>
          )}
        </div>
      )}
      </div>
    </FluentProvider>
  );
};
