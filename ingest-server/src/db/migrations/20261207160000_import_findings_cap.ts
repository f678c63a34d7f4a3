// Issue 14: an import stores at most the first N findings of each code; the rest are counted on the run (per code), so
// a file of a million broken rows — dry run or not — stores its run and a few thousand rows, never millions.
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.alterTable('import_runs', (t) => {
    /** Rows stored in import_findings for this run (the listed findings and one summary row per capped code). */
    t.integer('findings_stored').notNullable().defaultTo(0);
    /** Findings not stored, by code: { "import.duplicate": 12345 }. */
    t.jsonb('findings_omitted').notNullable().defaultTo('{}');
  });
  // runs recorded before the cap stored every finding
  await knex.raw('UPDATE import_runs SET findings_stored = errors + warnings');
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.alterTable('import_runs', (t) => {
    t.dropColumn('findings_stored');
    t.dropColumn('findings_omitted');
  });
};
