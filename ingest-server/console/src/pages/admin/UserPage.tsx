// One user: edit name, e-mail and the administrator flag; disable or enable; reset the password (an e-mailed link or a
// temporary password shown once); lift a lockout after failed sign-ins. An administrator does none of the last three
// to themselves here (their own password is changed with the current one).
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { type PasswordResetResult, type User } from '@portfund/api-contract';
import { api } from '../../api';
import { ROLE_LABELS, taipeiTime } from '../../labels';
import { ErrorBar } from '../../parts/ErrorBar';
import { useLayoutStyles } from '../../parts/layout';
import { Panel } from '../../parts/Panel';
import { userStateLabel } from './admin-labels';

const ResetAnswer = ({ answer, email }: { readonly answer: PasswordResetResult; readonly email: string | null }) => {
  const layout = useLayoutStyles();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  if (answer.mode === 'link') {
    return answer.mailed ? (
      <MessageBar intent="success">
        <MessageBarBody>
          已寄送密碼重設連結至 {email}
          {answer.expiresAt !== undefined && `，${taipeiTime(answer.expiresAt)} 前有效`}。
        </MessageBarBody>
      </MessageBar>
    ) : (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          連結未寄出：{email === null ? '此使用者沒有電子郵件地址' : '系統未啟用電子郵件'}。請改用「產生臨時密碼」，再以電話或當面告知使用者。
        </MessageBarBody>
      </MessageBar>
    );
  }
  const copy = async () => {
    const text = answer.temporaryPassword ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // no clipboard (a plain-HTTP page): select the text so Ctrl+C copies it
      field.current?.select();
    }
  };
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody className={layout.stack}>
        <MessageBarTitle>臨時密碼（只顯示這一次）</MessageBarTitle>
        <div className={layout.row}>
          <Field label="臨時密碼">
            <Input ref={field} readOnly value={answer.temporaryPassword ?? ''} onFocus={(e) => e.currentTarget.select()} />
          </Field>
          <Button onClick={() => void copy()}>{copied ? '已複製' : '複製'}</Button>
        </div>
        <span>請以安全的方式告知使用者；使用者下次登入時必須變更密碼。</span>
      </MessageBarBody>
    </MessageBar>
  );
};

export const UserPage = ({ id, user: actor }: { readonly id: number; readonly user: User }) => {
  const layout = useLayoutStyles();
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [reset, setReset] = useState<PasswordResetResult | null>(null);
  const self = actor.id === id;

  const show = useCallback((u: User) => {
    setUser(u);
    setDisplayName(u.displayName ?? '');
    setEmail(u.email ?? '');
    setIsAdmin(u.isAdmin);
  }, []);

  useEffect(() => {
    void api.user(id).then((r) => (r.ok ? show(r.value) : setError(r.message)));
  }, [id, show]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const r = await api.updateUser(id, { displayName: displayName.trim(), email: email.trim(), ...(self ? {} : { isAdmin }) });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setError(null);
    setSaved(true);
    show(r.value);
  };

  const act = async (run: () => Promise<{ ok: true; value: User } | { ok: false; message: string }>) => {
    setBusy(true);
    setActionError(null);
    const r = await run();
    setBusy(false);
    setConfirming(false);
    if (r.ok) show(r.value);
    else setActionError(r.message);
  };

  const resetPassword = async (mode: 'link' | 'temporary') => {
    setBusy(true);
    setActionError(null);
    setReset(null);
    const r = await api.resetUserPassword(id, { mode });
    setBusy(false);
    if (r.ok) setReset(r.value);
    else setActionError(r.message);
  };

  if (user === null) return error === null ? <Spinner label="載入中…" /> : <ErrorBar error={error} />;
  return (
    <div className={layout.stack}>
      <p className={layout.paragraph}>
        <Link href="#/admin/users">← 使用者清單</Link>
      </p>
      <Panel title={`${user.username}${user.displayName === null ? '' : `（${user.displayName}）`}`}>
        <p className={layout.paragraph}>
          <span className={layout.unit}>
            <Link href={`#/admin/orgs/${user.organization.id}`}>{user.organization.name}</Link>・{ROLE_LABELS[user.role]}
            {user.isAdmin ? '（管理者）' : ''}・
          </span>
          <span className={layout.unit} data-testid="user-state">
            {userStateLabel(user)}
          </span>
        </p>
        <form className={layout.row} onSubmit={(e) => void save(e)} aria-label="修改使用者資料">
          <Field label="姓名">
            <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
          </Field>
          <Field label="電子郵件">
            <Input value={email} type="email" onChange={(_e, d) => setEmail(d.value)} />
          </Field>
          <Checkbox checked={isAdmin} disabled={self} onChange={(_e, d) => setIsAdmin(d.checked === true)} label={self ? '系統管理者（不能取消自己的權限）' : '系統管理者'} />
          <Button type="submit" appearance="primary" disabled={busy}>
            儲存變更
          </Button>
        </form>
        <ErrorBar error={error} />
        {saved && (
          <p className={layout.paragraph} role="status">
            已儲存。
          </p>
        )}
      </Panel>
      {!self && (
        <Panel title="帳號與密碼">
          {user.disabled && (
            <MessageBar intent="warning">
              <MessageBarBody>此帳號已停用：無法登入，直到重新啟用。</MessageBarBody>
            </MessageBar>
          )}
          {user.lockedUntil !== null && (
            <MessageBar intent="warning">
              <MessageBarBody>登入失敗次數過多，須等到 {taipeiTime(user.lockedUntil)} 才能再試；可按「解除登入鎖定」讓使用者立即再登入。</MessageBarBody>
            </MessageBar>
          )}
          <p className={layout.paragraph}>忘記密碼時：有電子郵件的使用者可寄送重設連結（30 分鐘內有效）；否則產生臨時密碼告知使用者，登入後須立即變更。</p>
          <div className={layout.liveRegion} role="status" aria-live="polite">
            {reset !== null && <ResetAnswer answer={reset} email={user.email} />}
          </div>
          <ErrorBar error={actionError} />
          <div className={layout.inline}>
            <Button disabled={busy} onClick={() => void resetPassword('link')}>
              寄送密碼重設連結
            </Button>
            <Button disabled={busy} onClick={() => void resetPassword('temporary')}>
              產生臨時密碼
            </Button>
            {user.lockedUntil !== null && (
              <Button disabled={busy} onClick={() => void act(() => api.unlockUser(id))}>
                解除登入鎖定
              </Button>
            )}
            {user.disabled ? (
              <Button disabled={busy} onClick={() => void act(() => api.updateUser(id, { disabled: false }))}>
                重新啟用帳號
              </Button>
            ) : (
              !confirming && <Button onClick={() => setConfirming(true)}>停用帳號…</Button>
            )}
          </div>
          {confirming && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>停用後「{user.username}」會立即登出，且無法再登入，直到重新啟用。確定停用？</MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" disabled={busy} onClick={() => void act(() => api.updateUser(id, { disabled: true }))}>
                  確定停用
                </Button>
                <Button onClick={() => setConfirming(false)}>取消</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </Panel>
      )}
    </div>
  );
};
