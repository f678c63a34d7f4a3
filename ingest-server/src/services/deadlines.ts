// Due dates and deadline status of a union's filing for a period (SPEC §1; seed 004 §1.2(三)2): pure, today is passed in.
// Used by reminders, the overdue list and the ministry's reports, so all of them agree about every union and period.
import { daysBetween, gregorianYearOfRoc, isoDate, type IsoDate, lastDayOfMonth, rocYearOf, taipeiDate, taipeiDayEnd } from '@portfund/shared-rules';
import { INACTIVE_STATUSES } from '@portfund/api-contract';
import { type FilingKind, type FilingStatus } from '../models/filing';

/** A filing period: the application of ROC year `year` (quarter 0) or the cash book of a quarter (1–4). */
export interface Period {
  readonly kind: FilingKind;
  readonly year: number;
  readonly quarter: number;
}

/** What the deadline logic needs to know about one version of a filing. */
export interface FilingFacts {
  readonly version: number;
  readonly status: FilingStatus;
  readonly uploadedAt: Date;
}

/**
 * not_due: nothing filed yet, not past due; on_time / late: filed (by the first version's upload date);
 * missing: nothing filed and past due; returned: the current version was returned (or every version rejected) and a new one is owed.
 */
export type DeadlineState = 'not_due' | 'on_time' | 'late' | 'missing' | 'returned';

export interface DeadlineStatus {
  readonly state: DeadlineState;
  readonly dueDate: IsoDate;
  /** Days from today to the due date (negative once past due). */
  readonly daysLeft: number;
  /** Days past the due date (0 until then). */
  readonly daysOverdue: number;
  /** Whether the union still owes a filing for the period and the due date has passed. */
  readonly overdue: boolean;
}

export const REMINDER_DAYS = 7;

/**
 * Days a reviewer has for a filing waiting on them (待辦) before it is marked overdue, counted from the upload or the last
 * decision. The seeds set no review period; two weeks is ours, kept here with the filing deadlines.
 */
export const REVIEW_DAYS = 14;

/** Due date: the application of year N by 1/31 of year N; the cash book of quarter q by the last day of month 3q. */
export const dueDate = (period: Period): IsoDate => {
  const gregorian = gregorianYearOfRoc(period.year);
  return period.kind === 'application' ? isoDate(gregorian, 1, 31) : lastDayOfMonth(gregorian, period.quarter * 3);
};

/** The due moment: the end of the due date in Taipei. */
export const dueInstant = (period: Period): Date => taipeiDayEnd(dueDate(period));

/** The periods of one ROC year: the application, then the four quarterly cash books. */
export const periodsOfYear = (year: number): Period[] => [
  { kind: 'application', year, quarter: 0 },
  ...[1, 2, 3, 4].map((quarter): Period => ({ kind: 'cashbook', year, quarter })),
];

/** Every period whose due date lies in [from, to], in due-date order. */
export const periodsDueBetween = (from: IsoDate, to: IsoDate): Period[] => {
  const periods: Period[] = [];
  for (let year = rocYearOf(from); year <= rocYearOf(to); year += 1) {
    for (const p of periodsOfYear(year)) {
      const due = dueDate(p);
      if (due >= from && due <= to) periods.push(p);
    }
  }
  return periods;
};

/** What decides a period's standing: when it was first filed, and the status of its current version. */
export interface PeriodFacts {
  /** Upload time of the first version (rejected ones included), null when nothing was filed. */
  readonly firstUploadedAt: Date | null;
  /** Status of the current version — the highest version not rejected — or null when every version was rejected. */
  readonly currentStatus: FilingStatus | null;
}

/**
 * The one rule for a period: nothing filed → not_due / missing; every version rejected, or the current one returned to
 * the applicant → returned (a new version is owed); otherwise on time / late by the FIRST version's upload date in Taipei
 * (a correction after a return does not make a filing late). ministry_returned is with the local government: filed.
 */
export const periodState = (due: IsoDate, facts: PeriodFacts, today: IsoDate): DeadlineState => {
  if (facts.firstUploadedAt === null) return today <= due ? 'not_due' : 'missing';
  if (facts.currentStatus === null || facts.currentStatus === 'returned') return 'returned';
  return taipeiDate(facts.firstUploadedAt) <= due ? 'on_time' : 'late';
};

/** The facts of a period from every version filed for it. */
export const periodFacts = (filings: readonly FilingFacts[]): PeriodFacts => {
  // a withdrawn version was taken back before anyone reviewed it: as if never filed
  const byVersion = [...filings].filter((f) => f.status !== 'withdrawn').sort((a, b) => a.version - b.version);
  const current = [...byVersion].reverse().find((f) => !INACTIVE_STATUSES.has(f.status));
  return { firstUploadedAt: byVersion[0]?.uploadedAt ?? null, currentStatus: current?.status ?? null };
};

/** Where a union stands with one period on `today`, from every version it filed for that period. */
export const deadlineStatus = (period: Period, filings: readonly FilingFacts[], today: IsoDate): DeadlineStatus => {
  const due = dueDate(period);
  const daysLeft = daysBetween(today, due);
  const daysOverdue = Math.max(0, -daysLeft);
  const state = periodState(due, periodFacts(filings), today);
  return { state, dueDate: due, daysLeft, daysOverdue, overdue: (state === 'missing' || state === 'returned') && daysOverdue > 0 };
};

/** Whether a deadline reminder is due: within REMINDER_DAYS of the due date and nothing valid filed yet. */
export const needsReminder = (status: DeadlineStatus): boolean =>
  status.daysLeft >= 0 && status.daysLeft <= REMINDER_DAYS && (status.state === 'not_due' || status.state === 'returned');
