// Reads of one local government's registry for the API: its units with volunteer counts, volunteers (ID numbers
// masked), union profiles, and a union's officers by term.
import { type Knex } from 'knex';
import { type Outcome, refuse } from '../result';
import { loadUnitDirectory } from './registry-context';
import { directoryWithUnit } from './registry-read';
import { maskIdNo } from './scope';

/** The authority and its units in tree order, each with the volunteers it has directly. */
export const unitList = async (db: Knex, owner: number) => {
  const directory = await loadUnitDirectory(db, owner);
  const counts = await db('volunteer_memberships')
    .join('volunteer_units', 'volunteer_units.id', 'volunteer_memberships.unit_id')
    .where('volunteer_units.organization_id', owner)
    .groupBy('unit_id')
    .select<{ unit_id: number; n: string | number }[]>('unit_id', db.raw('count(distinct volunteer_id) as n'));
  const direct = new Map(counts.map((c) => [c.unit_id, Number(c.n)]));
  const org = await db('organizations').where('id', owner).first<{ id: number; name: string }>('id', 'name');
  return {
    authority: { id: org.id, name: org.name },
    units: directory.treeOrder().map((u) => ({ id: u.id, parentId: u.parentId, level: u.level, name: u.name, path: directory.pathText(u.id), volunteers: direct.get(u.id) ?? 0 })),
  };
};

export interface VolunteerFilter {
  readonly unit?: number | undefined;
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** A page of volunteers (of a unit's subtree, or named like q) with their units. */
export const volunteerList = async (db: Knex, owner: number, filter: VolunteerFilter): Promise<Outcome<{ volunteers: Record<string, unknown>[]; total: number }>> => {
  const found = await directoryWithUnit(db, owner, filter.unit);
  if (!found.ok) return found;
  const { directory } = found;
  const query = db('volunteers').where('volunteers.organization_id', owner);
  if (filter.unit !== undefined) query.whereExists(db('volunteer_memberships').whereRaw('volunteer_memberships.volunteer_id = volunteers.id').whereIn('unit_id', [...directory.subtree(filter.unit)]));
  if (filter.q !== undefined && filter.q !== '') query.where('name', 'like', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [count] = await query.clone().count<{ n: string | number }[]>('* as n');
  const rows = await query
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset)
    .select<Record<string, unknown>[]>('id', 'id_no', 'name', 'sex', 'birth_date', 'education', 'occupation', 'record_book_no', 'honor_card_no', 'insurance_status');
  const ids = rows.map((r) => Number(r.id));
  const memberships = await db('volunteer_memberships').whereIn('volunteer_id', ids).select<{ volunteer_id: number; unit_id: number; joined_on: string | null }[]>('volunteer_id', 'unit_id', 'joined_on');
  return {
    ok: true,
    total: Number(count?.n ?? 0),
    volunteers: rows.map((r) => ({
      id: r.id,
      idNo: maskIdNo(String(r.id_no)),
      name: r.name,
      sex: r.sex,
      birthDate: r.birth_date,
      education: r.education,
      occupation: r.occupation,
      recordBookNo: r.record_book_no,
      honorCardNo: r.honor_card_no,
      insuranceStatus: r.insurance_status,
      units: memberships.filter((m) => m.volunteer_id === r.id).map((m) => ({ id: m.unit_id, path: directory.pathText(m.unit_id), joinedOn: m.joined_on })),
    })),
  };
};

const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const HIDDEN = new Set(['union_id', 'organization_id', 'organization_name', 'organization_ubn', 'row_hash', 'name', 'ubn']);

/** The authority's unions, each with its imported profile (null before a 工會基本資料 import names it). */
export const unionList = async (db: Knex, owner: number) => {
  const rows = await db('organizations')
    .leftJoin('union_profiles', 'union_profiles.union_id', 'organizations.id')
    .where({ 'organizations.kind': 'union', 'organizations.parent_id': owner })
    .orderBy('organizations.ubn')
    .select<Record<string, unknown>[]>('union_profiles.*', 'organizations.id as organization_id', 'organizations.name as organization_name', 'organizations.ubn as organization_ubn');
  return rows.map((r) => {
    const registered = r.row_hash !== null && r.row_hash !== undefined;
    const profile = Object.fromEntries(Object.entries(r).filter(([k]) => !HIDDEN.has(k)).map(([k, v]) => [camel(k), v]));
    return { unionId: r.organization_id, ubn: r.organization_ubn, name: registered ? r.name : r.organization_name, registered, profile: registered ? profile : null };
  });
};

interface OfficerRow {
  term_start: string;
  term_end: string;
  id_no: string;
  name: string;
  title: string;
  is_leader: boolean;
  sex: string;
  birth_date: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

interface Officer {
  readonly idNo: string;
  readonly name: string;
  readonly title: string;
  readonly isLeader: boolean;
  readonly sex: string;
  readonly birthDate: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

interface Term {
  readonly termStart: string;
  readonly termEnd: string;
  leader: string | null;
  readonly officers: Officer[];
}

/** A union of this authority with its officers grouped by term, newest first; a union of another one does not exist. */
export const unionOfficers = async (db: Knex, owner: number, unionId: number | undefined): Promise<Outcome<{ union: { id: number; ubn: string | null; name: string }; terms: Term[] }>> => {
  const union =
    unionId === undefined ? undefined : await db('organizations').where({ id: unionId, kind: 'union', parent_id: owner }).first<{ id: number; ubn: string | null; name: string } | undefined>('id', 'ubn', 'name');
  if (union === undefined) return refuse('registry.union_not_found');
  const rows = await db('union_officers')
    .where('union_id', union.id)
    .orderBy([{ column: 'term_start', order: 'desc' }, { column: 'term_end', order: 'desc' }, { column: 'is_leader', order: 'desc' }, { column: 'id', order: 'asc' }])
    .select<OfficerRow[]>('term_start', 'term_end', 'id_no', 'name', 'title', 'is_leader', 'sex', 'birth_date', 'address', 'phone', 'email');
  const terms: Term[] = [];
  for (const r of rows) {
    let term = terms[terms.length - 1];
    if (term === undefined || term.termStart !== r.term_start || term.termEnd !== r.term_end) terms.push((term = { termStart: r.term_start, termEnd: r.term_end, leader: null, officers: [] }));
    term.officers.push({ idNo: maskIdNo(r.id_no), name: r.name, title: r.title, isLeader: r.is_leader, sex: r.sex, birthDate: r.birth_date, address: r.address, phone: r.phone, email: r.email });
  }
  for (const term of terms) {
    const leaders = term.officers.filter((o) => o.isLeader);
    term.leader = leaders.length === 1 ? (leaders[0]?.name ?? null) : null;
  }
  return { ok: true, union, terms };
};
