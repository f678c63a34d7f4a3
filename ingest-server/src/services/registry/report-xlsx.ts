// The downloadable report of an import run (XLSX, streamed so a 100,000-finding run stays small in memory): a summary
// sheet (who imported, when in Taipei time) and every finding with its row, column, code and message. Text is made inert
// against formula injection.
import { SEVERITY_LABELS } from '@portfund/api-contract';
import { type Writable } from 'node:stream';
import { messageOf } from '@portfund/shared-rules';
import { exceljs } from '@portfund/templates/src/exceljs';
import { type Knex } from 'knex';
import { escapeFormula, type StreamControl } from '../export';
import { findingsPage, type ImportRunRow } from './store';
import { dateFormatsText, importerText, runView, taipeiDateTime } from './view';

const PAGE = 2000;

const text = (value: string | number | null | undefined): string | number | null =>
  value === null || value === undefined ? null : typeof value === 'number' ? value : escapeFormula(value);

/** Findings not stored with the run (beyond the first 200 of each code). */
export const omittedTotal = (run: ImportRunRow): number => Object.values(run.findings_omitted ?? {}).reduce((a, b) => a + Number(b), 0);

export const reportFileName = (run: ImportRunRow): string => `import-${run.id}-${run.kind}-report.xlsx`;

/** Pages of findings written into reports so far (process-wide): lets a test see a report stop when its client goes. */
export const importReportStats = { pages: 0 };

/**
 * Streams the report into `out`: a page of findings at a time, waiting for the output between pages (back-pressure)
 * and stopping when the client goes (control.gone). Resolves false when it stopped early.
 */
export const writeImportReport = async (db: Knex, run: ImportRunRow, out: Writable, control: StreamControl = {}): Promise<boolean> => {
  const view = runView(run);
  const user = await db('users').where('id', run.user_id).first<{ username: string; display_name: string | null } | undefined>('username', 'display_name');
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'portfund';

  const summary = workbook.addWorksheet('摘要');
  summary.columns = [{ width: 18 }, { width: 70 }];
  const lines: [string, string | number | null][] = [
    ['匯入類別', view.kindLabel],
    ['檔案名稱', view.fileName],
    ['檔案 SHA-256', view.fileSha256],
    ['模式', view.modeLabel],
    ['結果', view.statusLabel],
    ['說明', view.message],
    ['檔案格式', view.format === null ? null : view.format.toUpperCase()],
    ['文字編碼', view.encodingLabel],
    ['工作表', view.sheet],
    ['日期格式', dateFormatsText(view.dateFormats.gregorian, view.dateFormats.roc)],
    ['資料列數', view.counts.read],
    ['可匯入', view.counts.valid],
    ['新增', view.counts.inserted],
    ['更新', view.counts.updated],
    ['未變更', view.counts.unchanged],
    ['有錯誤未匯入', view.counts.rejected],
    ['錯誤', view.summary.errors],
    [SEVERITY_LABELS.warning, view.summary.warnings],
    ['未列出（每種代碼只列前 200 筆）', omittedTotal(run)],
    ['匯入者', importerText(user)],
    ['匯入時間', taipeiDateTime(run.created_at)],
    ['完成時間', taipeiDateTime(run.finished_at)],
  ];
  for (const [label, value] of lines) summary.addRow([label, text(value)]).commit();
  summary.getColumn(1).font = { bold: true };
  summary.commit();

  const sheet = workbook.addWorksheet('檢查結果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '列', key: 'row', width: 8 },
    { header: '欄位', key: 'field', width: 20 },
    { header: '代碼', key: 'code', width: 30 },
    { header: '嚴重度', key: 'severity', width: 8 },
    { header: '說明', key: 'message', width: 70 },
    { header: '應為', key: 'expected', width: 20 },
    { header: '實際', key: 'actual', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  let after = 0;
  for (;;) {
    if (control.gone?.() === true) return false;
    await control.drained?.();
    const page = await findingsPage(db, run.id, after, PAGE);
    importReportStats.pages += 1;
    for (const f of page) {
      sheet
        .addRow([f.row_no, text(f.field), f.code, SEVERITY_LABELS[f.severity], text(messageOf(f.code, f.params)), text(f.expected), text(f.actual)])
        .commit();
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) break;
    after = last.seq;
  }
  if (control.gone?.() === true) return false;
  sheet.commit();
  await workbook.commit();
  return true;
};
