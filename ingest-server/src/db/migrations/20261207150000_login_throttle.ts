// Login throttling that survives restarts and works across processes (issue 14): per-account (and per-known-device)
// failure counters with growing delays, devices a user has signed in from, and attempts that are still being verified.
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  // key: 'account:<lower(username)>' or 'device:<login_devices.id>'; failures since the last success (forgotten a day after the last one)
  await knex.schema.createTable('login_throttles', (t) => {
    t.text('key').primary();
    t.integer('failures').notNullable();
    t.timestamp('last_failure_at', { useTz: true }).notNullable();
    t.timestamp('blocked_until', { useTz: true });
    t.index(['last_failure_at']);
  });
  // a browser a user has signed in from: its random cookie token, stored only as SHA-256 (one row per token and user)
  await knex.schema.createTable('login_devices', (t) => {
    t.increments('id');
    t.text('token_hash').notNullable();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['token_hash', 'user_id']);
    t.index(['last_used_at']);
  });
  // success null: claimed and still being verified (counted against the limits until it is settled)
  await knex.schema.alterTable('login_attempts', (t) => {
    t.boolean('success').nullable().alter();
    t.integer('device_id').references('id').inTable('login_devices').onDelete('SET NULL');
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex('login_attempts').whereNull('success').update({ success: false });
  await knex.schema.alterTable('login_attempts', (t) => {
    t.dropColumn('device_id');
    t.boolean('success').notNullable().alter();
  });
  await knex.schema.dropTable('login_devices');
  await knex.schema.dropTable('login_throttles');
};
