// Sign-in with the account the ministry or the local government created; the server sets the HttpOnly session cookie.
import { Button, Card, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type Account, type User } from '@portfund/api-contract';
import { api } from '../api';
import { ErrorBar } from '../parts/ErrorBar';

const useStyles = makeStyles({
  // padding, not margin, above the card: the page's background then reaches the top of the window
  page: { padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalM}` },
  card: { maxWidth: '360px', margin: '0 auto' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

export const LoginPage = ({
  onSignedIn,
  notice = null,
}: {
  readonly onSignedIn: (user: User, csrf: string, account: Account) => void;
  readonly notice?: string | null;
}) => {
  const styles = useStyles();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.login(username.trim(), password);
    setBusy(false);
    if (r.ok) onSignedIn(r.value.user, r.value.csrfToken, r.value.account);
    else setError(r.message);
  };

  return (
    <main className={styles.page}>
      {/* the form is what a screen reader names; the card only frames it */}
      <Card role="none" size="large" className={styles.card}>
        <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
          <h1 id="login-title" className={styles.title}>
            商港服務費福利專款 審核主控台
          </h1>
          {notice !== null && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <Field label="帳號" required>
            <Input value={username} onChange={(_e, d) => setUsername(d.value)} autoComplete="username" name="username" />
          </Field>
          <Field label="密碼" required>
            <Input type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" name="password" />
          </Field>
          <ErrorBar error={error} />
          <Button appearance="primary" type="submit" disabled={busy || username.trim() === '' || password === ''}>
            {busy ? '登入中…' : '登入'}
          </Button>
          <Link href="#/forgot">忘記密碼？</Link>
        </form>
      </Card>
    </main>
  );
};
