// After an application is sent: which of its two PDFs (seed 004 §1.2(二)3) the server still lacks, and a file input for
// each — Office.js cannot read other files, so the user picks the PDF; the server's PDF gate answers with its reason.
import { useRef, useState } from 'react';
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { ATTACHMENT_LABELS, type ApplicationAttachment, type FilingWithFindings } from '@portfund/api-contract';
import { missingAttachments, submitAttachment } from '../api/server';
import { type Session } from '../api/session';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  input: { maxWidth: '100%', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
});

const PdfPicker = ({ session, filing, kind, onFiled }: { session: Session; filing: FilingWithFindings; kind: ApplicationAttachment; onFiled: (f: FilingWithFindings) => void }) => {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = ATTACHMENT_LABELS[kind];

  const send = async () => {
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setError(`請選擇${label}的 PDF 檔案`);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await submitAttachment(session, filing.id, kind, file, file.name);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    if (r.value.rejected) return setError([r.value.message, ...r.value.findings.map((f) => f.message)].join('：'));
    onFiled(r.value.filing);
  };

  return (
    <div>
      <Field label={`${label}（PDF）`}>
        {(control) => <input id={control.id} ref={input} className={styles.input} type="file" accept=".pdf,application/pdf" aria-label={`選擇${label}`} />}
      </Field>
      <Button disabled={busy} onClick={() => void send()} aria-label={`送出${label}`}>
        {busy ? '檢查中…' : '送出 PDF'}
      </Button>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
};

export const AttachmentsSubmit = ({ session, filing, announce }: { session: Session; filing: FilingWithFindings; announce: (message: string) => void }) => {
  const styles = useStyles();
  const [current, setCurrent] = useState(filing);
  if (current.kind !== 'application') return null;
  const missing = missingAttachments(current);
  return (
    <div className={styles.box} data-testid="attachments">
      <h2 className={styles.heading}>申請書附件</h2>
      {missing.length === 0 ? (
        <Text>伺服器已有兩份附件（會議紀錄、運用補助辦法）。</Text>
      ) : (
        <>
          <Text>伺服器尚缺：{missing.map((k) => ATTACHMENT_LABELS[k]).join('、')}。請選擇 PDF 檔案送出（申請書須連同附件送審）。</Text>
          {missing.map((kind) => (
            <PdfPicker
              key={kind}
              session={session}
              filing={current}
              kind={kind}
              onFiled={(f) => {
                setCurrent(f);
                announce(`已送出${ATTACHMENT_LABELS[kind]}`);
              }}
            />
          ))}
        </>
      )}
    </div>
  );
};
