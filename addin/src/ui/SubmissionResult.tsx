// What the server answered for an upload: the filing (version, status, summary), the earlier version's return and the
// reviewer's opinion when there is one, then the server's findings.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { type ReturnedReview, type SubmitOutcome } from '../api/server';
import { FindingsList } from './FindingsList';
import { type PaneFinding } from './FindingItem';
import { STATUS_LABEL, summaryText } from './labels';
import { ReturnedNotice } from './ReturnedNotice';

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
});

export interface SubmissionResultProps {
  readonly outcome: SubmitOutcome;
  /** The version before this one (or this very one, sent again) when a reviewer returned or rejected it. */
  readonly previous: ReturnedReview | null;
  readonly sheetOrder: readonly string[];
  readonly onSelect: (finding: PaneFinding) => void;
}

export const SubmissionResult = ({ outcome, previous, sheetOrder, onSelect }: SubmissionResultProps) => {
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
        {outcome.findings.length > 0 && <h2 className={styles.heading}>伺服器檢查結果</h2>}
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
      {previous !== null && <ReturnedNotice review={previous} />}
      {filing.findings.length > 0 && <h2 className={styles.heading}>伺服器檢查結果</h2>}
      <FindingsList findings={filing.findings} sheetOrder={sheetOrder} onSelect={onSelect} label="伺服器檢查結果" />
    </div>
  );
};
