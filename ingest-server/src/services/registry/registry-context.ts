// What the row checks need to know of the registry of one local government, read inside the import's transaction:
// its unit hierarchy, who registered each union UBN, the officers of its unions (officer.leader_count) and each
// volunteer's training and service facts (eligibility).
import { type ImportContext, type ImportKind, type RegistryFacts, type StoredOfficer, type UnionOwner, type UnitLevel, UnitDirectory } from '@portfund/shared-rules/src/registry';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';

interface UnitRow {
  id: number;
  parent_id: number | null;
  level: UnitLevel;
  name: string;
}

export const loadUnitDirectory = async (db: Knex, ownerId: number): Promise<UnitDirectory> => {
  const org = await db('organizations').where('id', ownerId).first<{ name: string } | undefined>('name');
  const units = await db('volunteer_units').where('organization_id', ownerId).select<UnitRow[]>('id', 'parent_id', 'level', 'name');
  return new UnitDirectory(
    org?.name ?? '',
    units.map((u) => ({ id: u.id, parentId: u.parent_id, level: u.level, name: u.name })),
  );
};

export const loadUnionOwners = async (db: Knex, ownerId: number): Promise<(ubn: string) => UnionOwner> => {
  const rows = await db('organizations').where('kind', 'union').whereNotNull('ubn').select<{ ubn: string; parent_id: number | null }[]>('ubn', 'parent_id');
  const owners = new Map(rows.map((r) => [r.ubn, r.parent_id === ownerId ? ('mine' as const) : ('other' as const)]));
  return (ubn) => owners.get(ubn) ?? 'none';
};

/** The officers of every union of the local government, by UBN, as the officers upsert keys them. */
export const loadStoredOfficers = async (db: Knex, ownerId: number): Promise<Map<string, StoredOfficer[]>> => {
  const rows = await db('union_officers')
    .join('organizations', 'organizations.id', 'union_officers.union_id')
    .where({ 'organizations.kind': 'union', 'organizations.parent_id': ownerId })
    .select<{ ubn: string; term_start: string; term_end: string; id_no: string; name: string; is_leader: boolean }[]>(
      'organizations.ubn',
      'union_officers.term_start',
      'union_officers.term_end',
      'union_officers.id_no',
      'union_officers.name',
      'union_officers.is_leader',
    );
  const byUbn = new Map<string, StoredOfficer[]>();
  for (const r of rows) {
    const list = byUbn.get(r.ubn) ?? [];
    list.push({ termStart: r.term_start, termEnd: r.term_end, idNo: r.id_no, name: r.name, isLeader: r.is_leader });
    byUbn.set(r.ubn, list);
  }
  return byUbn;
};

/** pg's numeric text ('12.50') as the shortest decimal ('12.5'). */
export const decimalText = (v: string | number | null | undefined): string => (v === null || v === undefined ? '0' : new Decimal(v).toFixed());

/**
 * Per ID number, as eligibility.ts counts them on `asOf`: training hours by type and service hours of records that
 * ended by then, and the first service day on or before it.
 */
export const loadVolunteerFacts = async (db: Knex, ownerId: number, asOf: string, idNos?: readonly string[]): Promise<Map<string, RegistryFacts>> => {
  const training = db('volunteer_trainings')
    .where('organization_id', ownerId)
    .andWhere('end_on', '<=', asOf)
    .groupBy('id_no')
    .select<{ id_no: string; basic: string | null; special: string | null }[]>(
      'id_no',
      db.raw("sum(hours) filter (where course_type = '基礎') as basic"),
      db.raw("sum(hours) filter (where course_type = '特殊') as special"),
    );
  const service = db('volunteer_service_hours')
    .where('organization_id', ownerId)
    .groupBy('id_no')
    .select<{ id_no: string; hours: string | null; first_on: string | null }[]>(
      'id_no',
      db.raw('sum(hours) filter (where end_on <= ?) as hours', [asOf]),
      db.raw('min(start_on) filter (where start_on <= ?) as first_on', [asOf]),
    );
  if (idNos !== undefined) {
    training.whereIn('id_no', idNos as string[]);
    service.whereIn('id_no', idNos as string[]);
  }
  const facts = new Map<string, RegistryFacts>();
  const get = (id: string): RegistryFacts => facts.get(id) ?? { basicTrainingHours: '0', specialTrainingHours: '0', serviceHours: '0', serviceStart: null };
  for (const t of await training) facts.set(t.id_no, { ...get(t.id_no), basicTrainingHours: decimalText(t.basic), specialTrainingHours: decimalText(t.special) });
  for (const s of await service) facts.set(s.id_no, { ...get(s.id_no), serviceHours: decimalText(s.hours), serviceStart: s.first_on });
  return facts;
};

export interface ContextOptions {
  readonly today: string;
  readonly createUnits: boolean;
}

/** The context of a kind: only what its rows consult is loaded. */
export const loadImportContext = async (db: Knex, ownerId: number, kind: ImportKind, options: ContextOptions): Promise<ImportContext> => {
  const needsUnits = kind === 'volunteers' || kind === 'training' || kind === 'service_hours' || kind === 'units';
  const units = needsUnits ? await loadUnitDirectory(db, ownerId) : undefined;
  const unionOwner = kind === 'unions' || kind === 'officers' ? await loadUnionOwners(db, ownerId) : undefined;
  const facts = kind === 'volunteers' ? await loadVolunteerFacts(db, ownerId, options.today) : undefined;
  const officers = kind === 'officers' ? await loadStoredOfficers(db, ownerId) : undefined;
  return {
    today: options.today,
    ...(units !== undefined ? { units } : {}),
    ...(unionOwner !== undefined ? { unionOwner } : {}),
    ...(facts !== undefined ? { volunteerFacts: (id: string) => facts.get(id) } : {}),
    ...(officers !== undefined ? { storedOfficers: (ubn: string) => officers.get(ubn) ?? [] } : {}),
    createUnits: options.createUnits,
  };
};
