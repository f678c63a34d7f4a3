// The e-mailed link (#/reset?token=…): choose a new password; the link works once, for 30 minutes.
import { Button, Card, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { ErrorBar } from '../parts/ErrorBar';
import { newPasswordReady, PasswordFields } from '../parts/PasswordFields';
import { usePublicPageStyles } from '../parts/public-page';

/** The token of a #/reset?token=… hash, or null. */
export const resetToken = (hash: string): string | null => {
  const query = hash.split('?')[1] ?? '';
  const token = new URLSearchParams(query).get('token');
  return token !== null && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
};

export const ResetPasswordPage = ({ token }: { readonly token: string | null }) => {
  const styles = usePublicPageStyles();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (token === null) return;
    setBusy(true);
    setError(null);
    const r = await api.resetPassword(token, password);
    setBusy(false);
    if (r.ok) setDone(r.value.username);
    else setError(r.message);
  };

  return (
    <main className={styles.page}>
      <Card role="none" size="large" className={styles.card}>
        <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="reset-title">
          <h1 id="reset-title" className={styles.title}>
            設定新密碼
          </h1>
          {token === null && <ErrorBar error="此重設連結不完整，請從電子郵件重新開啟，或重新申請「忘記密碼」。" />}
          {done !== null ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>帳號「{done}」的新密碼已設定，所有裝置上的登入都已登出。請以新密碼登入。</MessageBarBody>
            </MessageBar>
          ) : (
            token !== null && (
              <>
                <Text>連結只能使用一次，30 分鐘內有效。設定後，此帳號在所有裝置上的登入都會登出。</Text>
                <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
                <ErrorBar error={error} />
                <Button appearance="primary" type="submit" disabled={busy || !newPasswordReady(password, confirm)}>
                  {busy ? '設定中…' : '設定新密碼'}
                </Button>
              </>
            )
          )}
          <div className={styles.links}>
            {/* a full load: someone signed in when the link was opened has just been signed out everywhere */}
            <Link href="/">{done !== null ? '前往登入' : '回到登入'}</Link>
            {done === null && <Link href="#/forgot">重新申請重設連結</Link>}
          </div>
        </form>
      </Card>
    </main>
  );
};
