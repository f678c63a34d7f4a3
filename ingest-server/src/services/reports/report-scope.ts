// The report's view of SPEC §6 roles: the unions come from services/scope.ts (the one place of the rule), the local
// governments follow from it — the ministry sees all, a local government itself, a union the one it belongs to.
import { type Knex } from 'knex';
import { type User } from '../../models/user';
import { scopedUnions } from '../scope';

/** A subquery of the ids of the unions the user may see, to embed in a report's SQL. */
export const scopedUnionIds = (db: Knex, user: User): Knex.QueryBuilder => scopedUnions(db, user).select('organizations.id').toKnexQuery();

export interface LocalGovernmentRef {
  readonly id: number;
  readonly name: string;
}

/** The local governments a roll-up has one row for, in a stable order. */
export const scopedLocalGovernments = async (db: Knex, user: User): Promise<LocalGovernmentRef[]> => {
  const query = db('organizations').where('kind', 'local_gov').select<LocalGovernmentRef[]>('id', 'name').orderBy('id');
  if (user.role === 'local_gov') query.where('id', user.organization_id);
  if (user.role === 'union') query.whereIn('id', db('organizations').select('parent_id').where('id', user.organization_id));
  return query;
};
