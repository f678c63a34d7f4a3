// A filed version a reviewer returned or rejected: which version, the reviewer's role and office, when, and the opinion.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { type ReturnedReview } from '../api/server';
import { taipeiTime } from './labels';

const useStyles = makeStyles({
  line: { overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
  opinion: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: tokens.spacingVerticalXXS },
  hint: { marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

export interface ReturnedNoticeProps {
  readonly review: ReturnedReview;
  /** What to do about it, when the pane has not sent a new version yet. */
  readonly hint?: string;
}

export const ReturnedNotice = ({ review, hint }: ReturnedNoticeProps) => {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="review-opinion">
      <MessageBarBody>
        <MessageBarTitle>
          第 {review.version} 版審核結果：{review.statusLabel}
        </MessageBarTitle>
        <div className={styles.line}>
          <span className={styles.label}>{review.decisionLabel}者：</span>
          {review.roleLabel}（{review.organization}）
        </div>
        <div className={styles.line}>
          <span className={styles.label}>時間：</span>
          {taipeiTime(review.at)}
        </div>
        <div className={styles.opinion}>
          <span className={styles.label}>審核意見：</span>
          {review.opinion}
        </div>
        {hint !== undefined && <div className={styles.hint}>{hint}</div>}
      </MessageBarBody>
    </MessageBar>
  );
};
