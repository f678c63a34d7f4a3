// Registry imports (志工、工會、職員、教育訓練、服務時數): check a file first (dry run), then apply it; the runs so far.
import { SEVERITY_LABELS } from '@portfund/api-contract';
import {
  Button,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '@portfund/shared-rules/src/registry/columns';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { type ImportAnswer, type ImportRun, type User } from '@portfund/api-contract';
import { api } from '../api';
import { taipeiTime } from '../labels';
import { ErrorBar } from '../parts/ErrorBar';
import { FilePicker } from '../parts/FilePicker';
import { useLayoutStyles } from '../parts/layout';
import { Panel } from '../parts/Panel';
import { TableScroll, useTableStyles } from '../parts/TableScroll';

const MODES = [
  { key: 'dry_run', label: '試算（只檢查，不寫入）' },
  { key: 'valid_rows', label: '匯入正確的列' },
  { key: 'all_or_nothing', label: '全部正確才匯入' },
] as const;

const useStyles = makeStyles({
  findings: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** A run still waiting for or taken up by an instance's job worker (the console polls it). */
const inProgress = (run: ImportAnswer): boolean => run.status === 'queued' || run.status === 'running';
const POLL_MS = 1000;

const RunProgress = ({ run }: { readonly run: ImportAnswer }) => (
  <MessageBar intent="info" layout="multiline">
    <MessageBarBody>
      <MessageBarTitle>
        {run.fileName}：{run.statusLabel}
      </MessageBarTitle>
      <Field validationMessage={run.status === 'running' ? `已讀 ${run.progress.rows} 列` : '等候處理（可離開此頁，結果會留在匯入紀錄）'} validationState="none">
        <ProgressBar aria-label={`${run.fileName}${run.statusLabel}`} />
      </Field>
    </MessageBarBody>
  </MessageBar>
);

const RunResult = ({ run }: { readonly run: ImportAnswer }) => {
  const styles = useStyles();
  if (inProgress(run)) return <RunProgress run={run} />;
  return (
    <MessageBar intent={run.status === 'unreadable' || run.status === 'rejected' || run.status === 'failed' ? 'error' : run.summary.errors > 0 ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {run.fileName}：{run.statusLabel}
        </MessageBarTitle>
        {run.message}（讀取 {run.counts.read} 列，正確 {run.counts.valid}，新增 {run.counts.inserted}，更新 {run.counts.updated}，未變更 {run.counts.unchanged}，不匯入{' '}
        {run.counts.rejected}）{run.encodingLabel !== null && `；編碼 ${run.encodingLabel}`}
        <ul className={styles.findings}>
          {run.findings.slice(0, 50).map((f, i) => (
            <li key={i}>
              {f.row !== undefined && `第 ${f.row} 列 `}
              {f.field !== undefined && `「${f.field}」`} {SEVERITY_LABELS[f.severity]}：{f.message}
            </li>
          ))}
        </ul>
        {run.findingsTotal > 50 && <div>…共 {run.findingsTotal} 筆，完整清單請下載報告。</div>}
        <Link href={`/api/registry/imports/${run.id}/report.xlsx`}>下載檢查報告（XLSX）</Link>
      </MessageBarBody>
    </MessageBar>
  );
};

export const ImportsPage = ({ user }: { readonly user: User }) => {
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>('volunteers');
  const [mode, setMode] = useState<string>('dry_run');
  const [createUnits, setCreateUnits] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState<readonly ImportRun[]>([]);

  const loadRuns = useCallback(async () => {
    const r = await api.importRuns({ limit: 20 });
    if (r.ok) setRuns(r.value.runs);
  }, []);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  // a queued run is carried out by a job: ask how far it got every second until it has a result
  const pendingId = answer !== null && inProgress(answer) ? answer.id : null;
  useEffect(() => {
    if (pendingId === null) return undefined;
    let cancelled = false;
    const timer = window.setInterval(() => {
      void api.importRun(pendingId, { limit: 50 }).then((r) => {
        if (cancelled || !r.ok) return;
        setAnswer(r.value);
        if (!inProgress(r.value)) void loadRuns();
      });
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [pendingId, loadRuns]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (file === undefined) return setError('請選擇要匯入的 CSV 或 XLSX 檔案');
    setBusy(true);
    setError(null);
    const r = await api.importFile(kind, file, { mode, ...(kind === 'volunteers' ? { createUnits: createUnits ? 'true' : 'false' } : {}) });
    setBusy(false);
    if (r.ok) setAnswer(r.value);
    else setError(r.message);
    await loadRuns();
  };

  return (
    <div className={layout.stack}>
      {user.role === 'local_gov' && (
        <Panel title="名冊匯入">
          <form className={layout.row} onSubmit={(e) => void submit(e)}>
            <Field label="匯入類別">
              <Select value={kind} onChange={(_e, d) => setKind(d.value as ImportKind)}>
                {IMPORT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {IMPORT_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="方式">
              <Select value={mode} onChange={(_e, d) => setMode(d.value)}>
                {MODES.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </Field>
            {kind === 'volunteers' && <Checkbox checked={createUnits} onChange={(_e, d) => setCreateUnits(d.checked === true)} label="自動建立不存在的志工隊／小隊" />}
            <FilePicker label="檔案（CSV：UTF-8 或 Big5；或 XLSX）" name="選擇名冊檔案" accept=".csv,.xlsx,text/csv" inputRef={input} />
            <Button type="submit" appearance="primary" disabled={busy}>
              {busy ? '上傳中…' : '上傳'}
            </Button>
          </form>
          <ErrorBar error={error} />
          <div className={layout.liveRegion} role="status" aria-live="polite">
            {answer !== null && <RunResult run={answer} />}
          </div>
        </Panel>
      )}
      <Panel title="匯入紀錄">
        {runs.length === 0 ? (
          <p className={layout.paragraph}>尚無匯入紀錄。</p>
        ) : (
          <TableScroll label="匯入紀錄">
            <Table aria-label="匯入紀錄" size="small" className={table.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={table.head}>時間</TableHeaderCell>
                  <TableHeaderCell className={table.head}>類別</TableHeaderCell>
                  <TableHeaderCell className={table.head}>檔案</TableHeaderCell>
                  <TableHeaderCell className={table.head}>方式</TableHeaderCell>
                  <TableHeaderCell className={table.head}>結果</TableHeaderCell>
                  <TableHeaderCell className={table.head} button={{ className: table.numHead }}>
                    {SEVERITY_LABELS.error}／{SEVERITY_LABELS.warning}
                  </TableHeaderCell>
                  <TableHeaderCell className={table.head}>報告</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {runs.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className={table.cell}>{taipeiTime(r.createdAt)}</TableCell>
                    <TableCell className={table.cell}>{r.kindLabel}</TableCell>
                    <TableCell className={table.name}>{r.fileName}</TableCell>
                    <TableCell className={table.cell}>{r.modeLabel}</TableCell>
                    <TableCell className={table.cell}>{r.statusLabel}</TableCell>
                    <TableCell className={table.num}>
                      {r.summary.errors}／{r.summary.warnings}
                    </TableCell>
                    <TableCell className={table.cell}>
                      {r.status === 'queued' || r.status === 'running' ? '—' : <Link href={`/api/registry/imports/${r.id}/report.xlsx`}>XLSX</Link>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </Panel>
    </div>
  );
};
