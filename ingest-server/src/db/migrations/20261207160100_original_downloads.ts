// Issue 14: reviewers download a clean copy; the uploaded bytes (kept, hashed) go only to a ministry administrator who
// confirmed, and every such download is recorded here (append-only: a trigger refuses changes, like the review history).
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('original_downloads', (t) => {
    t.bigIncrements('id');
    t.integer('filing_id').notNullable().references('id').inTable('filings');
    t.integer('user_id').notNullable().references('id').inTable('users');
    /** The SHA-256 the administrator confirmed (the filing's, checked against the stored bytes). */
    t.text('sha256').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['filing_id']);
  });
  await knex.raw(`
    CREATE FUNCTION original_downloads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'original_downloads is append-only'; END $$`);
  await knex.raw(`
    CREATE TRIGGER original_downloads_append_only BEFORE UPDATE OR DELETE ON original_downloads
    FOR EACH ROW EXECUTE FUNCTION original_downloads_append_only()`);
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('original_downloads');
  await knex.raw('DROP FUNCTION IF EXISTS original_downloads_append_only()');
};
