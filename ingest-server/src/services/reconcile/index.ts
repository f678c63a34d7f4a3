// Reconciliation across filings (SPEC §6): run for a new filing and re-run for the current filings that read it, all in
// the filing's transaction; every finding is stored as a recon finding of the filing it concerns.
import { type Finding } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { type Filing, type FilingKind } from '../../models/filing';
import { replaceReconFindings } from '../filings/findings-store';
import { addedErrors, notifyReconChanges, reconErrorPlaces, type ReconCause, type ReconChange } from './alerts';
import { carry } from './carry';
import { cashbookVsFinalAccounts } from './cashbook-vs-final-accounts';
import { createReconContext, type ReconCheck, type ReconContext } from './context';
import { educationTwoYears } from './education-two-years';
import { historyChanged } from './history-changed';
import { openingBalance } from './opening-balance';
import { memberWelfareCap } from './person-cap';
import { dependentsOf } from './related';
import { registryMembers } from './registry-members';
import { unionNameMismatch } from './union-name-mismatch';

const CHECKS: Readonly<Record<FilingKind, readonly ReconCheck[]>> = {
  cashbook: [unionNameMismatch, historyChanged, openingBalance, memberWelfareCap],
  application: [unionNameMismatch, registryMembers, cashbookVsFinalAccounts, carry, educationTwoYears],
};

/** The reconciliation findings of one filing against the current versions of the filings it reads. */
export const reconFindings = async (ctx: ReconContext, filing: Filing): Promise<Finding[]> => {
  const out: Finding[] = [];
  for (const check of CHECKS[filing.kind]) out.push(...(await check(ctx, filing)));
  return out;
};

/**
 * Recomputes the reconciliation findings of this filing and of every filing whose checks depend on it; those holding a
 * dependent filing that gained errors are notified (`how`: the filing was uploaded, or rejected).
 */
export const reconcileAround = async (trx: Knex.Transaction, filing: Filing, how: ReconCause): Promise<void> => {
  // one union's filings are reconciled one transaction at a time, so two related uploads at once still see each other:
  // the later one waits here and then reads the earlier one's committed rows (READ COMMITTED, a fresh snapshot per query)
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`reconcile|${filing.union_id}`]);
  const ctx = createReconContext(trx);
  const dependents = await dependentsOf(ctx, filing);
  await replaceReconFindings(trx, filing.id, await reconFindings(ctx, filing));
  const changes: ReconChange[] = [];
  for (const f of dependents) {
    const before = await reconErrorPlaces(trx, f.id);
    const findings = await reconFindings(ctx, f);
    await replaceReconFindings(trx, f.id, findings);
    changes.push({ filing: f, added: addedErrors(before, findings) });
  }
  await notifyReconChanges(trx, filing, how, changes);
};

/** After the registry changed a union (name, 會員合計), re-reconciles every current filing of that union. */
export const reconcileUnion = async (trx: Knex.Transaction, unionId: number): Promise<void> => {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`reconcile|${unionId}`]);
  const ctx = createReconContext(trx);
  const periods = await trx('filings').where('union_id', unionId).distinct<{ kind: FilingKind; year: number; quarter: number }[]>('kind', 'year', 'quarter');
  for (const p of periods) {
    const current = await ctx.current(unionId, p.kind, p.year, p.quarter);
    if (current !== undefined) await replaceReconFindings(trx, current.id, await reconFindings(ctx, current));
  }
};
