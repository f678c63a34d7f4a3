// The mail outbox: every e-mail is a row written in the transaction that gives it a reason (a notification, a reset link),
// so a rolled-back decision mails nothing and a committed one is never forgotten; sender.ts delivers the rows.
import { type Knex } from 'knex';
import { consoleLink, mailSettings } from './settings';

export type MailKind = 'notification' | 'password_reset';

export interface OutgoingMail {
  readonly kind: MailKind;
  readonly userId: number | null;
  readonly notificationId?: number | null;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

const SUBJECT_PREFIX = '【商港服務費福利專款】';
const FOOTER = '\n\n——\n此信由商港服務費福利專款審核系統自動寄出，請勿直接回覆。不想收到電子郵件通知，可於主控台的「帳號設定」關閉。';

// 6 bound parameters a row: far below PostgreSQL's 65,535 per statement
const INSERT_CHUNK = 1000;

/** Writes mail to the outbox (pass the caller's transaction); nothing when mail is off. Answers how many rows. */
export const enqueueMail = async (db: Knex | Knex.Transaction, mails: readonly OutgoingMail[]): Promise<number> => {
  if (!mailSettings().enabled || mails.length === 0) return 0;
  for (let start = 0; start < mails.length; start += INSERT_CHUNK) {
    await db('mail_outbox').insert(
      mails.slice(start, start + INSERT_CHUNK).map((m) => ({
        kind: m.kind,
        user_id: m.userId,
        notification_id: m.notificationId ?? null,
        to_address: m.to,
        subject: `${SUBJECT_PREFIX}${m.subject}`,
        body: `${m.body}${FOOTER}`,
      })),
    );
  }
  return mails.length;
};

/** Who of an organisation receives its notifications by e-mail: enabled users with an address who did not opt out. */
export const mailRecipients = async (db: Knex | Knex.Transaction, organizationIds: readonly number[]): Promise<{ id: number; organization_id: number; email: string }[]> => {
  if (organizationIds.length === 0) return [];
  return db('users')
    .whereIn('organization_id', [...new Set(organizationIds)])
    .whereNotNull('email')
    .whereNot('email', '')
    .andWhere({ email_opt_out: false, disabled: false })
    .orderBy('id')
    .select<{ id: number; organization_id: number; email: string }[]>('id', 'organization_id', 'email');
};

export interface CreatedNotification {
  readonly id: number | string;
  readonly organization_id: number;
  readonly filing_id: number | null;
  readonly title: string;
  readonly message: string;
}

/** One e-mail per recipient of each new notification, linking to its filing (or to the notifications page). */
export const mailNotifications = async (db: Knex | Knex.Transaction, created: readonly CreatedNotification[]): Promise<number> => {
  if (!mailSettings().enabled || created.length === 0) return 0;
  const recipients = await mailRecipients(
    db,
    created.map((n) => n.organization_id),
  );
  const mails: OutgoingMail[] = created.flatMap((n) =>
    recipients
      .filter((r) => r.organization_id === n.organization_id)
      .map((r) => ({
        kind: 'notification' as const,
        userId: r.id,
        notificationId: Number(n.id),
        to: r.email,
        subject: n.title,
        body: `${n.message}\n\n詳見：${consoleLink(n.filing_id === null ? 'notifications' : `filings/${n.filing_id}`)}`,
      })),
  );
  return enqueueMail(db, mails);
};

/** How long a delivered e-mail is kept (what was mailed to whom, for questions about a notice); undelivered ones stay until sent. */
export const SENT_MAIL_KEPT_DAYS = 90;

/** Deletes mail delivered more than SENT_MAIL_KEPT_DAYS ago (the scheduled prune job); never a row still waiting to be sent. */
export const pruneSentMail = async (db: Knex, now = new Date()): Promise<number> =>
  db('mail_outbox').whereNotNull('sent_at').andWhere('sent_at', '<', new Date(now.getTime() - SENT_MAIL_KEPT_DAYS * 24 * 3_600_000)).delete();
