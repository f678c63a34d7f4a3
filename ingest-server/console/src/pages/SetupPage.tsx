// First run: no account exists yet. The setup code printed in the server's log proves the person setting up runs the
// server; the first ministry administrator is created and signed in.
import { Button, Card, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type Account, type User } from '@portfund/api-contract';
import { api } from '../api';
import { ErrorBar } from '../parts/ErrorBar';
import { newPasswordReady, PasswordFields } from '../parts/PasswordFields';
import { usePublicPageStyles } from '../parts/public-page';

export const SetupPage = ({ onSignedIn }: { readonly onSignedIn: (user: User, csrf: string, account: Account) => void }) => {
  const styles = usePublicPageStyles();
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const created = await api.setup({
      code: code.trim(),
      username: username.trim(),
      password,
      ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
      ...(email.trim() === '' ? {} : { email: email.trim() }),
    });
    if (!created.ok) {
      setBusy(false);
      setError(created.message);
      return;
    }
    const signed = await api.login(username.trim(), password);
    setBusy(false);
    if (signed.ok) onSignedIn(signed.value.user, signed.value.csrfToken, signed.value.account);
    else setError(signed.message);
  };

  return (
    <main className={styles.page}>
      <Card role="none" size="large" className={styles.card}>
        <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
          <h1 id="setup-title" className={styles.title}>
            首次設定
          </h1>
          <MessageBar intent="info">
            <MessageBarBody>系統尚無任何帳號。請建立第一位勞動部系統管理者；之後由管理者建立地方主管機關、工會與其他帳號。</MessageBarBody>
          </MessageBar>
          <Field label="設定碼" required hint="伺服器啟動時在紀錄（主控台輸出）中印出的設定碼，例如 ABCD-EFGH-…">
            <Input value={code} onChange={(_e, d) => setCode(d.value)} name="setup-code" autoComplete="off" />
          </Field>
          <Field label="帳號" required hint="英數字與 . _ @ -">
            <Input value={username} onChange={(_e, d) => setUsername(d.value)} autoComplete="username" name="username" />
          </Field>
          <Field label="顯示名稱">
            <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} name="display-name" />
          </Field>
          <Field label="電子郵件" hint="忘記密碼時寄送重設連結">
            <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} autoComplete="email" name="email" />
          </Field>
          <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label="密碼" />
          <ErrorBar error={error} />
          <Text size={200}>設定碼只能使用一次：建立後此頁面即關閉。</Text>
          <Button appearance="primary" type="submit" disabled={busy || code.trim() === '' || username.trim().length < 3 || !newPasswordReady(password, confirm)}>
            {busy ? '建立中…' : '建立管理者並登入'}
          </Button>
        </form>
      </Card>
    </main>
  );
};
