// Issue 16 review safeguards: two more filing statuses — superseded (已被取代: a newer version closed it) and withdrawn
// (已撤回 by the union before any reviewer took it up); the number of open errors a reviewer acknowledged when approving
// (null: nothing to acknowledge); an index for the reviewers' worklist (待辦: filings by status, oldest first).
import { type Knex } from 'knex';
import { FILING_STATES } from './20261121120100_filings';

const statusCheck = (states: readonly string[]): string =>
  `ALTER TABLE filings ADD CONSTRAINT filings_status_check CHECK (status IN (${states.map((s) => `'${s}'`).join(', ')}))`;

export const up = async (knex: Knex): Promise<void> => {
  await knex.raw('ALTER TABLE filings DROP CONSTRAINT filings_status_check');
  await knex.raw(statusCheck([...FILING_STATES, 'superseded', 'withdrawn']));
  await knex.schema.alterTable('review_events', (t) => {
    t.integer('acknowledged_errors');
  });
  await knex.schema.alterTable('filings', (t) => {
    t.index(['status', 'uploaded_at'], 'filings_status_uploaded_idx');
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.alterTable('filings', (t) => {
    t.dropIndex(['status', 'uploaded_at'], 'filings_status_uploaded_idx');
  });
  await knex.schema.alterTable('review_events', (t) => {
    t.dropColumn('acknowledged_errors');
  });
  // the older schema has no word for these: a superseded version was simply still "submitted", a withdrawn one is gone
  // from review the way a rejected one is (the review_events rows keep what really happened)
  await knex('filings').where('status', 'superseded').update({ status: 'submitted' });
  await knex('filings').where('status', 'withdrawn').update({ status: 'rejected' });
  await knex.raw('ALTER TABLE filings DROP CONSTRAINT filings_status_check');
  await knex.raw(statusCheck(FILING_STATES));
};
