// Issue 19 jobs on PostgreSQL (the queue itself is pg-boss's, in its own schema; see jobs/runner.ts): every run of a
// scheduled job (reminders, pruning) with the instance that ran it, so an operator — and the two-instance test — can see
// each period ran once; and registry imports as jobs: a run is first `queued`, then `running` with the rows read so far,
// its file kept in import_uploads until the job has read it.
import { type Knex } from 'knex';

const RUN_STATUSES = ['dry_run', 'applied', 'rejected', 'unreadable'];

const statusCheck = (states: readonly string[]): string =>
  `ALTER TABLE import_runs ADD CONSTRAINT import_runs_status_check CHECK (status IN (${states.map((s) => `'${s}'`).join(', ')}))`;

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('job_runs', (t) => {
    t.bigIncrements('id');
    t.text('name').notNullable();
    /** The start of the period the run belongs to (a scheduled job runs once per period). */
    t.timestamp('period_start', { useTz: true });
    t.text('instance').notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.text('outcome');
    t.jsonb('detail');
    t.index(['name', 'started_at']);
  });
  await knex.raw('ALTER TABLE import_runs DROP CONSTRAINT import_runs_status_check');
  await knex.raw(statusCheck([...RUN_STATUSES, 'queued', 'running', 'failed']));
  await knex.schema.alterTable('import_runs', (t) => {
    t.integer('progress_rows').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('import_uploads', (t) => {
    t.integer('run_id').primary().references('id').inTable('import_runs').onDelete('CASCADE');
    t.binary('bytes').notNullable();
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('import_uploads');
  await knex.schema.alterTable('import_runs', (t) => t.dropColumn('progress_rows'));
  await knex('import_runs').whereIn('status', ['queued', 'running', 'failed']).update({ status: 'unreadable' });
  await knex.raw('ALTER TABLE import_runs DROP CONSTRAINT import_runs_status_check');
  await knex.raw(statusCheck(RUN_STATUSES));
  await knex.schema.dropTable('job_runs');
};
