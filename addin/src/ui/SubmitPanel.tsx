// The 送出 tab: sign in, send the workbook's bytes to the server, show its findings (recon included) and any opinion.
import { useState } from 'react';
import { Button, Link, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { fetchReview, isReturned, latestOpinion, submitWorkbook, type SubmitOutcome } from '../api/client';
import { clearSession, loadSession, saveSession } from '../api/session';
import { type ReviewEvent, type Session } from '../api/types';
import { type WorkbookHost } from '../office';
import { type PaneFinding } from './FindingItem';
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
  readonly opinion: ReviewEvent | null;
}

export const SubmitPanel = ({ host, validation, onSelect, announce }: SubmitPanelProps) => {
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);

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
      let opinion: ReviewEvent | null = null;
      if (!outcome.rejected && isReturned(outcome.filing.status)) {
        const review = await fetchReview(session, outcome.filing.id);
        opinion = review.ok ? latestOpinion(review.value) : null;
      }
      setSent({ outcome, opinion });
      announce(outcome.rejected ? `伺服器未接受此檔案：${outcome.message}` : `已送出，申報編號 ${outcome.filing.id}`);
    } catch (e) {
      setError(`無法讀取活頁簿檔案：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const localErrors = validation.check?.result.summary.errors ?? 0;
  return (
    <div className={styles.column}>
      <Text className={styles.who}>
        已登入 {session.user.displayName ?? session.user.username}（{session.user.organization.name}）・
        <Link as="button" onClick={signOut}>
          登出
        </Link>
      </Text>
      <Text className={styles.who}>伺服器：{session.serverUrl}</Text>
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
        <SubmissionResult outcome={sent.outcome} opinion={sent.opinion} sheetOrder={validation.check?.sheetOrder ?? []} onSelect={onSelect} />
      )}
    </div>
  );
};
