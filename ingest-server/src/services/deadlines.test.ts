// Due dates (Taipei, end of day), day counts across year ends and leap days, and a union's standing for a period.
import { type FilingFacts } from './deadlines';
import { deadlineStatus, dueDate, dueInstant, needsReminder, periodsDueBetween } from './deadlines';

const application = (year: number) => ({ kind: 'application' as const, year, quarter: 0 });
const cashbook = (year: number, quarter: number) => ({ kind: 'cashbook' as const, year, quarter });
const filed = (version: number, status: FilingFacts['status'], uploadedAt: string): FilingFacts => ({ version, status, uploadedAt: new Date(uploadedAt) });

describe('dueDate', () => {
  it('puts the application of ROC year N on 1/31 of year N+1911', () => {
    expect(dueDate(application(115))).toBe('2026-01-31');
    expect(dueDate(application(100))).toBe('2011-01-31');
    expect(dueDate(application(113))).toBe('2024-01-31');
  });

  it('puts the cash book of quarter q on the last day of month 3q', () => {
    expect([1, 2, 3, 4].map((q) => dueDate(cashbook(115, q)))).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect([1, 2, 3, 4].map((q) => dueDate(cashbook(113, q)))).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
  });

  it('ends at the end of the due date in Taipei (UTC+8)', () => {
    expect(dueInstant(application(115)).toISOString()).toBe('2026-01-31T15:59:59.999Z');
    expect(dueInstant(cashbook(115, 4)).toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });
});

describe('periodsDueBetween', () => {
  it('lists the periods due in a window, across the year end', () => {
    expect(periodsDueBetween('2026-12-25', '2027-02-05')).toEqual([cashbook(115, 4), application(116)]);
    expect(periodsDueBetween('2026-04-01', '2026-06-29')).toEqual([]);
    expect(periodsDueBetween('2026-01-31', '2026-03-31')).toEqual([application(115), cashbook(115, 1)]);
  });
});

describe('deadlineStatus', () => {
  it('is not due until the end of the due date, then missing', () => {
    expect(deadlineStatus(application(115), [], '2026-01-24')).toEqual({ state: 'not_due', dueDate: '2026-01-31', daysLeft: 7, daysOverdue: 0, overdue: false });
    expect(deadlineStatus(application(115), [], '2026-01-31')).toMatchObject({ state: 'not_due', daysLeft: 0, overdue: false });
    expect(deadlineStatus(application(115), [], '2026-02-01')).toMatchObject({ state: 'missing', daysLeft: -1, daysOverdue: 1, overdue: true });
  });

  it('counts days overdue across the year end and a leap February', () => {
    // the December cash book of ROC 112 (2023) looked at on 2024-03-01: 31 + 29 + 1 days
    expect(deadlineStatus(cashbook(112, 4), [], '2024-03-01')).toMatchObject({ state: 'missing', daysOverdue: 61 });
    expect(deadlineStatus(cashbook(113, 4), [], '2025-03-01')).toMatchObject({ state: 'missing', daysOverdue: 60 });
    expect(deadlineStatus(cashbook(115, 4), [], '2027-01-01')).toMatchObject({ state: 'missing', dueDate: '2026-12-31', daysOverdue: 1 });
  });

  it('is on time when uploaded by the end of the due date in Taipei, late after', () => {
    expect(deadlineStatus(cashbook(115, 1), [filed(1, 'submitted', '2026-03-31T15:59:00Z')], '2026-04-10')).toMatchObject({ state: 'on_time', overdue: false });
    expect(deadlineStatus(cashbook(115, 1), [filed(1, 'submitted', '2026-03-31T16:00:00Z')], '2026-04-10')).toMatchObject({ state: 'late', overdue: false });
    expect(deadlineStatus(application(116), [filed(1, 'approved', '2026-12-20T02:00:00Z')], '2027-01-02')).toMatchObject({ state: 'on_time' });
  });

  it('is returned while the latest version was returned or rejected, overdue once past due', () => {
    const returned = [filed(1, 'returned', '2026-01-10T02:00:00Z')];
    expect(deadlineStatus(application(115), returned, '2026-01-20')).toMatchObject({ state: 'returned', overdue: false });
    expect(deadlineStatus(application(115), returned, '2026-02-02')).toMatchObject({ state: 'returned', overdue: true, daysOverdue: 2 });
    expect(deadlineStatus(application(115), [filed(1, 'rejected', '2026-01-10T02:00:00Z')], '2026-02-02')).toMatchObject({ state: 'returned', overdue: true });
  });

  it('judges timeliness by the first version once a corrected version is in', () => {
    const versions = [filed(2, 'submitted', '2026-02-05T02:00:00Z'), filed(1, 'returned', '2026-01-10T02:00:00Z')];
    expect(deadlineStatus(application(115), versions, '2026-02-06')).toMatchObject({ state: 'on_time', overdue: false });
    // a filing the ministry returned to the local government is with the local government, not owed by the union
    expect(deadlineStatus(application(115), [filed(1, 'ministry_returned', '2026-01-10T02:00:00Z')], '2026-03-01')).toMatchObject({ state: 'on_time' });
  });
});

describe('needsReminder', () => {
  it('reminds within 7 days of the due date while nothing valid is filed', () => {
    const at = (today: string, filings: FilingFacts[] = []) => needsReminder(deadlineStatus(cashbook(115, 4), filings, today));
    expect(at('2026-12-23')).toBe(false);
    expect(at('2026-12-24')).toBe(true);
    expect(at('2026-12-31')).toBe(true);
    expect(at('2027-01-01')).toBe(false);
    expect(at('2026-12-28', [filed(1, 'submitted', '2026-12-27T02:00:00Z')])).toBe(false);
    expect(at('2026-12-28', [filed(1, 'returned', '2026-12-20T02:00:00Z')])).toBe(true);
  });

  it('reminds of a leap-year application in the week before 1/31', () => {
    expect(needsReminder(deadlineStatus(application(113), [], '2024-01-24'))).toBe(true);
    expect(needsReminder(deadlineStatus(application(113), [], '2024-01-23'))).toBe(false);
  });
});
