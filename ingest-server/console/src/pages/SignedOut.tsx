// What one sees signed out, by the URL hash: sign-in (#/), 忘記密碼 (#/forgot), the e-mailed link (#/reset?token=…),
// or — while no account exists and the server holds a setup code — the first-run setup.
import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { type Account, type AuthOptions, type User } from '@portfund/api-contract';
import { api } from '../api';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { LoginPage } from './LoginPage';
import { ResetPasswordPage, resetToken } from './ResetPasswordPage';
import { SetupPage } from './SetupPage';

const useHash = (): string => {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
};

/** Whether the hash is the e-mailed reset link (shown even to someone signed in: the link is for another moment). */
export const isResetLink = (hash: string): boolean => /^#\/reset(\?|$)/.test(hash);

export const SignedOut = ({
  onSignedIn,
  notice = null,
}: {
  readonly onSignedIn: (user: User, csrf: string, account: Account) => void;
  /** Why the sign-in page is back (an expired session), or null. */
  readonly notice?: string | null;
}) => {
  const hash = useHash();
  const [options, setOptions] = useState<AuthOptions | null>(null);
  useEffect(() => {
    // an unreachable server: the sign-in page says so when used
    void api.authOptions().then((r) => setOptions(r.ok ? r.value : { mail: false, setup: false }));
  }, []);
  if (isResetLink(hash)) return <ResetPasswordPage token={resetToken(hash)} />;
  if (options === null) return <Spinner label="載入中…" />;
  if (options.setup) return <SetupPage onSignedIn={onSignedIn} />;
  if (/^#\/forgot/.test(hash)) return <ForgotPasswordPage mail={options.mail} />;
  return <LoginPage onSignedIn={onSignedIn} notice={notice} />;
};
