// Findings are stored as code + params (issue 12): a params column on findings and import_findings, old rows' messages
// read back into params (or kept whole as a legacy text), then the message column goes: text is written when served.
import { messageOf, type FindingParams } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { paramsFromMessage } from './20261207120000_finding_params.parse';

const TABLES = ['findings', 'import_findings'] as const;
const BATCH = 1000;

/** Sets params of rows in batches, by id, from a function of the row. */
const backfill = async (knex: Knex, table: string, column: 'params' | 'message', from: (row: { code: string; value: unknown }) => string): Promise<void> => {
  const source = column === 'params' ? 'message' : 'params';
  let after = 0;
  for (;;) {
    const rows = await knex(table).where('id', '>', after).orderBy('id').limit(BATCH).select<{ id: number | string; code: string; value: unknown }[]>('id', 'code', `${source} as value`);
    if (rows.length === 0) return;
    const values = rows.map((r) => [Number(r.id), from(r)]);
    const cast = column === 'params' ? '::jsonb' : '';
    await knex.raw(
      `UPDATE ?? AS t SET ?? = v.value${cast} FROM (VALUES ${values.map(() => '(?::bigint, ?)').join(', ')}) AS v(id, value) WHERE t.id = v.id`,
      [table, column, ...values.flat()],
    );
    after = Number(rows[rows.length - 1]?.id ?? after);
  }
};

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, (t) => t.jsonb('params'));
    await backfill(knex, table, 'params', (r) => JSON.stringify(paramsFromMessage(r.code, String(r.value ?? ''))));
    await knex.schema.alterTable(table, (t) => {
      t.jsonb('params').notNullable().defaultTo('{}').alter();
      t.dropColumn('message');
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, (t) => t.text('message'));
    await backfill(knex, table, 'message', (r) => messageOf(r.code, (r.value ?? {}) as FindingParams));
    await knex.schema.alterTable(table, (t) => {
      t.text('message').notNullable().alter();
      t.dropColumn('params');
    });
  }
}
