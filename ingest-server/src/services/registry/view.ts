// The JSON shape of an import run and its findings (the API and the CLI show the same fields).
import { messageOf, storedMessageOf, taipeiTimestamp } from '@portfund/shared-rules';
import { IMPORT_KIND_LABELS, type ImportKind } from '@portfund/shared-rules/src/registry';
import { ENCODING_LABELS, type TextEncoding } from '../../tables/decode';
import { progressOf } from './queued-import';
import { type ImportFindingRow, type ImportRunRow } from './store';

export const MODE_LABELS = { dry_run: '試算（不寫入）', valid_rows: '匯入正確的列', all_or_nothing: '全部或全不' } as const;
export const STATUS_LABELS = {
  dry_run: '試算完成',
  applied: '已匯入',
  rejected: '未匯入',
  unreadable: '檔案無法讀取',
  queued: '排隊中',
  running: '處理中',
  failed: '處理失敗',
} as const;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const runView = (run: ImportRunRow) => ({
  id: run.id,
  kind: run.kind,
  kindLabel: IMPORT_KIND_LABELS[run.kind as ImportKind] ?? run.kind,
  mode: run.mode,
  modeLabel: MODE_LABELS[run.mode],
  status: run.status,
  statusLabel: STATUS_LABELS[run.status],
  organizationId: run.organization_id,
  userId: run.user_id,
  fileName: run.file_name,
  fileSha256: run.file_sha256,
  sizeBytes: run.size_bytes,
  format: run.format,
  encoding: run.encoding,
  encodingLabel: run.encoding === null ? null : (ENCODING_LABELS[run.encoding as TextEncoding] ?? run.encoding),
  sheet: run.sheet,
  dateFormats: { gregorian: run.dates_gregorian, roc: run.dates_roc },
  options: run.options,
  counts: {
    read: run.rows_read,
    valid: run.rows_valid,
    inserted: run.rows_inserted,
    updated: run.rows_updated,
    unchanged: run.rows_unchanged,
    rejected: run.rows_rejected,
  },
  summary: { errors: run.errors, warnings: run.warnings },
  message: storedMessageOf(run.message_code, run.message_params),
  /** A queued or running run: rows read so far (the console shows it while it polls). */
  progress: { rows: progressOf(run) },
  createdAt: iso(run.created_at) ?? '',
  finishedAt: iso(run.finished_at),
});

export type RunView = ReturnType<typeof runView>;

export const findingRowView = (f: ImportFindingRow) => ({
  seq: f.seq,
  code: f.code,
  severity: f.severity,
  ...(f.row_no !== null ? { row: f.row_no } : {}),
  ...(f.field !== null ? { field: f.field } : {}),
  message: messageOf(f.code, f.params),
  params: f.params,
  ...(f.expected !== null ? { expected: f.expected } : {}),
  ...(f.actual !== null ? { actual: f.actual } : {}),
});

/** A moment as a Taiwanese office reads it: 2026-12-01 21:30 (UTC+8) (Taiwan keeps no daylight saving time). */
export const taipeiDateTime = (d: Date | string | null): string | null => (d === null ? null : `${taipeiTimestamp(new Date(d))} (UTC+8)`);

/** Who ran an import, as the report names them: display name and username. */
export const importerText = (user: { readonly username: string; readonly display_name: string | null } | undefined): string =>
  user === undefined ? '（帳號已刪除）' : user.display_name === null || user.display_name.trim() === '' ? user.username : `${user.display_name}（${user.username}）`;

/** Which date conventions a file used, in words (SPEC §2: say which you saw). */
export const dateFormatsText = (gregorian: number, roc: number): string =>
  gregorian === 0 && roc === 0 ? '無日期' : [gregorian > 0 ? `西元 ${gregorian} 個` : '', roc > 0 ? `民國 ${roc} 個` : ''].filter(Boolean).join('、');
