// Issue 15 (accounts): one-time password-reset links (only the token's SHA-256 is stored; single use, 30 minutes), the
// requests for them per address (rate limit), and the mail outbox: every e-mail is written in the transaction that makes
// its reason (a notification, a reset link) and delivered later by the sender (services/mail/sender.ts) with retries.
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('password_reset_tokens', (t) => {
    t.bigIncrements('id');
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.text('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    /** Set when the link was used, or when another reset made it void. */
    t.timestamp('used_at', { useTz: true });
    /** Who issued it: null when the user asked (忘記密碼), else the administrator. */
    t.integer('issued_by').references('id').inTable('users');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['user_id', 'created_at']);
  });
  await knex.schema.createTable('password_reset_requests', (t) => {
    t.bigIncrements('id');
    t.text('ip').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['ip', 'at']);
  });
  await knex.schema.createTable('mail_outbox', (t) => {
    t.bigIncrements('id');
    /** notification or password_reset (the latter's body holds a link: cleared once sent). */
    t.text('kind').notNullable();
    t.integer('user_id').references('id').inTable('users');
    t.bigInteger('notification_id').references('id').inTable('notifications');
    t.text('to_address').notNullable();
    t.text('subject').notNullable();
    t.text('body').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    /** When the sender may take it next: due now, after a failure's backoff, or after a running claim's lease. */
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    /** The claim of the sender delivering it now: only that sender may mark it sent or failed. */
    t.text('claim_token');
    t.timestamp('sent_at', { useTz: true });
    /** The last failure, without addresses or credentials (an error code and the SMTP reply code). */
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE sent_at IS NULL');
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('mail_outbox');
  await knex.schema.dropTable('password_reset_requests');
  await knex.schema.dropTable('password_reset_tokens');
};
