// What a filing contains, as data: ledger entries and balances of cash books, the figures of applications — so reports are SQL.
import { type Knex } from 'knex';

const money = (t: Knex.CreateTableBuilder, name: string): Knex.ColumnBuilder => t.decimal(name, 15, 0);

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('ledger_entries', (t) => {
    t.bigIncrements('id');
    t.integer('filing_id').notNullable().references('id').inTable('filings').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.integer('sheet_row').notNullable();
    t.smallint('month');
    t.smallint('day');
    t.text('zi');
    t.text('voucher');
    t.text('item');
    t.text('no');
    t.text('note');
    money(t, 'amount');
    t.text('category');
    t.text('account');
    money(t, 'bal_special1');
    money(t, 'bal_special2');
    money(t, 'bal_fixed');
    money(t, 'bal_petty');
    t.unique(['filing_id', 'seq']);
  });
  await knex.schema.createTable('cashbook_summaries', (t) => {
    t.integer('filing_id').primary().references('id').inTable('filings').onDelete('CASCADE');
    t.smallint('period').notNullable();
    for (const side of ['opening', 'closing']) for (const a of ['special1', 'special2', 'fixed', 'petty']) money(t, `${side}_${a}`).notNullable();
    money(t, 'allocation_received').notNullable();
    money(t, 'interest_received').notNullable();
    money(t, 'other_received').notNullable();
  });
  await knex.schema.createTable('cashbook_spend', (t) => {
    t.integer('filing_id').notNullable().references('id').inTable('filings').onDelete('CASCADE');
    t.text('spend_row').notNullable();
    t.text('category').notNullable();
    money(t, 'amount').notNullable();
    t.primary(['filing_id', 'spend_row', 'category']);
  });
  await knex.schema.createTable('application_figures', (t) => {
    t.integer('filing_id').notNullable().references('id').inTable('filings').onDelete('CASCADE');
    // e.g. ('fa_spend', '1', 'alloc'), ('bg_spend', 'education', 'amount'), ('fa_rev', 'alloc', 'amount')
    t.text('section').notNullable();
    t.text('item').notNullable();
    t.text('col').notNullable();
    money(t, 'amount');
    t.text('text_value');
    t.primary(['filing_id', 'section', 'item', 'col']);
  });
  await knex.schema.createTable('training_sessions', (t) => {
    t.integer('filing_id').notNullable().references('id').inTable('filings').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('session_no');
    t.text('day1');
    t.text('day2');
    t.decimal('days', 4, 1);
    t.text('title');
    t.text('place');
    t.decimal('hours', 6, 1);
    money(t, 'cost');
    t.integer('male');
    t.integer('female');
    t.primary(['filing_id', 'seq']);
  });
  // member names only (no ID numbers): the server's per-member 會員福利 cap needs to tell a member from a description
  await knex.schema.createTable('roster_members', (t) => {
    t.integer('filing_id').notNullable().references('id').inTable('filings').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('name');
    t.text('gender');
    t.primary(['filing_id', 'seq']);
  });
};

export const down = async (knex: Knex): Promise<void> => {
  for (const table of ['roster_members', 'training_sessions', 'application_figures', 'cashbook_spend', 'cashbook_summaries', 'ledger_entries']) {
    await knex.schema.dropTable(table);
  }
};
