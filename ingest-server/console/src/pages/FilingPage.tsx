// One filing: what it is, its findings cell by cell, the original file, the review decision and the 審核歷程.
import { Link, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type FilingWithFindings, type ReviewSummary, type User } from '@portfund/api-contract';
import { api } from '../api';
import { KIND_LABELS, periodLabel, STATUS_LABELS, taipeiTime } from '../labels';
import { FindingsTable } from '../parts/FindingsTable';
import { HistoryList, ReviewPanel } from '../parts/ReviewPanel';
import { SummaryBadges } from '../parts/SummaryBadges';
import { ErrorBar } from '../parts/ErrorBar';

type Loaded = { readonly filing: FilingWithFindings; readonly review: ReviewSummary };

export const FilingPage = ({ id }: { readonly id: number; readonly user: User }) => {
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
    <div className="stack">
      <p>
        <a href="#/filings">← 回申報案件清單</a>
      </p>
      <section className="panel stack" aria-labelledby="filing-title">
        <h2 id="filing-title">
          {filing.unionName ?? filing.ubn}{'\u3000'}{periodLabel(filing.year, filing.quarter)}{'\u3000'}{KIND_LABELS[filing.kind]}
        </h2>
        <dl className="row" style={{ margin: 0, gap: 24 }}>
          <div>
            <dt className="muted">統一編號</dt>
            <dd style={{ margin: 0 }}>{filing.ubn}</dd>
          </div>
          <div>
            <dt className="muted">版本</dt>
            <dd style={{ margin: 0 }}>
              第 {filing.version} 版{review.latestVersion > filing.version ? `（最新為第 ${review.latestVersion} 版）` : ''}
            </dd>
          </div>
          <div>
            <dt className="muted">狀態</dt>
            <dd style={{ margin: 0 }} data-testid="status">
              {STATUS_LABELS[review.status]}
            </dd>
          </div>
          <div>
            <dt className="muted">範本版本</dt>
            <dd style={{ margin: 0 }}>{filing.templateVersion}</dd>
          </div>
          <div>
            <dt className="muted">上傳時間</dt>
            <dd style={{ margin: 0 }}>{taipeiTime(filing.uploadedAt)}</dd>
          </div>
          <div>
            <dt className="muted">檢查結果</dt>
            <dd style={{ margin: 0 }}>
              <SummaryBadges {...filing.summary} />
            </dd>
          </div>
        </dl>
        <Link href={`/api/filings/${filing.id}/file`} download={filing.fileName}>
          下載原始檔案（{filing.fileName}）
        </Link>
      </section>
      <ReviewPanel filingId={filing.id} review={review} onDecided={() => void load()} />
      <section className="panel stack" aria-labelledby="findings-title">
        <h2 id="findings-title">檢查與勾稽結果</h2>
        <FindingsTable findings={filing.findings} />
      </section>
      <section className="panel stack" aria-labelledby="history-title">
        <h2 id="history-title">審核歷程</h2>
        <HistoryList review={review} />
      </section>
    </div>
  );
};
