// Delivers the mail outbox. A pass claims due rows with FOR UPDATE SKIP LOCKED in a short transaction and leases them
// (next_attempt_at moves past the longest send), so two server instances never take the same row; it sends outside any
// transaction (PGlite's single connection stays free) and marks each row sent, or failed with an exponential backoff:
// an SMTP outage delays mail and loses none.
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';

/** What the sender needs of a mail transport (nodemailer's, or a test's). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** Rows one pass takes. */
export const BATCH = 20;
/** A claimed row is left alone by other senders for this long (longer than any send may take: see transport.ts timeouts). */
export const LEASE_MS = 5 * 60_000;
/** The first retry after a failure; it doubles with each further failure, up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60_000;

export const backoffAfter = (attempts: number): number => Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);

/** The failure as stored: an error code and SMTP reply code only — never the message text (it may quote addresses or credentials). */
export const failureSummary = (error: unknown): string => {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; name?: unknown };
  const code = typeof e.code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(e.code) ? e.code : typeof e.name === 'string' ? e.name.slice(0, 40) : 'error';
  return typeof e.responseCode === 'number' ? `${code} ${e.responseCode}` : code;
};

interface Claimed {
  readonly id: number | string;
  readonly kind: string;
  readonly to_address: string;
  readonly subject: string;
  readonly body: string;
  readonly attempts: number;
}

export interface DeliveryPass {
  readonly sent: number;
  readonly failed: number;
}

/** One pass: claims up to BATCH due rows and tries each once. `now` is the clock (tests move it past a backoff). */
export const deliverDue = async (db: Knex, transport: MailTransport, from: string, now: Date = new Date()): Promise<DeliveryPass> => {
  const claim = randomBytes(16).toString('hex');
  const rows = await db.transaction(async (trx) => {
    const due = trx('mail_outbox').select('id').whereNull('sent_at').andWhere('next_attempt_at', '<=', now).orderBy('id').limit(BATCH).forUpdate().skipLocked();
    return trx('mail_outbox')
      .whereIn('id', due)
      .update({ claim_token: claim, next_attempt_at: new Date(now.getTime() + LEASE_MS), attempts: trx.raw('attempts + 1') })
      .returning<Claimed[]>(['id', 'kind', 'to_address', 'subject', 'body', 'attempts']);
  });
  let sent = 0;
  let failed = 0;
  for (const row of [...rows].sort((a, b) => Number(a.id) - Number(b.id))) {
    try {
      await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body });
      // a reset link is of no use to anyone once delivered: the database keeps only that it was sent
      await db('mail_outbox')
        .where({ id: row.id, claim_token: claim })
        .update({ sent_at: new Date(), claim_token: null, last_error: null, ...(row.kind === 'password_reset' ? { body: '（已寄出；含重設連結的內容不保留）' } : {}) });
      sent += 1;
    } catch (error) {
      await db('mail_outbox')
        .where({ id: row.id, claim_token: claim })
        .update({ claim_token: null, last_error: failureSummary(error), next_attempt_at: new Date(now.getTime() + backoffAfter(row.attempts)) });
      failed += 1;
    }
  }
  return { sent, failed };
};

export interface MailSender {
  /** Runs a pass soon (after new mail was written). */
  kick(): void;
  /** Stops the timer and waits for a running pass. */
  stop(): Promise<void>;
}

/** Passes every intervalMs (and when kicked) until stopped; one at a time. Failures of the pass itself go to log. */
export const startMailSender = (
  db: Knex,
  transport: MailTransport,
  from: string,
  options: { readonly intervalMs?: number; readonly log?: (message: string, error?: unknown) => void } = {},
): MailSender => {
  const log = options.log ?? ((message: string) => console.error(message));
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = (): void => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        // a full batch means more may be due: keep going until a pass takes less
        for (;;) {
          again = false;
          const r = await deliverDue(db, transport, from);
          if (stopped) break;
          if (again) continue;
          if (r.sent + r.failed < BATCH || r.sent === 0) break;
        }
      } catch (error) {
        // never the error itself: a driver error may quote the SQL parameters (addresses, bodies)
        log(`郵件寄送佇列處理失敗：${failureSummary(error)}`);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(pass, options.intervalMs ?? 15_000);
  timer.unref();
  pass();
  return {
    kick: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
