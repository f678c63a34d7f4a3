// The zh-TW texts of notifications (通知訊息, seed 000), in one place: review decisions, deadline reminders, overdue filings.
import { type FilingKind, type FilingStatus } from '../../models/filing';
import { periodLabel } from '../filings/period';
import { STATUS_LABELS } from '../review/state-machine';

export interface TitledMessage {
  readonly title: string;
  readonly message: string;
}

export const KIND_LABELS: Readonly<Record<FilingKind, string>> = {
  application: '福利專款申請書',
  cashbook: '現金收支登記簿',
};

/** "115 年第 2 季現金收支登記簿" or "115 年度福利專款申請書". */
export const periodFilingLabel = (kind: FilingKind, year: number, quarter: number): string => `${periodLabel(year, quarter)}${KIND_LABELS[kind]}`;

/** "115 年第 2 季現金收支登記簿（第 3 版）". */
export const filingLabel = (f: { readonly kind: FilingKind; readonly year: number; readonly quarter: number; readonly version: number }): string =>
  `${periodFilingLabel(f.kind, f.year, f.quarter)}（第 ${f.version} 版）`;

export interface DecisionFacts {
  /** filingLabel of the filing decided on. */
  readonly filing: string;
  readonly unionName: string;
  readonly localGovName: string;
  /** The organisation whose officer decided. */
  readonly deciderName: string;
  readonly deciderRole: 'local_gov' | 'ministry';
  readonly from: FilingStatus;
  readonly to: FilingStatus;
  readonly opinion: string;
}

const withOpinion = (opinion: string): string => (opinion === '' ? '' : `：${opinion}`);
const noting = (opinion: string): string => (opinion === '' ? '' : `（意見：${opinion}）`);

/** What the union is told about a decision on its filing. */
export const decisionForUnion = (d: DecisionFacts): TitledMessage => {
  switch (d.to) {
    case 'local_review':
      return { title: '申報已受理', message: `${d.filing}已由${d.deciderName}受理，進入地方審核${noting(d.opinion)}。` };
    case 'ministry_review':
      return {
        title: '申報已核轉勞動部',
        message: `${d.filing}已經${d.deciderName}核准，${d.from === 'ministry_returned' ? '再次' : ''}轉陳勞動部審核${noting(d.opinion)}。`,
      };
    case 'approved':
      return { title: '申報已核准', message: `${d.filing}已經${d.deciderName}核准${noting(d.opinion)}。` };
    case 'returned':
      return { title: '申報已被退回', message: `${d.filing}已被${d.deciderName}退回${withOpinion(d.opinion)}。請依意見修正後上傳新版本。` };
    case 'ministry_returned':
      return { title: '申報已被勞動部退回', message: `${d.filing}已被${d.deciderName}退回${d.localGovName}${withOpinion(d.opinion)}。待${d.localGovName}處理。` };
    case 'rejected':
      return { title: '申報已被否決', message: `${d.filing}已被${d.deciderName}否決${withOpinion(d.opinion)}。` };
    default:
      return { title: '申報狀態已更新', message: `${d.filing}的審核狀態已更新${noting(d.opinion)}。` };
  }
};

/** What the local government is told when the ministry decides on a filing it forwarded. */
export const decisionForLocalGov = (d: DecisionFacts): TitledMessage =>
  d.to === 'ministry_returned'
    ? {
        title: '勞動部退回申報',
        message: `${d.unionName}的${d.filing}已被${d.deciderName}退回${withOpinion(d.opinion)}。請再次核轉或退回申請人。`,
      }
    : { title: '勞動部已核准申報', message: `${d.unionName}的${d.filing}已經${d.deciderName}核准${noting(d.opinion)}。` };

/** What the ministry is told when a local government forwards a filing. */
export const forwardedToMinistry = (d: DecisionFacts): TitledMessage => ({
  title: '待審核申報',
  message: `${d.deciderName}已${d.from === 'ministry_returned' ? '再次' : ''}核轉${d.unionName}的${d.filing}，請審核${noting(d.opinion)}。`,
});

export interface SubmissionFacts {
  readonly unionName: string;
  /** filingLabel of the new version. */
  readonly filing: string;
  readonly errors: number;
  readonly warnings: number;
  /** Versions of the same period this one closed as 已被取代. */
  readonly superseded: readonly number[];
}

const findingsText = (s: SubmissionFacts): string =>
  s.errors === 0 && s.warnings === 0 ? '檢查無錯誤與警告' : `檢查結果：錯誤 ${s.errors} 項、警告 ${s.warnings} 項`;

/** What the local government is told when one of its unions files a new version. */
export const submittedForLocalGov = (s: SubmissionFacts): TitledMessage => ({
  title: `${s.unionName}提交申報`,
  message:
    `${s.unionName}已提交${s.filing}，${findingsText(s)}。` +
    (s.superseded.length === 0 ? '' : `先前尚在審核中的第 ${s.superseded.join('、')} 版已被取代。`) +
    '請受理審核。',
});

/** What the local government is told when a union takes back a version nobody had taken up. */
export const withdrawnForLocalGov = (w: { readonly unionName: string; readonly filing: string }): TitledMessage => ({
  title: `${w.unionName}撤回申報`,
  message: `${w.unionName}已撤回${w.filing}，此版本不需審核。`,
});

export interface DeadlineFacts {
  /** periodFilingLabel of the period. */
  readonly period: string;
  readonly unionName: string;
  readonly ubn: string;
  /** rocDateLabel of the due date. */
  readonly dueLabel: string;
  readonly daysLeft: number;
  readonly daysOverdue: number;
  /** The latest version was returned or rejected and needs a new version. */
  readonly returned: boolean;
}

export const deadlineReminder = (d: DeadlineFacts): TitledMessage => ({
  title: `${d.period}即將到期`,
  message: d.returned
    ? `${d.period}已被退回，請於 ${d.dueLabel}前上傳修正後的新版本（${d.daysLeft === 0 ? '今天到期' : `尚有 ${d.daysLeft} 天`}）。`
    : `${d.period}應於 ${d.dueLabel}前提交，${d.daysLeft === 0 ? '今天到期' : `距期限尚有 ${d.daysLeft} 天`}。`,
});

export const overdueForUnion = (d: DeadlineFacts): TitledMessage => ({
  title: `${d.period}已逾期`,
  message: d.returned
    ? `${d.period}已被退回且尚未上傳新版本，期限為 ${d.dueLabel}，已逾期 ${d.daysOverdue} 天，請儘速提交。`
    : `${d.period}應於 ${d.dueLabel}前提交，已逾期 ${d.daysOverdue} 天，請儘速提交。`,
});

export const overdueForLocalGov = (d: DeadlineFacts): TitledMessage => ({
  title: `${d.unionName}${d.period}逾期`,
  message: `${d.unionName}（統一編號 ${d.ubn}）的${d.period}應於 ${d.dueLabel}前提交，已逾期 ${d.daysOverdue} 天${d.returned ? '（退回後尚未重新提交）' : '尚未提交'}。`,
});

export interface ReconAlertFacts {
  /** The filing that gained errors. */
  readonly filing: { readonly kind: FilingKind; readonly year: number; readonly quarter: number; readonly version: number; readonly status: FilingStatus };
  /** The filing whose arrival (or rejection) changed its reconciliation. */
  readonly cause: { readonly kind: FilingKind; readonly year: number; readonly quarter: number; readonly version: number };
  readonly how: 'upload' | 'rejected' | 'withdrawn';
  readonly unionName: string;
  readonly errors: number;
  /** The rules' zh-TW titles, each once. */
  readonly titles: readonly string[];
}

const CAUSE_WORDS: Readonly<Record<ReconAlertFacts['how'], string>> = { upload: '上傳', rejected: '被否決', withdrawn: '被撤回' };
const causeText = (r: ReconAlertFacts): string => `${filingLabel(r.cause)}${CAUSE_WORDS[r.how]}後`;
const errorsText = (r: ReconAlertFacts): string => `出現 ${r.errors} 項新的勾稽錯誤（${r.titles.join('、')}）`;

/** The union is told that one of its filings no longer reconciles. */
export const reconAlertForUnion = (r: ReconAlertFacts): TitledMessage => ({
  title: '勾稽發現新錯誤',
  message: `${causeText(r)}，${filingLabel(r.filing)}${errorsText(r)}。請檢視差異，必要時上傳修正後的新版本。`,
});

/** The local government or the ministry is told that a filing it reviews or approved no longer reconciles. */
export const reconAlertForReviewer = (r: ReconAlertFacts): TitledMessage => ({
  title: `${r.unionName}勾稽發現新錯誤`,
  message: `${r.unionName}的${filingLabel(r.filing)}（${STATUS_LABELS[r.filing.status]}）在${causeText(r)}${errorsText(r)}，請重新檢視。`,
});

