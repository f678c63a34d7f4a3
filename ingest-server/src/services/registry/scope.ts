// Who sees which registry (SPEC §6 roles applied to §8): a local government imports and reads its own registries only,
// the ministry reads every local government's (naming which one), unions neither.
import { type Knex } from 'knex';
import { forbidden, notFound, badRequest } from '../../http/errors';
import { type User } from '../../models/user';

/** The local government whose registry a read concerns: one's own, or — for the ministry — the one asked for. */
export const registryOwner = async (db: Knex, user: User, requested: number | undefined): Promise<number> => {
  if (user.role === 'local_gov') {
    if (requested !== undefined && requested !== user.organization_id) throw notFound('此地方主管機關的名冊');
    return user.organization_id;
  }
  if (user.role !== 'ministry') throw forbidden('工會帳號不能查看志工或工會名冊');
  if (requested === undefined) throw badRequest('請以 org 參數指定地方主管機關');
  const org = await db('organizations').where({ id: requested, kind: 'local_gov' }).first<{ id: number } | undefined>('id');
  if (org === undefined) throw notFound('地方主管機關');
  return org.id;
};

/** Import runs the user may see: their local government's, or all for the ministry. */
export const scopedRuns = (db: Knex, user: User): Knex.QueryBuilder => {
  const query = db('import_runs');
  if (user.role === 'local_gov') return query.where('import_runs.organization_id', user.organization_id);
  if (user.role === 'ministry') return query;
  return query.whereRaw('false');
};

/** ID numbers are personal data: lists show them as the seed's screens do (「A2211*****」). */
export const maskIdNo = (id: string): string => (id.length <= 5 ? id : `${id.slice(0, 5)}${'*'.repeat(id.length - 5)}`);
