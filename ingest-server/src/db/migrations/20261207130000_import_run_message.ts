// An import run's message is stored as a code + params (issue 12), like findings: old rows' texts read back into an
// import run text code and its counts (or file.unreadable with its reason), else kept whole as a legacy text; then the
// message column goes and the text is written when a run is shown. Down writes the text back.
import { storedMessageOf, type FindingParams } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { runMessageFromText } from './20261207130000_import_run_message.parse';

const BATCH = 1000;

interface Row {
  readonly id: number;
  readonly message?: string | null;
  readonly message_code?: string | null;
  readonly message_params?: FindingParams | null;
}

/** Rewrites every run in batches, by id, with the values a function of the row gives. */
const rewrite = async (knex: Knex, columns: readonly string[], to: (row: Row) => Record<string, string | null>): Promise<void> => {
  let after = 0;
  for (;;) {
    const rows = await knex('import_runs').where('id', '>', after).orderBy('id').limit(BATCH).select<Row[]>('id', ...columns);
    if (rows.length === 0) return;
    for (const row of rows) await knex('import_runs').where('id', row.id).update(to(row));
    after = Number(rows[rows.length - 1]?.id ?? after);
  }
};

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('import_runs', (t) => {
    t.text('message_code');
    t.jsonb('message_params').notNullable().defaultTo('{}');
  });
  await rewrite(knex, ['message'], (row) => {
    const { code, params } = runMessageFromText(row.message ?? '');
    return { message_code: code, message_params: JSON.stringify(params) };
  });
  await knex.schema.alterTable('import_runs', (t) => t.dropColumn('message'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('import_runs', (t) => t.text('message').notNullable().defaultTo(''));
  await rewrite(knex, ['message_code', 'message_params'], (row) => ({ message: storedMessageOf(row.message_code ?? null, row.message_params ?? {}) }));
  await knex.schema.alterTable('import_runs', (t) => {
    t.dropColumn('message_code');
    t.dropColumn('message_params');
  });
}
