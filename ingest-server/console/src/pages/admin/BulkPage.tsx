// 批次建立: unions from a 工會基本資料 file and users from a CSV/XLSX. Each file is checked first (試算: a report row by
// row, nothing written); only a file with no refused row can then be applied, all rows in one go.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { BULK_STATUS_LABELS, type Organization, type Result, type User } from '@portfund/api-contract';
import { api } from '../../api';
import { ErrorBar } from '../../parts/ErrorBar';
import { FilePicker } from '../../parts/FilePicker';
import { useLayoutStyles } from '../../parts/layout';
import { Panel } from '../../parts/Panel';
import { TableScroll, useTableStyles } from '../../parts/TableScroll';

interface Report<R> {
  readonly dryRun: boolean;
  readonly applied: boolean;
  readonly counts: Readonly<Record<string, number>>;
  readonly rows: readonly R[];
  /** Users: how many new users were mailed a reset link. */
  readonly linksMailed?: number;
}

interface ReportRow {
  readonly row: number;
  readonly status: 'create' | 'exists' | 'refused';
  readonly problems: readonly { readonly code: string; readonly message: string }[];
}

interface BulkSectionProps<R extends ReportRow> {
  readonly title: string;
  readonly help: ReactNode;
  readonly pickerName: string;
  readonly extra?: ReactNode;
  /** Refuses to start (a missing choice), or null. */
  readonly problem?: () => string | null;
  readonly run: (file: File, dryRun: boolean) => Promise<Result<Report<R>>>;
  readonly headers: readonly string[];
  readonly cells: (r: R) => readonly ReactNode[];
  readonly noun: string;
  readonly afterApply?: (report: Report<R>) => ReactNode;
}

const BulkSection = <R extends ReportRow>({ title, help, pickerName, extra, problem, run, headers, cells, noun, afterApply }: BulkSectionProps<R>) => {
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report<R> | null>(null);
  const [checked, setChecked] = useState<File | null>(null);

  const go = async (dryRun: boolean) => {
    const file = dryRun ? input.current?.files?.[0] : checked;
    if (file === undefined || file === null) return setError('請選擇 CSV 或 XLSX 檔案');
    const refused = problem?.() ?? null;
    if (refused !== null) return setError(refused);
    setBusy(dryRun ? '檢查中…' : '建立中…');
    setError(null);
    const r = await run(file, dryRun);
    setBusy(null);
    if (!r.ok) {
      setReport(null);
      return setError(r.message);
    }
    setReport(r.value);
    setChecked(dryRun ? file : null);
  };

  const creatable = report?.counts.create ?? 0;
  const refused = report?.counts.refused ?? 0;
  return (
    <Panel title={title}>
      <div className={layout.paragraph}>{help}</div>
      <div className={layout.row}>
        {extra}
        <FilePicker label="檔案（CSV：UTF-8 或 Big5；或 XLSX）" name={pickerName} accept=".csv,.xlsx,text/csv" inputRef={input} />
        <Button appearance="primary" disabled={busy !== null} onClick={() => void go(true)}>
          試算（只檢查）
        </Button>
      </div>
      <ErrorBar error={error} />
      {busy !== null && <Spinner label={busy} />}
      <div className={layout.liveRegion} role="status" aria-live="polite">
        {report !== null && (
          <MessageBar intent={report.applied ? 'success' : refused > 0 ? 'warning' : 'info'} layout="multiline">
            <MessageBarBody>
              {report.applied
                ? `已建立 ${creatable} 個${noun}。`
                : refused > 0
                  ? `共 ${report.rows.length} 列：${refused} 列不能建立，請修正檔案後重新試算（全部正確才會建立，未寫入任何資料）。`
                  : `試算完成：可建立 ${creatable} 個${noun}${report.counts.exists ? `，${report.counts.exists} 個已存在（略過）` : ''}。尚未寫入。`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {report?.applied === true && afterApply?.(report)}
      {report !== null && !report.applied && refused === 0 && creatable > 0 && checked !== null && (
        <div className={layout.inline}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void go(false)}>
            建立 {creatable} 個{noun}
          </Button>
        </div>
      )}
      {report !== null && report.rows.length > 0 && (
        <TableScroll label={`${title}：逐列結果`}>
          <Table aria-label={`${title}：逐列結果`} size="small" className={table.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={table.head}>列</TableHeaderCell>
                <TableHeaderCell className={table.head}>{headers[0]}</TableHeaderCell>
                <TableHeaderCell className={table.head}>結果</TableHeaderCell>
                <TableHeaderCell className={table.head}>原因</TableHeaderCell>
                {headers.slice(1).map((h) => (
                  <TableHeaderCell key={h} className={table.head}>
                    {h}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={r.row}>
                  <TableCell className={table.num}>{r.row}</TableCell>
                  <TableCell className={table.cell}>{cells(r)[0]}</TableCell>
                  <TableCell className={table.cell}>{report.applied && r.status === 'create' ? BULK_STATUS_LABELS.created : BULK_STATUS_LABELS[r.status]}</TableCell>
                  <TableCell className={table.name}>{r.problems.map((p) => p.message).join('；')}</TableCell>
                  {cells(r)
                    .slice(1)
                    .map((c, i) => (
                      <TableCell key={i} className={table.cell}>
                        {c}
                      </TableCell>
                    ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
};

export const BulkPage = ({ user }: { readonly user: User }) => {
  const layout = useLayoutStyles();
  const [locals, setLocals] = useState<readonly Organization[]>([]);
  const [parentId, setParentId] = useState('');

  useEffect(() => {
    if (user.role === 'ministry') void api.organizations({ kind: 'local_gov' }).then((r) => r.ok && setLocals(r.value.organizations));
  }, [user.role]);

  return (
    <div className={layout.stack}>
      {user.role !== 'union' && (
        <BulkSection
          title="批次建立工會"
          help="上傳工會基本資料檔（與名冊匯入相同的欄位：工會名稱、統一編號，以及負責人、電話、Email 作為聯絡資料）。已登錄的統一編號會略過。"
          pickerName="選擇工會基本資料檔"
          extra={
            user.role === 'ministry' && (
              <Field label="所屬地方主管機關" required>
                <Select value={parentId} onChange={(_e, d) => setParentId(d.value)}>
                  <option value="">請選擇</option>
                  {locals.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )
          }
          problem={() => (user.role === 'ministry' && parentId === '' ? '請選擇工會所屬的地方主管機關' : null)}
          run={(file, dryRun) => api.bulkOrganizations(file, { dryRun, ...(parentId === '' ? {} : { parentId: Number(parentId) }) })}
          headers={['工會名稱', '統一編號']}
          cells={(r) => [r.name, r.ubn]}
          noun="工會"
        />
      )}
      <BulkSection
        title="批次建立使用者"
        help="上傳 CSV 或 XLSX，第 1 列為欄位名稱：帳號、姓名、Email，以及「統一編號」（工會）或「機關」（機關名稱）。角色依所屬機關而定。"
        pickerName="選擇使用者名單檔"
        run={(file, dryRun) => api.bulkUsers(file, { dryRun })}
        headers={['帳號', '姓名', 'Email', '所屬機關']}
        cells={(r) => [r.username, r.displayName, r.email, r.organization ?? '']}
        noun="使用者"
        afterApply={(report) => {
          const created = report.rows.length;
          const mailed = report.linksMailed ?? 0;
          return (
            <MessageBar intent={mailed === created ? 'success' : 'warning'} layout="multiline">
              <MessageBarBody>
                {mailed > 0 && `已寄送密碼設定連結給 ${mailed} 位有電子郵件的使用者（30 分鐘內有效）。`}
                {mailed < created &&
                  `${mailed > 0 ? `其餘 ${created - mailed} 位` : '新使用者'}尚無密碼（未設定電子郵件或伺服器未啟用寄信）：請在「使用者」頁為每位使用者寄送密碼重設連結或產生臨時密碼，他們登入後須自行變更密碼。`}
              </MessageBarBody>
            </MessageBar>
          );
        }}
      />
    </div>
  );
};
