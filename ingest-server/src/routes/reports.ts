// Reconciled reports for the ministry and local governments. Filled in by the reports work.
import { Router } from 'express';
import { type Knex } from 'knex';

export const reportRoutes = (_db: Knex): Router => Router();
