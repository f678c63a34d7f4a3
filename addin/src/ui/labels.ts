// zh-TW words the pane shows for kinds, statuses, severities and review times; statuses come from the API contract.
import { findingCountText, SEVERITY_LABELS, STATUS_LABELS } from '@portfund/api-contract';
import { CATALOGUE, isFindingCode, taipeiRocTime, type FindingSummary } from '@portfund/shared-rules';
import { type MarksSupport } from '../check/run-check';

export const KIND_LABEL: Readonly<Record<string, string>> = { application: '福利專款申請書', cashbook: '現金收支登記簿' };

/** The server's review statuses, worded as the server words them (one definition, the API contract's labels). */
export const STATUS_LABEL: Readonly<Record<string, string>> = STATUS_LABELS;

/** 錯誤 / 警告, as the console and the CLI word them (one definition, the API contract's labels). */
export const SEVERITY_LABEL = SEVERITY_LABELS;

export const summaryText = (summary: FindingSummary): string =>
  findingCountText(summary.errors, summary.warnings);

/** "2026-11-20T02:30:00.000Z" → "民國115年11月20日 10:30" (Taipei time, the ROC year the forms use); unparseable → as given. */
export const taipeiTime = (iso: string): string => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : taipeiRocTime(at, 'long');
};

export const codeTitle = (code: string): string | null => (isFindingCode(code) ? CATALOGUE[code].title : null);

/** Shown when writing _marks failed: the list stands, only the colours are missing. */
export const MARKS_FAILED = {
  title: '無法在儲存格上標示錯誤',
  text: '更新標示用的隱藏工作表時發生問題，儲存格不會變成紅色或黃色。下方的檢查結果仍然正確，按一下項目即可跳到該儲存格。',
} as const;

export const marksNotice = (marks: MarksSupport): string | null => {
  if (marks.ok) return null;
  switch (marks.reason) {
    case 'old-version':
      return '此活頁簿是 1.0 版範本，不能在儲存格上標示錯誤（仍可檢查、跳到儲存格）。請改用最新範本填寫。';
    case 'no-marks-sheet':
      return '活頁簿缺少標示用的隱藏工作表，無法在儲存格上標示錯誤。';
    default:
      return null;
  }
};
