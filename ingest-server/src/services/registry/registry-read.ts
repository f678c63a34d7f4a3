// Reads of one local government's volunteer registry shaped for the pure computations: the people of a unit's subtree
// with their memberships, and the unit directory.
import { type UnitDirectory } from '@portfund/shared-rules/src/registry';
import { type Knex } from 'knex';
import { type Outcome, refuse } from '../result';
import { loadUnitDirectory } from './registry-context';

export interface VolunteerRow {
  id: number;
  id_no: string;
  name: string;
  sex: '男' | '女';
  birth_date: string;
  education: string;
  occupation: string;
  indigenous: boolean;
  foreigner: boolean;
  record_book_no: string | null;
  honor_card_no: string | null;
  insurance_status: string | null;
}

export interface MembershipRow {
  volunteer_id: number;
  unit_id: number;
  joined_on: string | null;
}

/** The directory, after checking the unit (if any) belongs to this registry. */
export const directoryWithUnit = async (db: Knex, ownerId: number, unitId: number | undefined): Promise<Outcome<{ directory: UnitDirectory }>> => {
  const directory = await loadUnitDirectory(db, ownerId);
  if (unitId !== undefined && directory.get(unitId) === undefined) return refuse('registry.unit_not_found');
  return { ok: true, directory };
};

/** Volunteers with a membership in the units (all units when null), and all their memberships. */
export const volunteersOf = async (
  db: Knex,
  ownerId: number,
  unitIds: ReadonlySet<number> | null,
): Promise<{ volunteers: VolunteerRow[]; memberships: Map<number, MembershipRow[]> }> => {
  const query = db('volunteers')
    .where('volunteers.organization_id', ownerId)
    .select<VolunteerRow[]>('id', 'id_no', 'name', 'sex', 'birth_date', 'education', 'occupation', 'indigenous', 'foreigner', 'record_book_no', 'honor_card_no', 'insurance_status')
    .orderBy('id');
  if (unitIds !== null) {
    query.whereExists(db('volunteer_memberships').whereRaw('volunteer_memberships.volunteer_id = volunteers.id').whereIn('unit_id', [...unitIds]));
  }
  const volunteers = await query;
  const rows = await db('volunteer_memberships')
    .join('volunteers', 'volunteers.id', 'volunteer_memberships.volunteer_id')
    .where('volunteers.organization_id', ownerId)
    .select<MembershipRow[]>('volunteer_memberships.volunteer_id', 'volunteer_memberships.unit_id', 'volunteer_memberships.joined_on');
  const memberships = new Map<number, MembershipRow[]>();
  for (const m of rows) memberships.set(m.volunteer_id, [...(memberships.get(m.volunteer_id) ?? []), m]);
  return { volunteers, memberships };
};
