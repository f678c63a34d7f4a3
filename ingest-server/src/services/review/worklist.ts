// 待辦 (the reviewer's worklist): the filings in the caller's scope that wait for the caller's role to decide, oldest
// wait first, each marked overdue once it has waited longer than REVIEW_DAYS. Superseded and withdrawn versions never
// wait for anyone (no transition leaves them), so they are never here.
import { addDays, daysBetween, taipeiDate } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { type Filing, type FilingStatus } from '../../models/filing';
import { type Role, type User } from '../../models/user';
import { REVIEW_DAYS } from '../deadlines';
import { filingView } from '../filings/view';
import { scopedFilings } from '../scope';
import { TRANSITIONS } from './state-machine';

/** The statuses in which `role` has a decision to take: read off the state machine. */
export const awaitingStatuses = (role: Role): FilingStatus[] => Object.keys(TRANSITIONS[role]) as FilingStatus[];

/** The most a worklist answers (a local government's open filings are far fewer). */
const WORKLIST_MAX = 500;

type Waiting = Filing & { since: Date | string };

export const worklist = async (db: Knex, user: User, now: Date) => {
  const statuses = awaitingStatuses(user.role);
  // waiting since the last decision on it, or since the upload when nobody has decided yet
  const since = db.raw('coalesce((SELECT max(e.created_at) FROM review_events e WHERE e.filing_id = filings.id), filings.uploaded_at) AS since');
  const query = scopedFilings(db, user).whereIn('status', statuses);
  const [total, rows] = await Promise.all([
    query.clone().resultSize(),
    query
      .clone()
      .select('filings.*', since)
      .orderByRaw('since asc, filings.id asc')
      .limit(WORKLIST_MAX),
  ]);
  const today = taipeiDate(now);
  const items = (rows as Waiting[]).map((f) => {
    const at = new Date(f.since);
    const started = taipeiDate(at);
    const reviewDueDate = addDays(started, REVIEW_DAYS);
    return { ...filingView(f), since: at.toISOString(), waitingDays: Math.max(0, daysBetween(started, today)), reviewDueDate, overdue: today > reviewDueDate };
  });
  return { items, total, overdue: items.filter((i) => i.overdue).length, reviewDays: REVIEW_DAYS };
};
