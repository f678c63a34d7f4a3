// Deadline reminders and overdue filings (SPEC §6): reminders within REMINDER_DAYS of a due date, overdue notices to the
// union and its local government once past it — each created once (dedupe key) — and the scoped list of overdue unions.
import { addDays, type IsoDate, rocDateText, taipeiDate } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { type FilingStatus } from '../../models/filing';
import { Organization } from '../../models/organization';
import { type User } from '../../models/user';
import {
  deadlineReminder,
  overdueForLocalGov,
  overdueForUnion,
  periodFilingLabel,
  type DeadlineFacts,
} from '../notifications/messages';
import { createNotifications, type NewNotification } from '../notifications/notifications';
import { scopedUnions } from '../scope';
import {
  deadlineStatus,
  needsReminder,
  periodsDueBetween,
  periodsOfYear,
  REMINDER_DAYS,
  type DeadlineStatus,
  type FilingFacts,
  type Period,
} from '../deadlines';

/** Overdue notices are sent for periods due at most this long ago: a first start does not flood unions with old periods. */
export const OVERDUE_LOOKBACK_DAYS = 92;

interface FilingRow {
  readonly id: number;
  readonly union_id: number;
  readonly version: number;
  readonly status: FilingStatus;
  readonly uploaded_at: Date | string;
}

interface UnionStanding {
  readonly union: Organization;
  readonly status: DeadlineStatus;
  /** The newest version filed for the period, if any. */
  readonly latestFilingId: number | null;
}

/** Every union's standing for one period on `today`. */
const standings = async (db: Knex, unions: readonly Organization[], period: Period, today: IsoDate): Promise<UnionStanding[]> => {
  if (unions.length === 0) return [];
  const rows = await db('filings')
    .where({ kind: period.kind, year: period.year, quarter: period.quarter })
    .whereIn(
      'union_id',
      unions.map((u) => u.id),
    )
    .select<FilingRow[]>('id', 'union_id', 'version', 'status', 'uploaded_at');
  const byUnion = new Map<number, FilingRow[]>();
  for (const r of rows) byUnion.set(r.union_id, [...(byUnion.get(r.union_id) ?? []), r]);
  return unions.map((union) => {
    const filed = byUnion.get(union.id) ?? [];
    const facts = filed.map((r): FilingFacts => ({ version: r.version, status: r.status, uploadedAt: new Date(r.uploaded_at) }));
    const latest = [...filed].sort((a, b) => b.version - a.version)[0];
    return { union, status: deadlineStatus(period, facts, today), latestFilingId: latest?.id ?? null };
  });
};

const factsOf = (period: Period, s: UnionStanding): DeadlineFacts => ({
  period: periodFilingLabel(period.kind, period.year, period.quarter),
  unionName: s.union.name,
  ubn: s.union.ubn ?? '',
  dueLabel: rocDateText(s.status.dueDate, 'spaced'),
  daysLeft: s.status.daysLeft,
  daysOverdue: s.status.daysOverdue,
  returned: s.status.state === 'returned',
});

const periodKey = (unionId: number, p: Period): string => `${unionId}:${p.kind}:${p.year}:${p.quarter}`;

export interface ReminderRun {
  readonly today: IsoDate;
  /** Notifications created by this run (0 when everything was already sent). */
  readonly created: number;
  readonly reminders: number;
  readonly overdue: number;
}

/**
 * Creates the reminders and overdue notices due on `now` (its date in Taipei); safe to run any number of times, also
 * concurrently: each notice has a dedupe key and is created once.
 */
export const runReminders = async (db: Knex, now: Date = new Date()): Promise<ReminderRun> => {
  const today = taipeiDate(now);
  const unions = await Organization.query(db).where('kind', 'union').orderBy('id');
  const reminderRows: NewNotification[] = [];
  const overdueRows: NewNotification[] = [];
  for (const period of periodsDueBetween(addDays(today, -OVERDUE_LOOKBACK_DAYS), addDays(today, REMINDER_DAYS))) {
    for (const s of await standings(db, unions, period, today)) {
      const facts = factsOf(period, s);
      const key = periodKey(s.union.id, period);
      if (needsReminder(s.status)) {
        reminderRows.push({ organizationId: s.union.id, filingId: s.latestFilingId, kind: 'reminder', ...deadlineReminder(facts), dedupeKey: `reminder:${key}` });
      }
      if (s.status.overdue) {
        overdueRows.push({ organizationId: s.union.id, filingId: s.latestFilingId, kind: 'overdue', ...overdueForUnion(facts), dedupeKey: `overdue:${s.union.id}:${key}` });
        if (s.union.parent_id !== null) {
          overdueRows.push({
            organizationId: s.union.parent_id,
            filingId: s.latestFilingId,
            kind: 'overdue',
            ...overdueForLocalGov(facts),
            dedupeKey: `overdue:${s.union.parent_id}:${key}`,
          });
        }
      }
    }
  }
  const [reminders, overdue] = await db.transaction(async (trx) => [await createNotifications(trx, reminderRows), await createNotifications(trx, overdueRows)]);
  return { today, created: reminders + overdue, reminders, overdue };
};

export interface OverdueQuery {
  readonly year: number;
  /** 0 = the application, 1–4 = a quarter's cash book; omitted = every period of the year. */
  readonly quarter?: number | undefined;
  readonly today: IsoDate;
}

/** Unions in the caller's scope that owe a filing past its due date, most overdue first. */
export const listOverdue = async (db: Knex, user: User, q: OverdueQuery) => {
  const unions = await scopedUnions(db, user).orderBy('id');
  const parents = new Map(
    (await Organization.query(db).whereIn('id', unions.map((u) => u.parent_id).filter((id): id is number => id !== null))).map((o) => [o.id, o]),
  );
  const periods = periodsOfYear(q.year).filter((p) => q.quarter === undefined || p.quarter === q.quarter);
  const overdue = [];
  for (const period of periods) {
    for (const s of await standings(db, unions, period, q.today)) {
      if (!s.status.overdue) continue;
      const parent = s.union.parent_id === null ? undefined : parents.get(s.union.parent_id);
      overdue.push({
        union: { id: s.union.id, name: s.union.name, ubn: s.union.ubn },
        localGovernment: parent === undefined ? null : { id: parent.id, name: parent.name },
        kind: period.kind,
        year: period.year,
        quarter: period.quarter === 0 ? null : period.quarter,
        periodLabel: periodFilingLabel(period.kind, period.year, period.quarter),
        dueDate: s.status.dueDate,
        daysOverdue: s.status.daysOverdue,
        state: s.status.state as 'missing' | 'returned',
        latestFilingId: s.latestFilingId,
      });
    }
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.union.ubn ?? '').localeCompare(b.union.ubn ?? '') || (a.quarter ?? 0) - (b.quarter ?? 0));
  return { today: q.today, year: q.year, quarter: q.quarter ?? null, overdue };
};
