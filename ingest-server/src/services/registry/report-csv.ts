// The import report as CSV (the same findings as the XLSX report's 檢查結果 sheet): UTF-8 with a BOM, RFC 4180 quoting,
// text made inert against formula injection; produced a page at a time so a download streams with back-pressure.
import { SEVERITY_LABELS } from '@portfund/api-contract';
import { messageOf } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { csvLines, type Column } from '../export';
import { findingsPage, type ImportFindingRow, type ImportRunRow } from './store';

const PAGE = 2000;

const COLUMNS: readonly Column<ImportFindingRow>[] = [
  { header: '列', kind: 'count', value: (f) => f.row_no },
  { header: '欄位', kind: 'text', value: (f) => f.field },
  { header: '代碼', kind: 'text', value: (f) => f.code },
  { header: '嚴重度', kind: 'text', value: (f) => SEVERITY_LABELS[f.severity] },
  { header: '說明', kind: 'text', value: (f) => messageOf(f.code, f.params) },
  { header: '應為', kind: 'text', value: (f) => f.expected },
  { header: '實際', kind: 'text', value: (f) => f.actual },
];

export const reportCsvFileName = (run: ImportRunRow): string => `import-${run.id}-${run.kind}-report.csv`;

/** The report's lines (BOM and header first), one page of findings read at a time, as the consumer asks for them. */
export async function* importReportCsv(db: Knex, run: ImportRunRow): AsyncGenerator<string> {
  let header = true;
  let after = 0;
  for (;;) {
    const page = await findingsPage(db, run.id, after, PAGE);
    for (const line of csvLines(COLUMNS, page)) {
      // csvLines starts every page with the header: keep the first one only
      if (header || !line.startsWith('\uFEFF')) yield line;
      header = false;
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) return;
    after = last.seq;
  }
}
