// Upload one or several workbooks with a progress bar; each file is answered on its own in a list (a new version, the
// same bytes filed before — no new version —, or refused with why); a union downloads its blank templates, UBN filled in.
import { Button, Field, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, tokens } from '@fluentui/react-components';
import { type FormEvent, useRef, useState } from 'react';
import { type UploadAnswer, type User } from '@portfund/api-contract';
import { periodLabel, taipeiPeriodNow, taipeiTime } from '../labels';
import { SummaryBadges } from '../parts/SummaryBadges';
import { ErrorBar } from '../parts/ErrorBar';
import { FilePicker } from '../parts/FilePicker';
import { emptySummaryText, emptyWorkbookSummary, isEmptyField } from '../parts/finding-groups';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';
import { type UploadProgress, uploadWithProgress } from '../upload';

type Answer = UploadAnswer & { readonly fileName: string };

const answersOf = (list: readonly UploadAnswer[], names: readonly string[]): Answer[] => list.map((a, i) => ({ ...a, fileName: names[i] ?? '' }));

/** A refused file's findings listed one by one, or for a blank or mostly empty workbook one line per sheet. */
const SHOWN_FINDINGS = 10;

const useStyles = makeStyles({
  results: { gap: tokens.spacingVerticalS },
  progress: { maxWidth: '32em' },
  templates: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
});

const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(1);

const RefusedFindings = ({ findings }: { readonly findings: readonly { code: string; sheet?: string; message: string }[] }) => {
  const layout = useLayoutStyles();
  const summary = emptyWorkbookSummary(findings);
  const listed = summary === null ? findings : findings.filter((f) => !isEmptyField(f));
  return (
    <ul className={layout.plainList}>
      {(summary ?? []).map((s) => (
        <li key={s.sheet}>{emptySummaryText(s)}</li>
      ))}
      {listed.slice(0, SHOWN_FINDINGS).map((f, i) => (
        <li key={i}>{f.message}</li>
      ))}
      {listed.length > SHOWN_FINDINGS && <li>另有 {listed.length - SHOWN_FINDINGS} 項</li>}
    </ul>
  );
};

const AnswerLine = ({ answer }: { readonly answer: Answer }) => {
  const layout = useLayoutStyles();
  if ('error' in answer) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{answer.file ?? answer.fileName}：無法申報</MessageBarTitle>
          {answer.error.message}
          {'findings' in answer && <RefusedFindings findings={answer.findings} />}
        </MessageBarBody>
      </MessageBar>
    );
  }
  // the same bytes again: the server answers the filing made then; nothing new was created
  const again = answer.httpStatus === 200;
  return (
    <MessageBar intent={again ? 'info' : answer.summary.errors > 0 ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {answer.fileName}：
          {/\.pdf$/i.test(answer.fileName)
            ? again
              ? `此 PDF 先前已附加至申請書第 ${answer.version} 版，未建立新版本`
              : `已附加至申請書第 ${answer.version} 版`
            : again
              ? `此檔案已於 ${taipeiTime(answer.uploadedAt)} 上傳（第 ${answer.version} 版），未建立新版本`
              : `已建立第 ${answer.version} 版`}
        </MessageBarTitle>
        <span className={layout.inline}>
          <span>
            {answer.unionName ?? answer.ubn} {periodLabel(answer.year, answer.quarter)}
          </span>
          <SummaryBadges {...answer.summary} />
          <Link href={`#/filings/${answer.id}`}>檢視檢查結果</Link>
        </span>
      </MessageBarBody>
    </MessageBar>
  );
};

/** The union's blank templates of this year, its UBN filled in, named as the seed names them. */
const Templates = ({ ubn }: { readonly ubn: string }) => {
  const styles = useStyles();
  const { year } = taipeiPeriodNow(new Date());
  const quarters = [1, 2, 3, 4] as const;
  return (
    <div className={styles.templates} aria-label="空白範本下載">
      <span>下載空白範本（已填入統一編號 {ubn}）：</span>
      <Link href={`/templates/application.xlsx?year=${year}&ubn=${ubn}`} download>
        {year} 年度申請書
      </Link>
      {quarters.map((q) => (
        <Link key={q} href={`/templates/cashbook.xlsx?year=${year}&ubn=${ubn}&quarter=${q}`} download>
          第 {q} 季登記簿
        </Link>
      ))}
    </div>
  );
};

export const UploadPanel = ({ onUploaded, user }: { readonly onUploaded: () => void; readonly user?: User }) => {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const files = Array.from(input.current?.files ?? []);
    if (files.length === 0) {
      setError('請選擇要上傳的 .xlsx 檔案');
      return;
    }
    setBusy(true);
    setError(null);
    setAnswers([]);
    setProgress({ sent: 0, total: files.reduce((n, f) => n + f.size, 0) });
    const r = await uploadWithProgress(files, setProgress);
    setBusy(false);
    setProgress(null);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setAnswers(answersOf(r.value, files.map((f) => f.name)));
    if (input.current !== null) input.current.value = '';
    onUploaded();
  };

  const sending = progress !== null && progress.sent < progress.total;
  const ubn = user?.role === 'union' ? user.organization.ubn : null;
  return (
    <Panel title="上傳活頁簿">
      {ubn !== null && <Templates ubn={ubn} />}
      <form className={layout.row} onSubmit={(e) => void submit(e)}>
        <FilePicker
          label="申請書或現金收支登記簿（.xlsx，可多選；申請書的 PDF 附件 年度_統編_metting.pdf、_method.pdf 可一併選取）"
          name="選擇檔案"
          accept=".xlsx,.pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/pdf"
          multiple
          inputRef={input}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? (sending ? '上傳中…' : '檢查中…') : '上傳並檢查'}
        </Button>
      </form>
      {progress !== null && (
        // while the bytes go up the bar fills; then the server reads and checks every cell (no measure: indeterminate)
        <Field
          className={styles.progress}
          label={sending ? `上傳中 ${Math.floor((progress.sent / Math.max(1, progress.total)) * 100)}%（${megabytes(progress.sent)} / ${megabytes(progress.total)} MB）` : '已上傳，伺服器檢查中…'}
          validationState="none"
        >
          <ProgressBar value={sending ? progress.sent / Math.max(1, progress.total) : undefined} thickness="large" aria-label="上傳進度" />
        </Field>
      )}
      <ErrorBar error={error} />
      <div className={layout.liveRegion} role="status" aria-live="polite">
        {answers.length > 0 && (
          <ul className={mergeClasses(layout.plainList, layout.stack, styles.results)} aria-label="各檔案的結果">
            {answers.map((a, i) => (
              <li key={i}>
                <AnswerLine answer={a} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
};
