// Who sees which registry (SPEC §6 roles applied to §8): a local government imports and reads its own registries only,
// the ministry reads every local government's (naming which one), unions neither.
import { type Knex } from 'knex';
import { type User } from '../../models/user';
import { type Outcome, refuse } from '../result';
import { type ImportRunRow } from './store';

/** The local government whose registry a read concerns: one's own, or — for the ministry — the one asked for. */
export const registryOwner = async (db: Knex, user: User, requested: number | undefined): Promise<Outcome<{ owner: number }>> => {
  if (user.role === 'local_gov') {
    if (requested !== undefined && requested !== user.organization_id) return refuse('registry.other_authority');
    return { ok: true, owner: user.organization_id };
  }
  if (user.role !== 'ministry') return refuse('registry.union_account');
  if (requested === undefined) return refuse('registry.org_required');
  const org = await db('organizations').where({ id: requested, kind: 'local_gov' }).first<{ id: number } | undefined>('id');
  if (org === undefined) return refuse('registry.authority_not_found');
  return { ok: true, owner: org.id };
};

/** Import runs the user may see: their local government's, or all for the ministry. */
export const scopedRuns = (db: Knex, user: User): Knex.QueryBuilder => {
  const query = db('import_runs');
  if (user.role === 'local_gov') return query.where('import_runs.organization_id', user.organization_id);
  if (user.role === 'ministry') return query;
  return query.whereRaw('false');
};

/** One import run within the user's scope; outside it the run does not exist for them. */
export const findRun = (db: Knex, user: User, id: number): Promise<ImportRunRow | undefined> =>
  scopedRuns(db, user).where('import_runs.id', id).first<ImportRunRow | undefined>();

/** A page of the runs the user may see, newest first, with how many there are in all. */
export const listRuns = async (
  db: Knex,
  user: User,
  filter: { readonly kind?: string | undefined; readonly status?: string | undefined; readonly limit: number; readonly offset: number },
): Promise<{ runs: ImportRunRow[]; total: number }> => {
  const query = scopedRuns(db, user);
  if (filter.kind !== undefined) query.where('kind', filter.kind);
  if (filter.status !== undefined) query.where('status', filter.status);
  const [count] = await query.clone().count<{ n: string | number }[]>('* as n');
  const runs = await query.orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).select<ImportRunRow[]>('*');
  return { runs, total: Number(count?.n ?? 0) };
};

/** ID numbers are personal data: lists show them as the seed's screens do (「A2211*****」). */
export const maskIdNo = (id: string): string => (id.length <= 5 ? id : `${id.slice(0, 5)}${'*'.repeat(id.length - 5)}`);
