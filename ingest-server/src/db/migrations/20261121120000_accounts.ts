// Organisations (ministry, local governments with their jurisdiction, unions by UBN), users, sessions, login attempts.
import { type Knex } from 'knex';

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('organizations', (t) => {
    t.increments('id');
    t.text('kind').notNullable().checkIn(['ministry', 'local_gov', 'union'], 'organizations_kind_check');
    t.text('name').notNullable();
    t.text('ubn').unique();
    t.integer('parent_id').references('id').inTable('organizations');
    t.text('code');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['parent_id']);
  });
  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.text('username').notNullable();
    t.text('password_hash').notNullable();
    t.integer('organization_id').notNullable().references('id').inTable('organizations');
    t.text('role').notNullable().checkIn(['union', 'local_gov', 'ministry'], 'users_role_check');
    t.boolean('is_admin').notNullable().defaultTo(false);
    t.text('display_name');
    t.text('email');
    t.boolean('disabled').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('CREATE UNIQUE INDEX users_username_unique ON users (lower(username))');
  await knex.schema.createTable('sessions', (t) => {
    t.increments('id');
    t.text('token_hash').notNullable().unique();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['user_id']);
  });
  await knex.schema.createTable('login_attempts', (t) => {
    t.bigIncrements('id');
    t.text('username').notNullable();
    t.text('ip').notNullable();
    t.boolean('success').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['username', 'at']);
    t.index(['ip', 'at']);
  });
};

export const down = async (knex: Knex): Promise<void> => {
  await knex.schema.dropTable('login_attempts');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('organizations');
};
