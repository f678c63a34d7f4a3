// Who may see what (SPEC §6 roles), in one place: a union sees its own filings, a local government those of the
// unions in its jurisdiction, the ministry everything. Every query of filings and unions goes through here.
import { type Knex } from 'knex';
import { type QueryBuilder } from 'objection';
import { Filing } from '../models/filing';
import { Organization } from '../models/organization';
import { type User } from '../models/user';

type AnyQuery = QueryBuilder<Filing> | QueryBuilder<Organization>;

/** Restricts a query on filings (column union_id) or unions (column id) to the user's scope. */
export const restrictToScope = <Q extends AnyQuery>(db: Knex, query: Q, user: User, unionColumn: string): Q => {
  if (user.role === 'union') return query.where(unionColumn, user.organization_id) as Q;
  if (user.role === 'local_gov') {
    const jurisdiction = db('organizations').select('id').where('parent_id', user.organization_id);
    return query.whereIn(unionColumn, jurisdiction as never) as Q;
  }
  return query;
};

export const scopedFilings = (db: Knex, user: User): QueryBuilder<Filing> => restrictToScope(db, Filing.query(db), user, 'filings.union_id');

export const scopedUnions = (db: Knex, user: User): QueryBuilder<Organization> =>
  restrictToScope(db, Organization.query(db).where('kind', 'union'), user, 'organizations.id');

/** A filing the user may see, or undefined (the route answers 404: a filing outside your scope does not exist for you). */
export const findVisibleFiling = async (db: Knex, user: User, id: number): Promise<Filing | undefined> =>
  scopedFilings(db, user).findById(id);

/** The union of a UBN if the user may file for it. */
export const findUnionInScope = async (db: Knex, user: User, ubn: string): Promise<Organization | undefined> =>
  scopedUnions(db, user).where('ubn', ubn).first();
