// Filings (every version kept), their raw files, findings, the append-only review history and notifications.
import { type Knex } from 'knex';

export const FILING_STATES = ['submitted', 'local_review', 'ministry_review', 'approved', 'returned', 'ministry_returned', 'rejected'];

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('filings', (t) => {
    t.increments('id');
    t.text('kind').notNullable().checkIn(['application', 'cashbook'], 'filings_kind_check');
    t.integer('union_id').notNullable().references('id').inTable('organizations');
    t.text('ubn').notNullable();
    t.integer('year').notNullable();
    // 0 for the yearly application, 1–4 for a quarterly cash book
    t.smallint('quarter').notNullable();
    t.integer('version').notNullable();
    t.text('sha256').notNullable().unique();
    t.text('file_name').notNullable();
    t.integer('size_bytes').notNullable();
    t.text('template_version').notNullable();
    t.text('status').notNullable().checkIn(FILING_STATES, 'filings_status_check');
    t.integer('lock_version').notNullable().defaultTo(0);
    t.integer('errors').notNullable().defaultTo(0);
    t.integer('warnings').notNullable().defaultTo(0);
    t.integer('uploaded_by').notNullable().references('id').inTable('users');
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.jsonb('meta').notNullable().defaultTo('{}');
    t.unique(['union_id', 'kind', 'year', 'quarter', 'version']);
    t.index(['year', 'quarter']);
  });
  await knex.schema.createTable('filing_files', (t) => {
    t.integer('filing_id').primary().references('id').inTable('filings').onDelete('CASCADE');
    t.binary('bytes').notNullable();
  });
  await knex.schema.createTable('findings', (t) => {
    t.bigIncrements('id');
    t.integer('filing_id').notNullable().references('id').inTable('filings').onDelete('CASCADE');
    t.text('source').notNullable().checkIn(['check', 'recon'], 'findings_source_check');
    t.text('code').notNullable();
    t.text('severity').notNullable().checkIn(['error', 'warning'], 'findings_severity_check');
    t.text('sheet');
    t.text('cell');
    t.integer('row_no');
    t.text('field');
    t.text('message').notNullable();
    t.text('expected');
    t.text('actual');
    t.integer('seq').notNullable();
    t.index(['filing_id', 'source']);
    t.index(['code']);
  });
  await knex.schema.createTable('review_events', (t) => {
    t.bigIncrements('id');
    t.integer('filing_id').notNullable().references('id').inTable('filings');
    t.integer('actor_id').notNullable().references('id').inTable('users');
    t.text('actor_role').notNullable();
    t.text('decision').notNullable();
    t.text('from_status').notNullable();
    t.text('to_status').notNullable();
    t.text('opinion').notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['filing_id']);
  });
  // the review history (審核歷程) is append-only: the database itself refuses changes
  await knex.raw(`
    CREATE FUNCTION review_events_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'review_events is append-only';
    END;
    $$ LANGUAGE plpgsql`);
  await knex.raw(`
    CREATE TRIGGER review_events_no_change BEFORE UPDATE OR DELETE ON review_events
    FOR EACH ROW EXECUTE FUNCTION review_events_append_only()`);
  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id');
    t.integer('organization_id').notNullable().references('id').inTable('organizations');
    t.integer('filing_id').references('id').inTable('filings');
    t.text('kind').notNullable();
    t.text('title').notNullable();
    t.text('message').notNullable();
    // reminders are created once per union, period and kind of reminder
    t.text('dedupe_key').unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.index(['organization_id', 'read_at']);
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('notifications');
  await knex.raw('DROP TRIGGER review_events_no_change ON review_events');
  await knex.raw('DROP FUNCTION review_events_append_only()');
  await knex.schema.dropTable('review_events');
  await knex.schema.dropTable('findings');
  await knex.schema.dropTable('filing_files');
  await knex.schema.dropTable('filings');
};
