// 帳號設定 for everyone: change one's password (the current one required; other sessions end) and whether notifications
// are also e-mailed. After signing in with a temporary password this is the only page, until the password is changed.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Switch, Text } from '@fluentui/react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { type Account } from '@portfund/api-contract';
import { api } from '../api';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';
import { newPasswordReady, PasswordFields } from '../parts/PasswordFields';

const useStyles = makeStyles({
  // a password is short: full-width inputs on a wide screen only make the form harder to scan
  form: { maxWidth: '480px' },
});

export interface AccountPageProps {
  readonly account: Account;
  readonly onAccount: (account: Account) => void;
}

export const AccountPage = ({ account, onAccount }: AccountPageProps) => {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mail, setMail] = useState<boolean | null>(null);
  const [mailError, setMailError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void api.authOptions().then((r) => setMail(r.ok ? r.value.mail : null));
  }, []);

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await api.changePassword(current, password);
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setCurrent('');
    setPassword('');
    setConfirm('');
    setDone(r.value.revokedSessions > 0 ? `密碼已變更，您在其他 ${r.value.revokedSessions} 個裝置或分頁的登入已登出。` : '密碼已變更。');
    if (account.mustChangePassword) onAccount({ ...account, mustChangePassword: false });
  };

  const toggleMail = async (on: boolean) => {
    setSaving(true);
    setMailError(null);
    const r = await api.updateAccount({ emailOptOut: !on });
    setSaving(false);
    if (r.ok) onAccount(r.value);
    else setMailError(r.message);
  };

  return (
    <div className={layout.stack}>
      {account.mustChangePassword && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>請先設定新密碼</MessageBarTitle>
            您以系統管理者提供的臨時密碼登入。為了帳號安全，請先設定只有您知道的新密碼，設定後才能使用其他功能。
          </MessageBarBody>
        </MessageBar>
      )}
      <Panel title="變更密碼">
        <form className={`${layout.stack} ${styles.form}`} onSubmit={(e) => void change(e)} aria-label="變更密碼">
          <Field label={account.mustChangePassword ? '臨時密碼' : '目前的密碼'} required>
            <Input type="password" value={current} onChange={(_e, d) => setCurrent(d.value)} autoComplete="current-password" name="current-password" />
          </Field>
          <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
          <ErrorBar error={error} />
          {done !== null && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" type="submit" disabled={busy || current === '' || !newPasswordReady(password, confirm)}>
              {busy ? '變更中…' : '變更密碼'}
            </Button>
          </div>
        </form>
      </Panel>
      {!account.mustChangePassword && (
        <Panel title="電子郵件通知">
          <div className={layout.stack}>
            <Text className={layout.paragraph}>
              通知訊息（審核結果、期限提醒、對帳警示）一律顯示在「通知訊息」頁；開啟後也寄到您的電子郵件
              {account.email === null ? '。' : `（${account.email}）。`}
            </Text>
            {mail === false && (
              <MessageBar intent="info">
                <MessageBarBody>本系統目前未設定電子郵件伺服器，暫不寄送任何電子郵件。</MessageBarBody>
              </MessageBar>
            )}
            {account.email === null && (
              <MessageBar intent="info">
                <MessageBarBody>您的帳號沒有登記電子郵件，請洽系統管理者登記後才能收到郵件與重設密碼連結。</MessageBarBody>
              </MessageBar>
            )}
            <Switch
              label="以電子郵件寄送通知"
              checked={!account.emailOptOut}
              disabled={saving}
              onChange={(_e, d) => void toggleMail(d.checked)}
            />
            <ErrorBar error={mailError} />
          </div>
        </Panel>
      )}
    </div>
  );
};
