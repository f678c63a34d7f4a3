// What each job does: the services it calls. Scheduled jobs are idempotent; a registry import picks its queued run up
// where a killed instance left it (the run's transaction rolled back with the instance).
import { type Knex } from 'knex';
import { pruneAuthTables } from '../services/auth-service';
import { pruneSentMail } from '../services/mail/outbox';
import { prunePasswordResets } from '../services/password-reset';
import { runQueuedImport } from '../services/registry/queued-import';
import { runReminders } from '../services/review/reminders';
import { type JobHandlers } from './runner';

export const jobHandlers = (db: Knex): JobHandlers => ({
  reminders: () => runReminders(db),
  prune: async () => {
    await pruneAuthTables(db);
    await prunePasswordResets(db);
    await pruneSentMail(db);
    return null;
  },
  'registry-import': (data, attempt) => runQueuedImport(db, Number(data.runId), attempt),
});
