// The review decision of the signed-in reviewer (only the decisions the server allows now), each consequential one
// confirmed in a dialog — 核准 with open errors only after ticking that they were read — the union's 撤回, notices for a
// superseded or withdrawn version, and the 審核歷程.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { OPINION_MAX, type AllowedDecision, type ReviewSummary } from '@portfund/api-contract';
import { api } from '../api';
import { actorName, taipeiTime } from '../labels';
import { announceCountsChanged } from './counts';
import { ErrorBar } from './ErrorBar';
import { useLayoutStyles } from './layout';
import { Panel } from './Panel';

const useStyles = makeStyles({
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalS },
  decision: { fontWeight: tokens.fontWeightSemibold },
  meta: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  opinion: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  acknowledged: { color: tokens.colorPaletteDarkOrangeForeground1 },
  // a dialog never wider than a phone's screen
  surface: { maxWidth: `min(560px, calc(100vw - 2 * ${tokens.spacingHorizontalL}))`, boxSizing: 'border-box' },
  dialogContent: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export const HistoryList = ({ review }: { readonly review: ReviewSummary }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <ol className={mergeClasses(layout.stack, styles.history)} aria-label="審核歷程">
      {review.history.map((h, i) => (
        <li key={i}>
          <span className={styles.decision}>{h.decisionLabel}</span>
          {'\u3000'}
          {h.fromLabel === null ? h.toLabel : `${h.fromLabel} → ${h.toLabel}`}
          <div className={mergeClasses(layout.muted, styles.meta)}>
            <span className={layout.unit}>{actorName(h.actor)}・</span>
            <span className={layout.unit}>{h.roleLabel}・</span>
            <span className={layout.unit}>{taipeiTime(h.at)}</span>
          </div>
          {h.acknowledgedErrors !== null && <div className={styles.acknowledged}>審核者已確認仍有 {h.acknowledgedErrors} 項錯誤並核准</div>}
          {h.opinion !== '' && <div className={styles.opinion}>意見：{h.opinion}</div>}
        </li>
      ))}
    </ol>
  );
};

/** What a decision's confirmation asks, in the reviewer's words. */
const question = (d: AllowedDecision): string => {
  switch (d.decision) {
    case 'approve':
      return d.to === 'ministry_review' ? '核准並轉陳勞動部？' : '核准此申報？';
    case 'return':
      return '退回此申報？';
    case 'reject':
      return '否決此申報？';
    default:
      return `${d.label}此申報？`;
  }
};

interface DecisionDialogProps {
  readonly decision: AllowedDecision;
  readonly errors: number;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onConfirm: (opinion: string, acknowledged: boolean) => void;
  readonly onCancel: () => void;
}

const DecisionDialog = ({ decision: d, errors, busy, error, onConfirm, onCancel }: DecisionDialogProps) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [opinion, setOpinion] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [problem, setProblem] = useState<{ opinion?: string; acknowledge?: string }>({});
  const mustAcknowledge = d.decision === 'approve' && errors > 0;

  const confirm = () => {
    const next: { opinion?: string; acknowledge?: string } = {};
    if (d.opinionRequired && opinion.trim() === '') next.opinion = `「${d.label}」須填寫審核意見，讓申請人知道要修正什麼`;
    if (mustAcknowledge && !acknowledged) next.acknowledge = `請先勾選確認：此申報仍有 ${errors} 項錯誤`;
    setProblem(next);
    if (next.opinion === undefined && next.acknowledge === undefined) onConfirm(opinion.trim(), acknowledged);
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{question(d)}</DialogTitle>
          <DialogContent className={styles.dialogContent}>
            <p className={layout.paragraph}>
              狀態將改為「{d.toLabel}」，並通知{d.decision === 'approve' && d.to === 'ministry_review' ? '工會與勞動部' : '工會'}。審核決定會記錄於審核歷程，無法撤銷。
            </p>
            {mustAcknowledge && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>此申報仍有 {errors} 項錯誤（見「檢查與勾稽結果」）。</MessageBarBody>
              </MessageBar>
            )}
            {mustAcknowledge && (
              <Field validationMessage={problem.acknowledge} validationState={problem.acknowledge === undefined ? 'none' : 'error'}>
                <Checkbox checked={acknowledged} onChange={(_e, data) => setAcknowledged(data.checked === true)} label={`我已閱讀 ${errors} 項錯誤並仍要核准`} />
              </Field>
            )}
            <Field
              label={d.opinionRequired ? '審核意見（退回、否決必填）' : '審核意見（選填）'}
              required={d.opinionRequired}
              hint={`最多 ${OPINION_MAX} 字`}
              validationMessage={problem.opinion}
              validationState={problem.opinion === undefined ? 'none' : 'error'}
            >
              <Textarea value={opinion} onChange={(_e, data) => setOpinion(data.value)} maxLength={OPINION_MAX} resize="vertical" />
            </Field>
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={confirm}>
              確定{d.label}
            </Button>
            <Button disabled={busy} onClick={onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

const WithdrawDialog = ({ version, busy, error, onConfirm, onCancel }: { readonly version: number; readonly busy: boolean; readonly error: string | null; readonly onConfirm: () => void; readonly onCancel: () => void }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>撤回第 {version} 版？</DialogTitle>
          <DialogContent className={styles.dialogContent}>
            <p className={layout.paragraph}>撤回後審核者不會審核此版本，地方主管機關會收到通知；您可以修正後重新上傳。撤回會記錄於審核歷程，無法撤銷。</p>
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              確定撤回
            </Button>
            <Button disabled={busy} onClick={onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

/** Notices about the version itself: a newer one closed it, or its union withdrew it. */
const VersionNotice = ({ review }: { readonly review: ReviewSummary }) => {
  if (review.status === 'superseded') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          此版本已被取代：工會已上傳第 {review.latestVersion} 版，此版本不再審核。 <Link href={`#/filings/${review.latestFilingId}`}>前往最新版本（第 {review.latestVersion} 版）</Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (review.status === 'withdrawn') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>此版本已由工會撤回，不需審核；工會可修正後上傳新版本。{review.superseded && <Link href={`#/filings/${review.latestFilingId}`}>前往最新版本（第 {review.latestVersion} 版）</Link>}</MessageBarBody>
      </MessageBar>
    );
  }
  if (review.superseded) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          已有較新的第 {review.latestVersion} 版{review.allowedDecisions.length > 0 ? '：此版本只能退回或否決' : ''}。{' '}
          <Link href={`#/filings/${review.latestFilingId}`}>前往最新版本</Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
};

type Open = { readonly kind: 'decision'; readonly decision: AllowedDecision } | { readonly kind: 'withdraw' } | null;

export const ReviewPanel = ({ filingId, review, onDecided }: { readonly filingId: number; readonly review: ReviewSummary; readonly onDecided: () => void }) => {
  const layout = useLayoutStyles();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const finish = (r: { ok: true } | { ok: false; status: number; message: string }) => {
    setBusy(false);
    if (!r.ok) {
      const message = r.status === 409 ? `${r.message}（已重新載入最新狀態）` : r.message;
      if (open !== null && r.status !== 409) {
        setDialogError(message);
        return;
      }
      setOpen(null);
      setError(message);
      if (r.status === 409) onDecided();
      return;
    }
    setOpen(null);
    setError(null);
    announceCountsChanged();
    onDecided();
  };

  const decide = async (d: AllowedDecision, opinion: string, acknowledgeErrors: boolean) => {
    setBusy(true);
    setDialogError(null);
    finish(await api.decide(filingId, { decision: d.decision, opinion, lockVersion: review.lockVersion, ...(acknowledgeErrors ? { acknowledgeErrors: true } : {}) }));
  };

  const withdraw = async () => {
    setBusy(true);
    setDialogError(null);
    finish(await api.withdraw(filingId, { lockVersion: review.lockVersion }));
  };

  const start = (d: AllowedDecision) => {
    setError(null);
    setDialogError(null);
    // taking a filing up (受理) is where reading it starts: no confirmation
    if (d.decision === 'accept') void decide(d, '', false);
    else setOpen({ kind: 'decision', decision: d });
  };

  const notice = <VersionNotice review={review} />;
  const hasNotice = review.status === 'superseded' || review.status === 'withdrawn' || review.superseded;
  if (review.allowedDecisions.length === 0 && !review.mayWithdraw && !hasNotice) return null;
  const errorsOpen = review.errors > 0;
  return (
    <Panel title={review.allowedDecisions.length > 0 ? '審核' : review.mayWithdraw ? '撤回申報' : '版本狀態'}>
      {notice}
      {review.allowedDecisions.length > 0 && errorsOpen && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>此版本仍有 {review.errors} 項錯誤：請先閱讀下方「檢查與勾稽結果」；核准須確認已閱讀這些錯誤。</MessageBarBody>
        </MessageBar>
      )}
      {review.allowedDecisions.length > 0 && (
        <div className={layout.inline}>
          {review.allowedDecisions.map((d) => (
            <Button
              key={d.decision}
              // with errors open, approving is not the suggested next step
              appearance={d.decision === 'accept' || (d.decision === 'approve' && !errorsOpen) ? 'primary' : 'secondary'}
              disabled={busy}
              onClick={() => start(d)}
            >
              {d.label}（→ {d.toLabel}）
            </Button>
          ))}
        </div>
      )}
      {review.mayWithdraw && (
        <div className={layout.stack}>
          <p className={layout.paragraph}>此版本尚未有審核者處理，您可以撤回後修正再上傳。</p>
          <div className={layout.inline}>
            <Button disabled={busy} onClick={() => setOpen({ kind: 'withdraw' })}>
              撤回此版本
            </Button>
          </div>
        </div>
      )}
      <ErrorBar error={error} />
      {open?.kind === 'decision' && (
        <DecisionDialog
          decision={open.decision}
          errors={review.errors}
          busy={busy}
          error={dialogError}
          onConfirm={(opinion, acknowledged) => void decide(open.decision, opinion, acknowledged)}
          onCancel={() => setOpen(null)}
        />
      )}
      {open?.kind === 'withdraw' && <WithdrawDialog version={review.version} busy={busy} error={dialogError} onConfirm={() => void withdraw()} onCancel={() => setOpen(null)} />}
    </Panel>
  );
};
