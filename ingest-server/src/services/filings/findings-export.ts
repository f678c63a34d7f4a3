// 「下載檢查結果」: a filing's findings as a print-ready XLSX (the paper copy sent with the official letter), one row
// per finding with its sheet, cell and — for a ledger finding — the entry's 月/日, 傳票序號, 摘要 and 金額.
import { SEVERITY_LABELS } from '@portfund/api-contract';
import { CATALOGUE, isFindingCode, taipeiRocTime } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';
import { type Column, toPrintableXlsx } from '../export';
import { filingFindings } from './read';
import { filingView } from './view';

type Row = Awaited<ReturnType<typeof filingFindings>>[number] & { readonly seq: number };

const KIND_LABELS: Readonly<Record<string, string>> = { application: '申請書', cashbook: '現金收支登記簿' };

const COLUMNS: readonly Column<Row>[] = [
  { header: '序號', kind: 'count', value: (r) => r.seq },
  { header: '類別', kind: 'text', value: (r) => SEVERITY_LABELS[r.severity] + (r.source === 'recon' ? '（勾稽）' : '') },
  { header: '工作表', kind: 'text', width: 18, value: (r) => r.sheet },
  { header: '儲存格', kind: 'text', value: (r) => r.cell ?? (r.row !== undefined ? `第 ${r.row} 列` : '') },
  { header: '月/日', kind: 'text', value: (r) => (r.entry === undefined ? null : `${r.entry.month ?? '?'}/${r.entry.day ?? '?'}`) },
  { header: '傳票序號', kind: 'text', value: (r) => (r.entry === undefined ? null : `${r.entry.zi ?? ''}${r.entry.voucher ?? ''}`) },
  { header: '摘要', kind: 'text', width: 28, value: (r) => r.entry?.summary },
  { header: '金額', kind: 'amount', value: (r) => r.entry?.amount },
  { header: '規則', kind: 'text', width: 24, value: (r) => (isFindingCode(r.code) ? CATALOGUE[r.code].title : r.code) },
  { header: '說明', kind: 'text', width: 60, value: (r) => r.message },
  { header: '應為', kind: 'text', width: 14, value: (r) => r.expected },
  { header: '實際', kind: 'text', width: 14, value: (r) => r.actual },
  { header: '代碼', kind: 'text', value: (r) => r.code },
];

const periodText = (f: Filing): string => (f.quarter === 0 ? `${f.year} 年度` : `${f.year} 年第 ${f.quarter} 季`);

/** "11503_04595257_v2_檢查結果.xlsx" (a quarter's cash book) or "115_04595257_v1_檢查結果.xlsx" (an application). */
export const findingsFileName = (f: Filing): string =>
  `${f.year}${f.quarter === 0 ? '' : String(f.quarter * 3).padStart(2, '0')}_${f.ubn}_v${f.version}_檢查結果.xlsx`;

export const findingsWorkbook = async (db: Knex, filing: Filing, now: Date): Promise<{ fileName: string; bytes: Buffer }> => {
  const findings = await filingFindings(db, filing);
  const view = filingView(filing);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const title = [
    `${view.unionName ?? filing.ubn}\u3000${periodText(filing)}\u3000${KIND_LABELS[filing.kind] ?? filing.kind}\u3000檢查結果`,
    `統一編號 ${filing.ubn}；第 ${filing.version} 版（${filing.file_name}），上傳於 ${taipeiRocTime(new Date(filing.uploaded_at), 'long')}`,
    `${SEVERITY_LABELS.error} ${errors} 項、${SEVERITY_LABELS.warning} ${findings.length - errors} 項；產生時間 ${taipeiRocTime(now, 'long')}`,
  ];
  const rows = findings.map((f, i) => ({ ...f, seq: i + 1 }));
  return { fileName: findingsFileName(filing), bytes: await toPrintableXlsx('檢查結果', { title }, COLUMNS, rows) };
};
