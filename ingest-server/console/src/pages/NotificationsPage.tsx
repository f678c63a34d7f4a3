// 通知訊息: review decisions, deadline reminders, overdue notices and reconciliation alerts, newest first.
import { Badge, Button, Card, Link, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import { type Notification, type NotificationPage } from '@portfund/api-contract';
import { api } from '../api';
import { taipeiTime } from '../labels';
import { announceCountsChanged } from '../parts/counts';
import { ErrorBar } from '../parts/ErrorBar';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';

const KIND_LABELS: Readonly<Record<string, string>> = { review: '審核', reminder: '提醒', overdue: '逾期', recon: '勾稽', submission: '提交' };

const useStyles = makeStyles({
  list: { gap: tokens.spacingVerticalS },
  // an unread notice stands out in the brand's tint, with a brand edge for those who do not see the colour
  unread: { backgroundColor: tokens.colorBrandBackground2, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  title: { fontWeight: tokens.fontWeightSemibold },
  when: { fontSize: tokens.fontSizeBase200 },
  message: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const NotificationCard = ({ notification: n, onRead }: { readonly notification: Notification; readonly onRead: () => void }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const titleId = useId();
  return (
    <Card className={mergeClasses(!n.read && styles.unread)} appearance={n.read ? 'outline' : 'filled'} aria-labelledby={titleId}>
      <div className={layout.inline}>
        <Badge appearance={n.read ? 'outline' : 'filled'}>{KIND_LABELS[n.kind] ?? n.kind}</Badge>
        <span id={titleId} className={styles.title}>
          {n.title}
        </span>
        <span className={mergeClasses(layout.muted, styles.when)}>{taipeiTime(n.createdAt)}</span>
      </div>
      <p className={styles.message}>{n.message}</p>
      <div className={layout.inline}>
        {n.filingId !== null && <Link href={`#/filings/${n.filingId}`}>檢視申報案件</Link>}
        {!n.read && (
          <Button size="small" appearance="subtle" onClick={onRead}>
            標為已讀
          </Button>
        )}
      </div>
    </Card>
  );
};

export const NotificationsPage = () => {
  const styles = useStyles();
  const layout = useLayoutStyles();
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
    announceCountsChanged();
    await load();
  };

  if (error !== null) return <ErrorBar error={error} />;
  if (page === null) return <Spinner label="載入中…" />;
  return (
    <Panel
      title={`通知訊息（未讀 ${page.unread}／共 ${page.total}）`}
      actions={
        <Button disabled={page.unread === 0} onClick={() => void markRead(null)}>
          全部標為已讀
        </Button>
      }
    >
      {page.notifications.length === 0 && <p className={layout.paragraph}>目前沒有通知。</p>}
      <ul className={mergeClasses(layout.plainList, layout.stack, styles.list)}>
        {page.notifications.map((n) => (
          <li key={n.id}>
            <NotificationCard notification={n} onRead={() => void markRead(n.id)} />
          </li>
        ))}
      </ul>
    </Panel>
  );
};
