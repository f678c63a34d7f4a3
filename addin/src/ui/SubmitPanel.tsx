// The 送出 tab: sign in, say when the workbook's last filed version was returned (who, when, why), send the workbook's
// bytes to the server and show its findings (recon included) under the earlier version's opinion.
import { useEffect, useState } from 'react';
import { Button, Link, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { findReturned, keyOfFiling, submitWorkbook, type FilingKey, type ReturnedReview, type SubmitOutcome } from '../api/server';
import { clearSession, loadSession, saveSession, type Session } from '../api/session';
import { type WorkbookHost } from '../office';
import { AttachmentsSubmit } from './AttachmentsSubmit';
import { type PaneFinding } from './FindingItem';
import { ReturnedNotice } from './ReturnedNotice';
import { SignInForm } from './SignInForm';
import { SubmissionResult } from './SubmissionResult';
import { type Validation } from './use-validation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  who: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface SubmitPanelProps {
  readonly host: WorkbookHost;
  readonly validation: Validation;
  readonly onSelect: (finding: PaneFinding) => void;
  readonly announce: (message: string) => void;
}

interface Sent {
  readonly outcome: SubmitOutcome;
  readonly previous: ReturnedReview | null;
}

/** The lookup for the open workbook, remembered with the key it answers for. */
interface Earlier {
  readonly key: string;
  readonly review: ReturnedReview | null;
}

const BEFORE_SENDING = '請依審核意見修正活頁簿後再送出；送出後會建立新的版本並重新審核。';

const returnedNews = (review: ReturnedReview): string => `第 ${review.version} 版審核結果：${review.statusLabel}，審核意見：${review.opinion}`;

export const SubmitPanel = ({ host, validation, onSelect, announce }: SubmitPanelProps) => {
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  // as text: a re-check of the same workbook yields an equal key, which must not look the filings up again
  const workbookKey = validation.check?.filingKey == null ? null : JSON.stringify(validation.check.filingKey);

  useEffect(() => {
    if (session === null || workbookKey === null) return;
    let current = true;
    void findReturned(session, JSON.parse(workbookKey) as FilingKey).then((found) => {
      if (!current || !found.ok) return;
      setEarlier({ key: workbookKey, review: found.value });
      if (found.value !== null) announce(returnedNews(found.value));
    });
    return () => {
      current = false;
    };
  }, [session, workbookKey, announce]);

  if (session === null) {
    return (
      <SignInForm
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
          announce(`已登入：${s.user.displayName ?? s.user.username}`);
        }}
      />
    );
  }

  const signOut = () => {
    clearSession();
    setSession(null);
    setSent(null);
    setEarlier(null);
  };

  const send = async () => {
    const fileName = host.fileName();
    if (fileName === '') {
      setError('請先將活頁簿存檔，檔名如 11503_12345678_accounting.xlsx 或 115_12345678_application.xlsx，再送出。');
      return;
    }
    if (!host.canReadFile()) {
      setError('此版本的 Excel 無法由增益集讀取整份檔案，請改由申報網站上傳。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await submitWorkbook(session, await host.readFile(), fileName);
      if (!result.ok) {
        if (result.status === 401) signOut();
        setError(result.message);
        return;
      }
      const outcome = result.value;
      let previous: ReturnedReview | null = null;
      if (!outcome.rejected) {
        // a new upload is always a new version, 已提交: the opinion to show is the earlier version's (or, for the same
        // bytes sent again, that very version's)
        const { filing, created } = outcome;
        const found = await findReturned(session, keyOfFiling(filing), created ? filing.version - 1 : filing.version);
        previous = found.ok ? found.value : null;
      }
      setSent({ outcome, previous });
      announce(
        outcome.rejected
          ? `伺服器未接受此檔案：${outcome.message}`
          : `已送出第 ${outcome.filing.version} 版，申報編號 ${outcome.filing.id}${previous === null ? '' : `；${returnedNews(previous)}`}`,
      );
    } catch (e) {
      setError(`無法讀取活頁簿檔案：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const localErrors = validation.check?.result.summary.errors ?? 0;
  const returned = sent === null && earlier !== null && earlier.key === workbookKey ? earlier.review : null;
  return (
    <div className={styles.column}>
      <Text className={styles.who}>
        已登入 {session.user.displayName ?? session.user.username}（{session.user.organization.name}）・
        <Link as="button" onClick={signOut}>
          登出
        </Link>
      </Text>
      <Text className={styles.who}>伺服器：{session.serverUrl}</Text>
      {returned !== null && <ReturnedNotice review={returned} hint={BEFORE_SENDING} />}
      {localErrors > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>活頁簿仍有 {localErrors} 個錯誤；送出後主管機關會看到這些錯誤，建議先修正再送出。</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => void send()}>
        {busy ? '送出中…' : '送出此活頁簿'}
      </Button>
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {sent !== null && (
        <SubmissionResult outcome={sent.outcome} previous={sent.previous} sheetOrder={validation.check?.sheetOrder ?? []} onSelect={onSelect} />
      )}
      {sent !== null && !sent.outcome.rejected && <AttachmentsSubmit session={session} filing={sent.outcome.filing} announce={announce} />}
    </div>
  );
};
