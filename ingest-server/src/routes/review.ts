// Review of filings (SPEC §6): decisions, history, notifications. Filled in by the review work.
import { Router } from 'express';
import { type Knex } from 'knex';

export const reviewRoutes = (_db: Knex): Router => Router();
