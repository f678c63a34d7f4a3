// Registry imports (unions, officers, volunteers, training, service hours), eligibility and the 半年報. Filled in by the imports work.
import { Router } from 'express';
import { type Knex } from 'knex';

export const importRoutes = (_db: Knex): Router => Router();
