// 通知訊息: review decisions, deadline reminders, overdue notices and reconciliation alerts, newest first.
import { Badge, Button, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type NotificationPage } from '@portfund/api-contract';
import { api } from '../api';
import { taipeiTime } from '../labels';
import { ErrorBar } from '../parts/ErrorBar';

const KIND_LABELS: Readonly<Record<string, string>> = { review: '審核', reminder: '提醒', overdue: '逾期', recon: '勾稽' };

export const NotificationsPage = () => {
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.notifications({ limit: 100 });
    if (r.ok) setPage(r.value);
    else setError(r.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (id: number | null) => {
    const r = await (id === null ? api.markAllRead() : api.markRead(id));
    if (!r.ok) setError(r.message);
    await load();
  };

  if (error !== null) return <ErrorBar error={error} />;
  if (page === null) return <Spinner label="載入中…" />;
  return (
    <section className="panel stack" aria-labelledby="notifications-title">
      <div className="row" style={{ alignItems: 'center' }}>
        <h2 id="notifications-title" style={{ flex: 1 }}>
          通知訊息（未讀 {page.unread}／共 {page.total}）
        </h2>
        <Button disabled={page.unread === 0} onClick={() => void markRead(null)}>
          全部標為已讀
        </Button>
      </div>
      {page.notifications.length === 0 && <p>目前沒有通知。</p>}
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {page.notifications.map((n) => (
          <li key={n.id} className="panel" style={{ background: n.read ? '#fff' : '#f3f9fd' }}>
            <div className="row" style={{ alignItems: 'center', gap: 8 }}>
              <Badge appearance={n.read ? 'outline' : 'filled'}>{KIND_LABELS[n.kind] ?? n.kind}</Badge>
              <strong>{n.title}</strong>
              <span className="muted">{taipeiTime(n.createdAt)}</span>
            </div>
            <p style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>{n.message}</p>
            <div className="row">
              {n.filingId !== null && <a href={`#/filings/${n.filingId}`}>檢視申報案件</a>}
              {!n.read && (
                <Button size="small" appearance="subtle" onClick={() => void markRead(n.id)}>
                  標為已讀
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
};
