// 忘記密碼: asks for a reset link by user name or e-mail; the answer is the same whether or not the account exists.
import { Button, Card, Field, Input, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { ErrorBar } from '../parts/ErrorBar';
import { usePublicPageStyles } from '../parts/public-page';

export const ForgotPasswordPage = ({ mail }: { readonly mail: boolean }) => {
  const styles = usePublicPageStyles();
  const [login, setLogin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.forgotPassword(login.trim());
    setBusy(false);
    if (r.ok) setSent(true);
    else setError(r.message);
  };

  return (
    <main className={styles.page}>
      <Card role="none" size="large" className={styles.card}>
        <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="forgot-title">
          <h1 id="forgot-title" className={styles.title}>
            忘記密碼
          </h1>
          {!mail && (
            <MessageBar intent="warning">
              <MessageBarBody>本系統未設定電子郵件，無法寄送重設連結。請洽您的系統管理者（工會請洽地方主管機關）重設密碼。</MessageBarBody>
            </MessageBar>
          )}
          {mail && !sent && <Text>輸入您的帳號或電子郵件地址，我們會寄送重設密碼的連結到帳號登記的電子郵件（30 分鐘內有效，只能使用一次）。</Text>}
          {sent ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>已受理。若此帳號存在且登記了電子郵件，重設連結已寄出，請於 30 分鐘內開啟。沒有收到時請檢查垃圾郵件，或洽系統管理者。</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Field label="帳號或電子郵件" required>
                <Input value={login} onChange={(_e, d) => setLogin(d.value)} autoComplete="username" name="login" disabled={!mail} />
              </Field>
              <ErrorBar error={error} />
              <Button appearance="primary" type="submit" disabled={!mail || busy || login.trim() === ''}>
                {busy ? '送出中…' : '寄送重設連結'}
              </Button>
            </>
          )}
          <Link href="#/">回到登入</Link>
        </form>
      </Card>
    </main>
  );
};
