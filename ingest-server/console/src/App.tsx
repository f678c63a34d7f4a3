// The console shell: who is signed in (the session cookie, checked with /api/auth/me), the navigation, the page.
import { Button, FluentProvider, Spinner, Tab, TabList, Text, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type User } from '@portfund/api-contract';
import { api, setCsrfToken } from './api';
import { ROLE_LABELS } from './labels';
import { FilingPage } from './pages/FilingPage';
import { FilingsPage } from './pages/FilingsPage';
import { ImportsPage } from './pages/ImportsPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { useHashRoute } from './use-hash-route';

type SignIn = { readonly state: 'checking' } | { readonly state: 'out' } | { readonly state: 'in'; readonly user: User };

const SECTIONS = [
  { key: 'filings', label: '申報案件' },
  { key: 'reports', label: '報表' },
  { key: 'notifications', label: '通知訊息' },
  { key: 'imports', label: '名冊匯入' },
] as const;

const visibleSections = (user: User) => SECTIONS.filter((s) => s.key !== 'imports' || user.role !== 'union');

export const App = () => {
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
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      {signIn.state === 'checking' && <Spinner label="載入中…" style={{ marginTop: 80 }} />}
      {signIn.state === 'out' && <LoginPage onSignedIn={signedIn} />}
      {signIn.state === 'in' && (
        <div className="console">
          <header className="console-header">
            <h1 className="console-title">商港服務費福利專款 審核主控台</h1>
            <Text>
              {signIn.user.displayName ?? signIn.user.username}・{signIn.user.organization.name}（{ROLE_LABELS[signIn.user.role]}）
            </Text>
            <Button appearance="subtle" onClick={() => void signOut()}>
              登出
            </Button>
          </header>
          <nav aria-label="主選單">
            <TabList selectedValue={route.section} onTabSelect={(_e, d) => (window.location.hash = `#/${String(d.value)}`)}>
              {visibleSections(signIn.user).map((s) => (
                <Tab key={s.key} value={s.key}>
                  {s.label}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className="console-main">
            {route.section === 'filings' && route.id === null && <FilingsPage user={signIn.user} />}
            {route.section === 'filings' && route.id !== null && <FilingPage id={route.id} user={signIn.user} />}
            {route.section === 'reports' && <ReportsPage user={signIn.user} />}
            {route.section === 'notifications' && <NotificationsPage />}
            {route.section === 'imports' && signIn.user.role !== 'union' && <ImportsPage user={signIn.user} />}
          </main>
        </div>
      )}
    </FluentProvider>
  );
};
