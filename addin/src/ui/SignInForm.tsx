// Sign in to the ingest server: server URL, username, password → a bearer token kept in this pane's sessionStorage.
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { login, normaliseServerUrl } from '../api/server';
import { type Session } from '../api/session';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** The pane is normally served by the ingest server itself: its origin is the default server URL. */
export const defaultServerUrl = (): string => (/^https?:$/.test(window.location.protocol) ? window.location.origin : '');

export const SignInForm = ({ onSignedIn }: { readonly onSignedIn: (session: Session) => void }) => {
  const styles = useStyles();
  const [server, setServer] = useState(defaultServerUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const url = normaliseServerUrl(server);
    if (url === null) {
      setError('請輸入伺服器網址，例如 https://portfund.example.gov.tw');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await login(url, username.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setPassword('');
    onSignedIn(result.value);
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="登入申報系統">
      <Text className={styles.intro}>以主管機關核發的帳號登入後即可送出此活頁簿。登入資訊只保留在此工作窗格，不會寫入活頁簿。</Text>
      <Field label="伺服器網址" required>
        <Input type="url" value={server} onChange={(_, d) => setServer(d.value)} placeholder="https://portfund.example.gov.tw" />
      </Field>
      <Field label="帳號" required>
        <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label="密碼" required>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
      </Field>
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy || username.trim() === '' || password === ''}>
        {busy ? '登入中…' : '登入'}
      </Button>
    </form>
  );
};
