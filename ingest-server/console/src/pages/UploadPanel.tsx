// Upload one or several workbooks; each file is answered on its own (a new version, the same file again, or refused).
import { Button, Link, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { type FormEvent, useRef, useState } from 'react';
import { type UploadAnswer } from '@portfund/api-contract';
import { api } from '../api';
import { periodLabel } from '../labels';
import { SummaryBadges } from '../parts/SummaryBadges';
import { ErrorBar } from '../parts/ErrorBar';
import { FilePicker } from '../parts/FilePicker';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';

type Answer = UploadAnswer & { readonly fileName: string };

const answersOf = (list: readonly UploadAnswer[], names: readonly string[]): Answer[] => list.map((a, i) => ({ ...a, fileName: names[i] ?? '' }));

const AnswerLine = ({ answer }: { readonly answer: Answer }) => {
  const layout = useLayoutStyles();
  if ('error' in answer) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{answer.file ?? answer.fileName}：無法申報</MessageBarTitle>
          {answer.error.message}
          {('findings' in answer ? answer.findings : []).map((f, i) => (
            <div key={i}>{f.message}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const again = answer.httpStatus === 200;
  return (
    <MessageBar intent={answer.summary.errors > 0 ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {answer.fileName}：{again ? '此檔案先前已申報' : /\.pdf$/i.test(answer.fileName) ? `已附加至申請書第 ${answer.version} 版` : `已建立第 ${answer.version} 版`}
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

export const UploadPanel = ({ onUploaded }: { readonly onUploaded: () => void }) => {
  const layout = useLayoutStyles();
  const input = useRef<HTMLInputElement>(null);
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
    const r = await api.upload(files.map((f) => ({ blob: f, name: f.name })));
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setAnswers(answersOf(r.value, files.map((f) => f.name)));
    if (input.current !== null) input.current.value = '';
    onUploaded();
  };

  return (
    <Panel title="上傳活頁簿">
      <form className={layout.row} onSubmit={(e) => void submit(e)}>
        <FilePicker
          label="申請書或現金收支登記簿（.xlsx，可多選；申請書的 PDF 附件 年度_統編_metting.pdf、_method.pdf 可一併選取）"
          name="選擇檔案"
          accept=".xlsx,.pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/pdf"
          multiple
          inputRef={input}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? '檢查中…' : '上傳並檢查'}
        </Button>
      </form>
      <ErrorBar error={error} />
      <div className={mergeClasses(layout.stack, layout.liveRegion)} role="status" aria-live="polite">
        {answers.map((a, i) => (
          <AnswerLine key={i} answer={a} />
        ))}
      </div>
    </Panel>
  );
};
