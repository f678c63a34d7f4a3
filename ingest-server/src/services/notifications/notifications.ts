// Notifications (通知訊息) of an organisation: created inside the caller's transaction, listed and marked read per organisation.
import { type Knex } from 'knex';
import { Notification } from '../../models/notification';
import { type User } from '../../models/user';
import { type CreatedNotification, mailNotifications } from '../mail/outbox';

/**
 * review: a decision; reminder / overdue: deadlines; recon: a filing gained reconciliation errors after another arrived;
 * submission: a union filed (or withdrew) a version its local government reviews.
 */
export type NotificationKind = 'review' | 'reminder' | 'overdue' | 'recon' | 'submission';

export interface NewNotification {
  readonly organizationId: number;
  readonly filingId: number | null;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly message: string;
  /** Unique across all notifications: a second notification with the same key is silently not created. */
  readonly dedupeKey: string | null;
}

// 6 bound parameters a row: stay far below PostgreSQL's 65,535 per statement
const INSERT_CHUNK = 1000;

/**
 * Inserts notifications (skipping those whose dedupe key exists) and answers how many were created; when mail is on,
 * each new one is also written to the mail outbox for its organisation's recipients, in the same transaction.
 */
export const createNotifications = async (db: Knex | Knex.Transaction, rows: readonly NewNotification[]): Promise<number> => {
  let created = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const inserted = await db('notifications')
      .insert(
        rows.slice(start, start + INSERT_CHUNK).map((n) => ({
          organization_id: n.organizationId,
          filing_id: n.filingId,
          kind: n.kind,
          title: n.title,
          message: n.message,
          dedupe_key: n.dedupeKey,
        })),
      )
      .onConflict('dedupe_key')
      .ignore()
      .returning<CreatedNotification[]>(['id', 'organization_id', 'filing_id', 'title', 'message']);
    created += inserted.length;
    await mailNotifications(db, inserted);
  }
  return created;
};

export const notificationView = (n: Notification) => ({
  id: Number(n.id),
  kind: n.kind,
  filingId: n.filing_id,
  title: n.title,
  message: n.message,
  createdAt: new Date(n.created_at).toISOString(),
  readAt: n.read_at === null ? null : new Date(n.read_at).toISOString(),
  read: n.read_at !== null,
});

export type NotificationView = ReturnType<typeof notificationView>;

export interface NotificationQuery {
  readonly unreadOnly: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface NotificationPage {
  readonly notifications: NotificationView[];
  readonly total: number;
  readonly unread: number;
}

const ofOrganization = (db: Knex, user: User) => Notification.query(db).where('organization_id', user.organization_id);

/** The caller's organisation's notifications, newest first. */
export const listNotifications = async (db: Knex, user: User, q: NotificationQuery): Promise<NotificationPage> => {
  const query = ofOrganization(db, user);
  if (q.unreadOnly) query.whereNull('read_at');
  const [total, unread, rows] = await Promise.all([
    query.clone().resultSize(),
    ofOrganization(db, user).whereNull('read_at').resultSize(),
    query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(q.limit)
      .offset(q.offset),
  ]);
  return { notifications: rows.map(notificationView), total, unread };
};

/** How many of the caller's organisation's notifications are unread (one indexed count: organization_id, read_at). */
export const unreadNotificationCount = async (db: Knex, user: User): Promise<number> => ofOrganization(db, user).whereNull('read_at').resultSize();

/** Marks one of the caller's organisation's notifications read (the first reading time is kept); undefined if not theirs. */
export const markNotificationRead = async (db: Knex, user: User, id: number): Promise<Notification | undefined> => {
  await ofOrganization(db, user).where('id', id).whereNull('read_at').patch({ read_at: db.fn.now() as unknown as Date });
  return ofOrganization(db, user).findById(id);
};

/** Marks every unread notification of the caller's organisation read; answers how many. */
export const markAllNotificationsRead = async (db: Knex, user: User): Promise<number> =>
  ofOrganization(db, user).whereNull('read_at').patch({ read_at: db.fn.now() as unknown as Date });
