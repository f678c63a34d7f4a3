// One filing: what it is, its findings cell by cell, the original file, the review decision and the 審核歷程.
import { Link, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { type FilingWithFindings, type ReviewSummary, type User } from '@portfund/api-contract';
import { api } from '../api';
import { KIND_LABELS, periodLabel, STATUS_LABELS, taipeiTime } from '../labels';
import { AttachmentsPanel } from '../parts/AttachmentsPanel';
import { FigureEntries } from '../parts/FigureEntries';
import { FindingsTable } from '../parts/FindingsTable';
import { HistoryList, ReviewPanel } from '../parts/ReviewPanel';
import { SummaryBadges } from '../parts/SummaryBadges';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';

type Loaded = { readonly filing: FilingWithFindings; readonly review: ReviewSummary };

const useStyles = makeStyles({
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`, margin: 0 },
  term: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  value: { margin: 0 },
  // a link as wide as its text, not the card (a long file name wraps rather than widening the page)
  link: { alignSelf: 'flex-start', overflowWrap: 'anywhere' },
});

const Fact = ({ term, children, testId }: { readonly term: string; readonly children: ReactNode; readonly testId?: string }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <div>
      <dt className={mergeClasses(layout.muted, styles.term)}>{term}</dt>
      <dd className={styles.value} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
};

export const FilingPage = ({ id, user }: { readonly id: number; readonly user: User }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [filing, review] = await Promise.all([api.filing(id), api.review(id)]);
    if (!filing.ok) return setError(filing.status === 404 ? '找不到此申報案件（或不在您的權限範圍內）' : filing.message);
    if (!review.ok) return setError(review.message);
    setError(null);
    setLoaded({ filing: filing.value, review: review.value });
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error !== null) return <ErrorBar error={error} />;
  if (loaded === null) return <Spinner label="載入中…" />;
  const { filing, review } = loaded;
  return (
    <div className={layout.stack}>
      <Link href="#/filings" className={mergeClasses('no-print', styles.link)}>
        ← 回申報案件清單
      </Link>
      <Panel
        title={
          <>
            <span className={layout.unit}>{filing.unionName ?? filing.ubn}</span>
            {'\u3000'}
            <span className={layout.unit}>{periodLabel(filing.year, filing.quarter)}</span>
            {'\u3000'}
            <span className={layout.unit}>{KIND_LABELS[filing.kind]}</span>
          </>
        }
      >
        <dl className={styles.facts}>
          <Fact term="統一編號">{filing.ubn}</Fact>
          <Fact term="版本">
            第 {filing.version} 版
            {review.latestVersion > filing.version && (
              <>
                （<Link href={`#/filings/${review.latestFilingId}`}>最新為第 {review.latestVersion} 版</Link>）
              </>
            )}
          </Fact>
          <Fact term="狀態" testId="status">
            {STATUS_LABELS[review.status]}
          </Fact>
          <Fact term="範本版本">{filing.templateVersion}</Fact>
          <Fact term="上傳時間">{taipeiTime(filing.uploadedAt)}</Fact>
          <Fact term="檢查結果">
            <SummaryBadges {...filing.summary} />
          </Fact>
        </dl>
        {/* the clean copy: a fresh template of the filing's version with its values; the uploaded bytes are for audit only */}
        <Link href={`/api/filings/${filing.id}/file`} download={filing.fileName} className={mergeClasses('no-print', styles.link)}>
          下載活頁簿（{filing.fileName}，依範本重新產生的乾淨檔案）
        </Link>
      </Panel>
      {filing.kind === 'cashbook' && <FigureEntries filingId={filing.id} />}
      <AttachmentsPanel filing={filing} canUpload={user.role !== 'ministry'} onUploaded={() => void load()} />
      <ReviewPanel filingId={filing.id} review={review} onDecided={() => void load()} />
      <Panel title="檢查與勾稽結果">
        <FindingsTable findings={filing.findings} filingId={filing.id} />
      </Panel>
      <Panel title="審核歷程">
        <HistoryList review={review} />
      </Panel>
    </div>
  );
};
