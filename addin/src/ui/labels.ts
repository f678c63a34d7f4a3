// zh-TW words the pane shows for kinds, statuses and severities.
import { CATALOGUE, isFindingCode, type FindingSummary } from '@portfund/shared-rules';
import { type MarksSupport } from '../check/run-check';

export const KIND_LABEL: Readonly<Record<string, string>> = { application: '福利專款申請書', cashbook: '現金收支登記簿' };

export const STATUS_LABEL: Readonly<Record<string, string>> = {
  submitted: '已提交',
  local_review: '地方審核中',
  ministry_review: '部審核中',
  approved: '核准',
  returned: '退回申請人',
  ministry_returned: '部退回',
  rejected: '否決',
};

export const SEVERITY_LABEL = { error: '錯誤', warning: '警告' } as const;

export const summaryText = (summary: FindingSummary): string =>
  summary.errors === 0 && summary.warnings === 0 ? '沒有發現問題' : `${summary.errors} 個錯誤、${summary.warnings} 個警告`;

export const codeTitle = (code: string): string | null => (isFindingCode(code) ? CATALOGUE[code].title : null);

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
