// Review and notifications: the notification list is read newest first per organisation, the review history per filing in order.
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.alterTable('notifications', (t) => {
    t.index(['organization_id', 'created_at', 'id'], 'notifications_org_created_idx');
  });
  await knex.schema.alterTable('review_events', (t) => {
    t.index(['filing_id', 'created_at', 'id'], 'review_events_filing_created_idx');
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.alterTable('review_events', (t) => {
    t.dropIndex(['filing_id', 'created_at', 'id'], 'review_events_filing_created_idx');
  });
  await knex.schema.alterTable('notifications', (t) => {
    t.dropIndex(['organization_id', 'created_at', 'id'], 'notifications_org_created_idx');
  });
};
