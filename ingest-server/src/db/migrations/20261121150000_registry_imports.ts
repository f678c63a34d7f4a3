// The registries filled by imports (SPEC §8): volunteer units, volunteers and their units, training and service hours,
// union registry profiles and officers — every record owned by one local government — and the import runs with findings.
// Dates are ISO text (yyyy-mm-dd: no time-zone shifts between pg and PGlite); hours numeric; row_hash detects a changed row.
import { type Knex } from 'knex';

export const IMPORT_KINDS = ['units', 'unions', 'officers', 'volunteers', 'training', 'service_hours'];
const RUN_MODES = ['dry_run', 'valid_rows', 'all_or_nothing'];
const RUN_STATUSES = ['dry_run', 'applied', 'rejected', 'unreadable'];
const UNIT_LEVELS = ['agency', 'operator', 'team', 'squad'];

const owner = (t: Knex.CreateTableBuilder): void => {
  t.integer('organization_id').notNullable().references('id').inTable('organizations');
};

const stamps = (knex: Knex, t: Knex.CreateTableBuilder): void => {
  t.text('row_hash').notNullable();
  t.integer('last_run_id').references('id').inTable('import_runs');
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
};

export const up = async (knex: Knex): Promise<void> => {
  await knex.schema.createTable('import_runs', (t) => {
    t.increments('id');
    owner(t);
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.text('kind').notNullable().checkIn(IMPORT_KINDS, 'import_runs_kind_check');
    t.text('mode').notNullable().checkIn(RUN_MODES, 'import_runs_mode_check');
    t.text('status').notNullable().checkIn(RUN_STATUSES, 'import_runs_status_check');
    t.text('file_name').notNullable();
    t.text('file_sha256').notNullable();
    t.integer('size_bytes').notNullable();
    t.text('format');
    t.text('encoding');
    t.text('sheet');
    t.integer('dates_gregorian').notNullable().defaultTo(0);
    t.integer('dates_roc').notNullable().defaultTo(0);
    t.jsonb('options').notNullable().defaultTo('{}');
    for (const c of ['rows_read', 'rows_valid', 'rows_inserted', 'rows_updated', 'rows_unchanged', 'rows_rejected', 'errors', 'warnings']) {
      t.integer(c).notNullable().defaultTo(0);
    }
    t.text('message').notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.index(['organization_id', 'created_at']);
    t.index(['file_sha256']);
  });
  await knex.schema.createTable('import_findings', (t) => {
    t.bigIncrements('id');
    t.integer('run_id').notNullable().references('id').inTable('import_runs').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('code').notNullable();
    t.text('severity').notNullable().checkIn(['error', 'warning'], 'import_findings_severity_check');
    t.integer('row_no');
    t.text('field');
    t.text('message').notNullable();
    t.text('expected');
    t.text('actual');
    t.unique(['run_id', 'seq']);
  });

  await knex.schema.createTable('volunteer_units', (t) => {
    t.increments('id');
    owner(t);
    // null: a 目的機關 directly under the local government (主管機關)
    t.integer('parent_id').references('id').inTable('volunteer_units');
    t.text('level').notNullable().checkIn(UNIT_LEVELS, 'volunteer_units_level_check');
    t.text('name').notNullable();
    t.integer('created_by_run').references('id').inTable('import_runs');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['organization_id']);
  });
  await knex.raw('CREATE UNIQUE INDEX volunteer_units_top_name ON volunteer_units (organization_id, name) WHERE parent_id IS NULL');
  await knex.raw('CREATE UNIQUE INDEX volunteer_units_child_name ON volunteer_units (parent_id, name) WHERE parent_id IS NOT NULL');

  await knex.schema.createTable('volunteers', (t) => {
    t.increments('id');
    owner(t);
    t.text('id_no').notNullable();
    t.text('name').notNullable();
    t.text('name_en');
    t.text('sex').notNullable().checkIn(['男', '女'], 'volunteers_sex_check');
    t.text('birth_date').notNullable();
    t.text('mobile').notNullable();
    t.text('phone');
    t.text('email').notNullable();
    t.text('household_address');
    t.text('contact_address');
    t.boolean('indigenous').notNullable().defaultTo(false);
    t.boolean('foreigner').notNullable().defaultTo(false);
    t.boolean('disaster_relief').notNullable().defaultTo(false);
    t.text('occupation').notNullable();
    t.text('education').notNullable();
    t.text('skills');
    t.text('languages');
    t.text('service_categories');
    t.text('record_book_no');
    t.text('record_book_issuer');
    t.text('honor_card_no');
    t.text('insurance_status');
    stamps(knex, t);
    t.unique(['organization_id', 'id_no']);
  });
  await knex.schema.createTable('volunteer_memberships', (t) => {
    t.increments('id');
    t.integer('volunteer_id').notNullable().references('id').inTable('volunteers').onDelete('CASCADE');
    t.integer('unit_id').notNullable().references('id').inTable('volunteer_units');
    t.text('joined_on');
    stamps(knex, t);
    t.unique(['volunteer_id', 'unit_id']);
    t.index(['unit_id']);
  });
  for (const table of ['volunteer_trainings', 'volunteer_service_hours']) {
    await knex.schema.createTable(table, (t) => {
      t.bigIncrements('id');
      owner(t);
      t.text('natural_key').notNullable();
      t.text('id_no').notNullable();
      t.text('volunteer_name').notNullable();
      // null: the 主管機關 itself
      t.integer('unit_id').references('id').inTable('volunteer_units');
      t.text('unit_name').notNullable();
      if (table === 'volunteer_trainings') {
        t.text('course_type').notNullable();
        t.text('organizer').notNullable();
        t.text('course_name').notNullable();
        t.text('domain').notNullable();
        t.text('approved_on');
        t.text('approval_no');
      } else {
        t.text('hour_type').notNullable();
        t.text('service_item').notNullable();
        t.text('service_content').notNullable();
      }
      t.decimal('hours', 9, 2).notNullable();
      t.text('start_on').notNullable();
      t.text('end_on').notNullable();
      stamps(knex, t);
      t.unique(['organization_id', 'natural_key']);
      t.index(['organization_id', 'id_no']);
      t.index(['unit_id']);
    });
  }

  await knex.schema.createTable('union_profiles', (t) => {
    t.integer('union_id').primary().references('id').inTable('organizations');
    t.text('union_no');
    t.text('union_type');
    t.text('name').notNullable();
    t.text('ubn').notNullable();
    t.text('registration_no');
    t.text('leader');
    t.integer('term_no');
    t.text('term_start');
    t.text('term_end');
    t.text('founded_on');
    t.text('certificate_on');
    t.text('document_no');
    t.text('address');
    t.text('phone');
    t.text('email');
    t.text('fax');
    t.text('website');
    t.text('electoral_system');
    t.integer('member_unions');
    for (const g of ['directors', 'supervisors', 'members']) for (const s of ['male', 'female', 'total']) t.integer(`${g}_${s}`);
    t.decimal('last_year_revenue', 15, 0);
    t.decimal('last_year_expenditure', 15, 0);
    t.text('last_general_meeting_on');
    t.boolean('one_third_rule');
    t.text('authority');
    stamps(knex, t);
  });
  await knex.schema.createTable('union_officers', (t) => {
    t.increments('id');
    t.integer('union_id').notNullable().references('id').inTable('organizations');
    t.text('term_start').notNullable();
    t.text('term_end').notNullable();
    t.text('id_no').notNullable();
    t.boolean('is_leader').notNullable();
    t.text('title').notNullable();
    t.text('name').notNullable();
    t.text('sex').notNullable();
    t.text('birth_date');
    t.text('address');
    t.text('phone');
    t.text('email');
    stamps(knex, t);
    t.unique(['union_id', 'term_start', 'id_no']);
  });
};

export const down = async (knex: Knex): Promise<void> => {
  for (const table of ['union_officers', 'union_profiles', 'volunteer_service_hours', 'volunteer_trainings', 'volunteer_memberships', 'volunteers', 'volunteer_units', 'import_findings', 'import_runs']) {
    await knex.schema.dropTable(table);
  }
};
