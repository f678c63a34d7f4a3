// An application's two PDFs (seed 004 §1.2(二)3): each with its state (missing, or version, 民國 date, size, pages), 開啟 in a
// new tab and 下載; the union and its local government upload one here (it goes to the latest application version).
import { Badge, Button, Link, makeStyles, MessageBar, MessageBarBody, mergeClasses, tokens } from '@fluentui/react-components';
import { type FormEvent, useRef, useState } from 'react';
import { APPLICATION_ATTACHMENTS, ATTACHMENT_LABELS, type ApplicationAttachment, type Attachment, type FilingWithFindings } from '@portfund/api-contract';
import { api } from '../api';
import { taipeiTime } from '../labels';
import { FilePicker } from './FilePicker';
import { useLayoutStyles } from './layout';
import { Panel } from './Panel';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  fileName: { overflowWrap: 'anywhere' },
});

/** "1.2 MB" or "312 KB". */
const sizeText = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

const State = ({ attachment }: { readonly attachment: Attachment | undefined }) => {
  const layout = useLayoutStyles();
  if (attachment === undefined) {
    return (
      <span className={layout.inline}>
        <Badge color="danger" appearance="filled">
          尚未上傳
        </Badge>
      </span>
    );
  }
  return (
    <span className={layout.inline}>
      <Badge color="success" appearance="filled">
        已上傳
      </Badge>
      <span>
        第 {attachment.version} 版・{taipeiTime(attachment.uploadedAt)} 上傳・{sizeText(attachment.sizeBytes)}・{attachment.pages} 頁
      </span>
    </span>
  );
};

interface ItemProps {
  readonly filingId: number;
  readonly kind: ApplicationAttachment;
  readonly attachment: Attachment | undefined;
  readonly canUpload: boolean;
  readonly onUploaded: () => void;
}

const AttachmentItem = ({ filingId, kind, attachment, canUpload, onUploaded }: ItemProps) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const label = ATTACHMENT_LABELS[kind];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setMessage({ intent: 'error', text: `請選擇${label}的 PDF 檔案` });
      return;
    }
    setBusy(true);
    setMessage(null);
    const r = await api.uploadAttachment(filingId, kind, { blob: file, name: file.name });
    setBusy(false);
    if (!r.ok) return setMessage({ intent: 'error', text: r.message });
    const answer = r.value;
    if ('error' in answer) {
      const reasons = 'findings' in answer ? answer.findings.map((f) => f.message) : [];
      return setMessage({ intent: 'error', text: [answer.error.message, ...reasons].join('：') });
    }
    if (input.current !== null) input.current.value = '';
    setMessage({ intent: 'success', text: answer.httpStatus === 200 ? '此檔案已是目前的附件' : `已上傳，歸於申請書第 ${answer.version} 版` });
    onUploaded();
  };

  return (
    <li className={styles.item} data-testid={`attachment-${kind}`}>
      <h3 className={styles.name}>{label}</h3>
      <State attachment={attachment} />
      {attachment !== undefined && (
        <span className={layout.inline}>
          <span className={mergeClasses(layout.muted, styles.fileName)}>{attachment.fileName}</span>
          {/* the server answers application/pdf with a sandboxing CSP: the browser's own viewer shows it */}
          <Link href={api.attachmentUrl(filingId, kind)} target="_blank" rel="noopener noreferrer" aria-label={`開啟${label}（新分頁）`}>
            開啟
          </Link>
          <Link href={api.attachmentUrl(filingId, kind, true)} download={attachment.fileName} aria-label={`下載${label}`}>
            下載
          </Link>
        </span>
      )}
      {canUpload && (
        <form className={layout.row} onSubmit={(e) => void submit(e)}>
          <FilePicker label={attachment === undefined ? '上傳 PDF' : '上傳新版本（PDF）'} name={`選擇${label}`} accept=".pdf,application/pdf" inputRef={input} />
          <Button type="submit" disabled={busy} aria-label={`上傳${label}`}>
            {busy ? '檢查中…' : '上傳'}
          </Button>
        </form>
      )}
      <div className={layout.liveRegion} role="status" aria-live="polite">
        {message !== null && (
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </li>
  );
};

export interface AttachmentsPanelProps {
  readonly filing: FilingWithFindings;
  readonly canUpload: boolean;
  readonly onUploaded: () => void;
}

export const AttachmentsPanel = ({ filing, canUpload, onUploaded }: AttachmentsPanelProps) => {
  const layout = useLayoutStyles();
  if (filing.kind !== 'application') return null;
  const attachments = filing.attachments ?? [];
  const missing = APPLICATION_ATTACHMENTS.filter((kind) => !attachments.some((a) => a.kind === kind)).length;
  return (
    <Panel title="申請書附件（PDF）">
      <p className={mergeClasses(layout.paragraph, layout.muted)}>
        {missing === 0 ? '兩份附件皆已上傳。' : `尚缺 ${missing} 份附件：申請書須連同會議紀錄及運用補助辦法送審。`}
        {canUpload ? '上傳的附件歸於最新版本的申請書。' : ''}
      </p>
      <ul className={layout.plainList}>
        {APPLICATION_ATTACHMENTS.map((kind) => (
          <AttachmentItem
            key={kind}
            filingId={filing.id}
            kind={kind}
            attachment={attachments.find((a) => a.kind === kind)}
            canUpload={canUpload}
            onUploaded={onUploaded}
          />
        ))}
      </ul>
    </Panel>
  );
};
