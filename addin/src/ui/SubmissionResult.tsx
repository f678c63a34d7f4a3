// What the server answered for an upload: the filing (version, status, summary), its findings and a reviewer's opinion.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { type SubmitOutcome } from '../api/client';
import { type ReviewEvent } from '../api/types';
import { FindingsList } from './FindingsList';
import { type PaneFinding } from './FindingItem';
import { STATUS_LABEL, summaryText } from './labels';

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  opinion: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
});

export interface SubmissionResultProps {
  readonly outcome: SubmitOutcome;
  readonly opinion: ReviewEvent | null;
  readonly sheetOrder: readonly string[];
  readonly onSelect: (finding: PaneFinding) => void;
}

export const SubmissionResult = ({ outcome, opinion, sheetOrder, onSelect }: SubmissionResultProps) => {
  const styles = useStyles();
  if (outcome.rejected) {
    return (
      <div className={styles.box} data-testid="submission">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>伺服器未接受此檔案</MessageBarTitle>
            <div>{outcome.message}</div>
          </MessageBarBody>
        </MessageBar>
        <FindingsList findings={outcome.findings} sheetOrder={sheetOrder} onSelect={onSelect} label="伺服器檢查結果" />
      </div>
    );
  }
  const { filing, created } = outcome;
  const status = STATUS_LABEL[filing.status] ?? filing.status;
  const recon = filing.findings.filter((f) => f.source === 'recon').length;
  return (
    <div className={styles.box} data-testid="submission">
      <MessageBar intent={filing.summary.errors > 0 ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{created ? `已送出第 ${filing.version} 版` : `此檔案已於先前送出（第 ${filing.version} 版）`}</MessageBarTitle>
          <div>
            申報編號 {filing.id}・狀態：{status}・伺服器檢查：{summaryText(filing.summary)}
            {recon > 0 && `（其中 ${recon} 項為跨期勾稽）`}
          </div>
        </MessageBarBody>
      </MessageBar>
      {opinion !== null && (
        <MessageBar intent="warning" layout="multiline" data-testid="review-opinion">
          <MessageBarBody>
            <MessageBarTitle>審核意見（{status}）</MessageBarTitle>
            <div className={styles.opinion}>{opinion.opinion}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {filing.findings.length > 0 && <h2 className={styles.heading}>伺服器檢查結果</h2>}
      <FindingsList findings={filing.findings} sheetOrder={sheetOrder} onSelect={onSelect} label="伺服器檢查結果" />
    </div>
  );
};
