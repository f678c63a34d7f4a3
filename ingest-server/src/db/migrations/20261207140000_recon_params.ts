// Reconciliation findings carry sub-codes (issue 12): stored ones whose params hold text fragments (recon.carry's and
// recon.cashbook_vs_final_accounts' label, recon.history_changed's change, entry and diff) are read back into the
// sub-codes and params the checks write now, or keep their text whole. Down writes the old params back as text.
import { LEGACY_MESSAGE, messageOf, type FindingParams } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { RECON_CODES, reconParams } from './20261207140000_recon_params.parse';

const BATCH = 1000;

interface Row {
  readonly id: number | string;
  readonly code: string;
  readonly params: FindingParams;
}

/** Rewrites the params of the stored reconciliation findings of the changed codes, in batches by id. */
const rewrite = async (knex: Knex, to: (row: Row) => FindingParams): Promise<void> => {
  let after = 0;
  for (;;) {
    const rows = await knex('findings')
      .where('id', '>', after)
      .where('source', 'recon')
      .whereIn('code', RECON_CODES)
      .orderBy('id')
      .limit(BATCH)
      .select<Row[]>('id', 'code', 'params');
    if (rows.length === 0) return;
    for (const row of rows) await knex('findings').where('id', row.id).update({ params: JSON.stringify(to(row)) });
    after = Number(rows[rows.length - 1]?.id ?? after);
  }
};

export async function up(knex: Knex): Promise<void> {
  await rewrite(knex, (row) => reconParams(row.code, row.params));
}

/** The old code read no sub-codes here: each row keeps the text it shows now. */
export async function down(knex: Knex): Promise<void> {
  await rewrite(knex, (row) => ({ [LEGACY_MESSAGE]: messageOf(row.code, row.params) }));
}
