// Issue 15 (administration): organisations can be disabled and carry a contact; users may have to change a temporary
// password at their next sign-in and may opt out of e-mail; every administrative act is written to admin_audit
// (append-only: a trigger refuses changes, like the review history and original downloads).
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.alterTable('organizations', (t) => {
    t.boolean('disabled').notNullable().defaultTo(false);
    t.text('contact_name');
    t.text('contact_phone');
    t.text('contact_email');
  });
  await knex.schema.alterTable('users', (t) => {
    /** Set by an administrator's temporary password: the user must choose a new one before anything else. */
    t.boolean('must_change_password').notNullable().defaultTo(false);
    /** The user asked for no e-mail (notifications stay in the console). */
    t.boolean('email_opt_out').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('admin_audit', (t) => {
    t.bigIncrements('id');
    /** Who acted (null: the first-run setup or the bootstrap variable). */
    t.integer('actor_id').references('id').inTable('users');
    /** One of ADMIN_ACTIONS (services/admin-audit.ts). */
    t.text('action').notNullable();
    t.integer('target_user_id').references('id').inTable('users');
    t.integer('target_org_id').references('id').inTable('organizations');
    /** What changed (field names and new values); never a password, token or link. */
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at', 'id']);
    t.index(['target_org_id']);
    t.index(['target_user_id']);
  });
  await knex.raw(`
    CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'admin_audit is append-only'; END $$`);
  await knex.raw(`
    CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit
    FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only()`);
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('admin_audit');
  await knex.raw('DROP FUNCTION IF EXISTS admin_audit_append_only()');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('must_change_password');
    t.dropColumn('email_opt_out');
  });
  await knex.schema.alterTable('organizations', (t) => {
    t.dropColumn('disabled');
    t.dropColumn('contact_name');
    t.dropColumn('contact_phone');
    t.dropColumn('contact_email');
  });
};
