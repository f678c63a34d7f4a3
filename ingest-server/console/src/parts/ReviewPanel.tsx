// The review decision of the signed-in reviewer (only the decisions the server allows now), and the 審核歷程.
import { Button, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { OPINION_MAX, type AllowedDecision, type ReviewSummary } from '@portfund/api-contract';
import { api } from '../api';
import { actorName, taipeiTime } from '../labels';
import { ErrorBar } from './ErrorBar';
import { useLayoutStyles } from './layout';
import { Panel } from './Panel';

const useStyles = makeStyles({
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalS },
  decision: { fontWeight: tokens.fontWeightSemibold },
  meta: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  opinion: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
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
          {h.opinion !== '' && <div className={styles.opinion}>意見：{h.opinion}</div>}
        </li>
      ))}
    </ol>
  );
};

export const ReviewPanel = ({ filingId, review, onDecided }: { readonly filingId: number; readonly review: ReviewSummary; readonly onDecided: () => void }) => {
  const layout = useLayoutStyles();
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const decide = async (d: AllowedDecision) => {
    if (d.opinionRequired && opinion.trim() === '') {
      setError(`「${d.label}」須填寫審核意見，讓申請人知道要修正什麼`);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await api.decide(filingId, { decision: d.decision, opinion: opinion.trim(), lockVersion: review.lockVersion });
    setBusy(false);
    if (!r.ok) {
      setError(r.status === 409 ? `${r.message}（已重新載入最新狀態）` : r.message);
      if (r.status === 409) onDecided();
      return;
    }
    setOpinion('');
    onDecided();
  };

  if (review.allowedDecisions.length === 0) return null;
  return (
    <Panel title="審核">
      {review.superseded && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>已有較新的第 {review.latestVersion} 版：此版本只能退回或否決。</MessageBarBody>
        </MessageBar>
      )}
      <Field label="審核意見（退回、否決必填）" hint={`最多 ${OPINION_MAX} 字`}>
        <Textarea value={opinion} onChange={(_e, d) => setOpinion(d.value)} maxLength={OPINION_MAX} resize="vertical" />
      </Field>
      <div className={layout.inline}>
        {review.allowedDecisions.map((d) => (
          <Button key={d.decision} appearance={d.decision === 'approve' || d.decision === 'accept' ? 'primary' : 'secondary'} disabled={busy} onClick={() => void decide(d)}>
            {d.label}（→ {d.toLabel}）
          </Button>
        ))}
      </div>
      <ErrorBar error={error} />
    </Panel>
  );
};
