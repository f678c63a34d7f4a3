// The console shell: who is signed in (the session cookie, checked with /api/auth/me), the navigation, the page.
import { Button, FluentProvider, makeStyles, Spinner, Tab, TabList, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type User } from '@portfund/api-contract';
import { api, setCsrfToken } from './api';
import { ROLE_LABELS } from './labels';
import { DashboardPage } from './pages/DashboardPage';
import { FilingPage } from './pages/FilingPage';
import { FilingsPage } from './pages/FilingsPage';
import { ImportsPage } from './pages/ImportsPage';
import { LoginPage } from './pages/LoginPage';
import { useLayoutStyles } from './parts/layout';
import { NotificationsPage } from './pages/NotificationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { useHashRoute } from './use-hash-route';

type SignIn = { readonly state: 'checking' } | { readonly state: 'out' } | { readonly state: 'in'; readonly user: User };

const SECTIONS = [
  { key: 'dashboard', label: '總覽' },
  { key: 'filings', label: '申報案件' },
  { key: 'reports', label: '報表' },
  { key: 'notifications', label: '通知訊息' },
  { key: 'imports', label: '名冊匯入' },
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
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  main: { paddingTop: tokens.spacingVerticalL },
});

const visibleSections = (user: User) => SECTIONS.filter((s) => (s.key !== 'imports' && s.key !== 'dashboard') || user.role !== 'union');

export const App = () => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [signIn, setSignIn] = useState<SignIn>({ state: 'checking' });
  const route = useHashRoute();

  useEffect(() => {
    void api.me().then((r) => {
      if (r.ok) setCsrfToken(r.value.csrfToken);
      setSignIn(r.ok ? { state: 'in', user: r.value.user } : { state: 'out' });
    });
  }, []);

  const signedIn = useCallback((user: User, csrf: string) => {
    setCsrfToken(csrf);
    setSignIn({ state: 'in', user });
  }, []);

  const signOut = useCallback(async () => {
    await api.logout();
    setCsrfToken(null);
    setSignIn({ state: 'out' });
  }, []);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      {signIn.state === 'checking' && <Spinner label="載入中…" className={styles.loading} />}
      {signIn.state === 'out' && <LoginPage onSignedIn={signedIn} />}
      {signIn.state === 'in' && (
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
              <Button appearance="subtle" className={styles.signOut} onClick={() => void signOut()}>
                登出
              </Button>
            </div>
          </header>
          <nav aria-label="主選單">
            <TabList className={styles.tabs} selectedValue={route.section} onTabSelect={(_e, d) => (window.location.hash = `#/${String(d.value)}`)}>
              {visibleSections(signIn.user).map((s) => (
                <Tab key={s.key} value={s.key}>
                  {s.label}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className={styles.main}>
            {route.section === 'filings' && route.id === null && <FilingsPage user={signIn.user} />}
            {route.section === 'filings' && route.id !== null && <FilingPage id={route.id} user={signIn.user} />}
            {route.section === 'dashboard' && signIn.user.role !== 'union' && <DashboardPage user={signIn.user} />}
            {route.section === 'reports' && <ReportsPage user={signIn.user} />}
            {route.section === 'notifications' && <NotificationsPage />}
            {route.section === 'imports' && signIn.user.role !== 'union' && <ImportsPage user={signIn.user} />}
          </main>
        </div>
      )}
    </FluentProvider>
  );
};
