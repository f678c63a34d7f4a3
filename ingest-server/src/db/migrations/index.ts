// The migrations in order, as a knex migration source (works the same under tsx, jest and a bundle).
import { type Knex } from 'knex';
import * as accounts from './20261121120000_accounts';
import * as filings from './20261121120100_filings';
import * as extraction from './20261121120200_extraction';
import * as reviewNotifications from './20261121140000_review_notifications';
import * as registryImports from './20261121150000_registry_imports';
import * as findingParams from './20261207120000_finding_params';
import * as importRunMessage from './20261207130000_import_run_message';
import * as reconParams from './20261207140000_recon_params';
import * as loginThrottle from './20261207150000_login_throttle';
import * as importFindingsCap from './20261207160000_import_findings_cap';
import * as originalDownloads from './20261207160100_original_downloads';
import * as administration from './20261208090000_administration';
import * as mailAndResets from './20261208100000_mail_and_resets';
import * as filingAttachments from './20261208120000_filing_attachments';
import * as reviewSafeguards from './20261208130000_review_safeguards';
import * as jobs from './20261209140000_jobs';

const MIGRATIONS: Readonly<Record<string, Knex.Migration>> = {
  '20261121120000_accounts': accounts,
  '20261121120100_filings': filings,
  '20261121120200_extraction': extraction,
  '20261121140000_review_notifications': reviewNotifications,
  '20261121150000_registry_imports': registryImports,
  '20261207120000_finding_params': findingParams,
  '20261207130000_import_run_message': importRunMessage,
  '20261207140000_recon_params': reconParams,
  '20261207150000_login_throttle': loginThrottle,
  '20261207160000_import_findings_cap': importFindingsCap,
  '20261207160100_original_downloads': originalDownloads,
  '20261208090000_administration': administration,
  '20261208100000_mail_and_resets': mailAndResets,
  '20261208120000_filing_attachments': filingAttachments,
  '20261208130000_review_safeguards': reviewSafeguards,
  '20261209140000_jobs': jobs,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const m = MIGRATIONS[name];
    if (m === undefined) throw new Error(`unknown migration ${name}`);
    return m;
  },
};
