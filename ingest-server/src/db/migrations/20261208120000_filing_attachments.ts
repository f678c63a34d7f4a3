// Issue 16: an application is the workbook plus two PDFs (seed 004 §1.2(二)3). Each PDF is kept (bytes in PostgreSQL like
// the workbooks, never overwritten) as a version of its kind for the union's application of that year; a row names the
// application version it was attached to, and later versions see it until a newer one of the same kind replaces it.
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('filing_attachments', (t) => {
    t.increments('id');
    t.integer('union_id').notNullable().references('id').inTable('organizations');
    t.integer('year').notNullable();
    t.text('kind').notNullable().checkIn(['meeting', 'method'], 'filing_attachments_kind_check');
    t.integer('version').notNullable();
    /** The application version that was the latest when this PDF arrived. */
    t.integer('filing_id').notNullable().references('id').inTable('filings');
    t.text('sha256').notNullable();
    t.text('file_name').notNullable();
    t.integer('size_bytes').notNullable();
    t.integer('pages').notNullable();
    t.binary('bytes').notNullable();
    t.integer('uploaded_by').notNullable().references('id').inTable('users');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['union_id', 'year', 'kind', 'version']);
    t.index(['filing_id']);
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('filing_attachments');
};
