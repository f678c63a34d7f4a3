// Writes checked rows of each import kind into the registry of the importing local government, one batch at a time,
// inside the import's transaction; every writer reports how many rows it inserted, updated or found unchanged. An
// existing record takes only the columns the file has (a blank cell of such a column clears the value; a column the
// file leaves out keeps it); a new record gets the empty value for the columns the file leaves out.
import {
  type ImportKind,
  type ImportRecords,
  type OfficerRecord,
  type ServiceHourRecord,
  type TrainingRecord,
  type UnionRecord,
  type UnitDirectory,
  type UnitLevel,
  type VolunteerPerson,
  type VolunteerRecord,
  serviceHourKey,
  trainingKey,
} from '@portfund/shared-rules/src/registry';
import { type Knex } from 'knex';
import { countUpsert, keyText, noWrites, presentColumns, upsertRows, type WriteCounts } from './upsert';
import { reconcileUnion } from '../reconcile';

export interface WriteTarget {
  readonly trx: Knex.Transaction;
  readonly ownerId: number;
  readonly runId: number;
  /** The owner's units (the same directory the rows were checked against; new units are added to it). */
  readonly units: UnitDirectory;
  /** The import column keys of the file's header. */
  readonly present: ReadonlySet<string>;
  /** A dry run writes in a savepoint it rolls back: filings are not re-reconciled against what will not stay. */
  readonly dryRun: boolean;
}

export type BatchWriter<K extends ImportKind> = (target: WriteTarget, records: readonly ImportRecords[K][]) => Promise<WriteCounts>;

/** The unit (parent, name), created when missing; the directory learns it so later rows find it. */
const ensureUnit = async (t: WriteTarget, parentId: number | null, level: UnitLevel, name: string): Promise<{ id: number; created: boolean }> => {
  const known = t.units.child(parentId, name);
  if (known !== undefined) return { id: known.id, created: false };
  const [row] = (await t.trx('volunteer_units').insert({ organization_id: t.ownerId, parent_id: parentId, level, name, created_by_run: t.runId }).returning('id')) as { id: number }[];
  if (row === undefined) throw new Error('volunteer_units insert returned no id');
  t.units.add({ id: row.id, parentId, level, name });
  return { id: row.id, created: true };
};

const writeUnits: BatchWriter<'units'> = async (t, records) => {
  const counts = noWrites();
  for (const u of records) {
    let created = false;
    let parent: number | null = null;
    for (const [level, name] of [['agency', u.agency], ['operator', u.operator], ['team', u.team], ['squad', u.squad]] as [UnitLevel, string | null][]) {
      if (name === null) break;
      const unit = await ensureUnit(t, parent, level, name);
      created ||= unit.created;
      parent = unit.id;
    }
    if (created) counts.inserted += 1;
    else counts.unchanged += 1;
  }
  return counts;
};

/** union_profiles column of each unions import column. */
const UNION_COLUMNS: Readonly<Record<string, string>> = {
  unionNo: 'union_no',
  unionType: 'union_type',
  name: 'name',
  ubn: 'ubn',
  registrationNo: 'registration_no',
  leader: 'leader',
  termNo: 'term_no',
  termStart: 'term_start',
  termEnd: 'term_end',
  foundedOn: 'founded_on',
  certificateOn: 'certificate_on',
  documentNo: 'document_no',
  address: 'address',
  phone: 'phone',
  email: 'email',
  fax: 'fax',
  website: 'website',
  electoralSystem: 'electoral_system',
  memberUnions: 'member_unions',
  directorsMale: 'directors_male',
  directorsFemale: 'directors_female',
  directorsTotal: 'directors_total',
  supervisorsMale: 'supervisors_male',
  supervisorsFemale: 'supervisors_female',
  supervisorsTotal: 'supervisors_total',
  membersMale: 'members_male',
  membersFemale: 'members_female',
  membersTotal: 'members_total',
  lastYearRevenue: 'last_year_revenue',
  lastYearExpenditure: 'last_year_expenditure',
  lastGeneralMeetingOn: 'last_general_meeting_on',
  oneThirdRule: 'one_third_rule',
  authority: 'authority',
};

const unionProfile = (u: UnionRecord): Record<string, unknown> => ({
  union_no: u.unionNo,
  union_type: u.unionType,
  name: u.name,
  ubn: u.ubn,
  registration_no: u.registrationNo,
  leader: u.leader,
  term_no: u.termNo,
  term_start: u.termStart,
  term_end: u.termEnd,
  founded_on: u.foundedOn,
  certificate_on: u.certificateOn,
  document_no: u.documentNo,
  address: u.address,
  phone: u.phone,
  email: u.email,
  fax: u.fax,
  website: u.website,
  electoral_system: u.electoralSystem,
  member_unions: u.memberUnions,
  directors_male: u.directors.male,
  directors_female: u.directors.female,
  directors_total: u.directors.total,
  supervisors_male: u.supervisors.male,
  supervisors_female: u.supervisors.female,
  supervisors_total: u.supervisors.total,
  members_male: u.members.male,
  members_female: u.members.female,
  members_total: u.members.total,
  last_year_revenue: u.lastYearRevenue,
  last_year_expenditure: u.lastYearExpenditure,
  last_general_meeting_on: u.lastGeneralMeetingOn,
  one_third_rule: u.oneThirdRule,
  authority: u.authority,
});

/** Unions: the organisation by UBN under the importing local government (created or renamed) and its registry profile. */
const writeUnions: BatchWriter<'unions'> = async (t, records) => {
  const existing = await t.trx('organizations').whereIn('ubn', records.map((u) => u.ubn)).select<{ id: number; ubn: string; name: string; parent_id: number | null }[]>('id', 'ubn', 'name', 'parent_id');
  const byUbn = new Map(existing.map((o) => [o.ubn, o]));
  const created = new Set<string>();
  const renamed = new Set<string>();
  const ids = new Map<string, number>();
  for (const u of records) {
    const org = byUbn.get(u.ubn);
    if (org === undefined) {
      const [row] = (await t.trx('organizations').insert({ kind: 'union', name: u.name, ubn: u.ubn, parent_id: t.ownerId }).returning('id')) as { id: number }[];
      if (row === undefined) throw new Error('organizations insert returned no id');
      ids.set(u.ubn, row.id);
      created.add(u.ubn);
      continue;
    }
    // the checker refused UBNs of other jurisdictions; the advisory lock keeps that true until commit
    if (org.parent_id !== t.ownerId) throw new Error(`union ${u.ubn} is not under organization ${t.ownerId}`);
    ids.set(u.ubn, org.id);
    if (org.name !== u.name) {
      await t.trx('organizations').where('id', org.id).update({ name: u.name });
      renamed.add(u.ubn);
    }
  }
  const changed = await upsertRows(
    t.trx,
    { table: 'union_profiles', conflict: ['union_id'], runId: t.runId, update: presentColumns(t.present, UNION_COLUMNS) },
    records.map((u) => ({ key: { union_id: ids.get(u.ubn) }, values: unionProfile(u) })),
  );
  const counts = noWrites();
  for (const u of records) {
    const status = changed.get(keyText([ids.get(u.ubn)]));
    const unionId = ids.get(u.ubn);
    if (created.has(u.ubn) || status === 'inserted') counts.inserted += 1;
    else if (renamed.has(u.ubn) || status === 'updated') counts.updated += 1;
    else counts.unchanged += 1;
    // filings already in reconcile against the registry: a changed name or 會員合計 re-checks them (same transaction)
    if (!t.dryRun && unionId !== undefined && !created.has(u.ubn) && (renamed.has(u.ubn) || status === 'updated' || status === 'inserted')) {
      await reconcileUnion(t.trx as Knex.Transaction, unionId);
    }
  }
  return counts;
};

/** The table column of some fields of a record, by field. */
type ColumnsOf<R> = { readonly [F in keyof R]?: string };

/** The record's values of those fields, by table column (in the order of `columns`, taken as they are). */
const fromColumns = <R extends object>(record: R, columns: ColumnsOf<R>): Record<string, unknown> => {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns) as [keyof R & string, string][]) values[column] = record[field];
  return values;
};

/** union_officers column of each optional officers import column (the required ones are always written). */
const OFFICER_COLUMNS = {
  termEnd: 'term_end',
  isLeader: 'is_leader',
  title: 'title',
  name: 'name',
  sex: 'sex',
  birthDate: 'birth_date',
  address: 'address',
  phone: 'phone',
  email: 'email',
} as const satisfies ColumnsOf<OfficerRecord>;

const writeOfficers: BatchWriter<'officers'> = async (t, records) => {
  const unions = await t.trx('organizations').where('kind', 'union').where('parent_id', t.ownerId).whereIn('ubn', [...new Set(records.map((o) => o.ubn))]).select<{ id: number; ubn: string }[]>('id', 'ubn');
  const ids = new Map(unions.map((u) => [u.ubn, u.id]));
  const rows = records.map((o: OfficerRecord) => {
    const unionId = ids.get(o.ubn);
    if (unionId === undefined) throw new Error(`union ${o.ubn} is not under organization ${t.ownerId}`);
    return {
      key: { union_id: unionId, term_start: o.termStart, id_no: o.idNo },
      values: fromColumns(o, OFFICER_COLUMNS),
    };
  });
  const update = presentColumns(t.present, OFFICER_COLUMNS);
  return countUpsert(rows.length, await upsertRows(t.trx, { table: 'union_officers', conflict: ['union_id', 'term_start', 'id_no'], runId: t.runId, update }, rows));
};

/** volunteers column of each volunteers import column (the unit columns and 加入日期 belong to the membership). */
const PERSON_COLUMNS = {
  name: 'name',
  nameEn: 'name_en',
  sex: 'sex',
  birthDate: 'birth_date',
  mobile: 'mobile',
  phone: 'phone',
  email: 'email',
  householdAddress: 'household_address',
  contactAddress: 'contact_address',
  indigenous: 'indigenous',
  foreigner: 'foreigner',
  disasterRelief: 'disaster_relief',
  occupation: 'occupation',
  education: 'education',
  skills: 'skills',
  languages: 'languages',
  serviceCategories: 'service_categories',
  recordBookNo: 'record_book_no',
  recordBookIssuer: 'record_book_issuer',
  honorCardNo: 'honor_card_no',
  insurance: 'insurance_status',
} as const satisfies ColumnsOf<VolunteerPerson>;

/** The unit a volunteer row names, creating the 志工隊 / 志工小隊 the checker allowed to create. */
const unitOf = async (t: WriteTarget, v: VolunteerRecord): Promise<number> => {
  let unitId = v.placement.unitId;
  if (unitId === undefined) throw new Error('volunteer row without a resolved unit');
  for (const c of v.placement.create ?? []) unitId = (await ensureUnit(t, unitId, c.level, c.name)).id;
  return unitId;
};

/** Volunteers: the person by ID number, then their membership of the row's unit (with 加入日期). */
const writeVolunteers: BatchWriter<'volunteers'> = async (t, records) => {
  const firstRowOf = new Map<string, VolunteerRecord>();
  for (const v of records) if (!firstRowOf.has(v.person.idNo)) firstRowOf.set(v.person.idNo, v);
  const people = [...firstRowOf.values()];
  const personStatus = await upsertRows(
    t.trx,
    { table: 'volunteers', conflict: ['organization_id', 'id_no'], runId: t.runId, update: presentColumns(t.present, PERSON_COLUMNS) },
    people.map((v) => ({ key: { organization_id: t.ownerId, id_no: v.person.idNo }, values: fromColumns(v.person, PERSON_COLUMNS) })),
  );
  const idRows = await t.trx('volunteers').where('organization_id', t.ownerId).whereIn('id_no', people.map((v) => v.person.idNo)).select<{ id: number; id_no: string }[]>('id', 'id_no');
  const volunteerId = new Map(idRows.map((r) => [r.id_no, r.id]));
  const memberships: { key: Record<string, unknown>; values: Record<string, unknown>; record: VolunteerRecord }[] = [];
  for (const v of records) {
    memberships.push({ key: { volunteer_id: volunteerId.get(v.person.idNo), unit_id: await unitOf(t, v) }, values: { joined_on: v.joinedOn }, record: v });
  }
  const membershipUpdate = presentColumns(t.present, { joinedOn: 'joined_on' });
  const membershipStatus = await upsertRows(t.trx, { table: 'volunteer_memberships', conflict: ['volunteer_id', 'unit_id'], runId: t.runId, update: membershipUpdate }, memberships);
  const counts = noWrites();
  for (const m of memberships) {
    const status = membershipStatus.get(keyText([m.key.volunteer_id, m.key.unit_id]));
    const person = firstRowOf.get(m.record.person.idNo) === m.record ? personStatus.get(keyText([t.ownerId, m.record.person.idNo])) : undefined;
    if (status === 'inserted') counts.inserted += 1;
    else if (status === 'updated' || person !== undefined) counts.updated += 1;
    else counts.unchanged += 1;
  }
  return counts;
};

/** volunteer_trainings column of each training import column (the natural key's columns are always written). */
const TRAINING_COLUMNS: Readonly<Record<string, string>> = {
  idNo: 'id_no',
  volunteerName: 'volunteer_name',
  unit: 'unit_name',
  courseType: 'course_type',
  organizer: 'organizer',
  courseName: 'course_name',
  domain: 'domain',
  approvedOn: 'approved_on',
  approvalNo: 'approval_no',
  hours: 'hours',
  startOn: 'start_on',
  endOn: 'end_on',
};

const SERVICE_COLUMNS: Readonly<Record<string, string>> = {
  idNo: 'id_no',
  volunteerName: 'volunteer_name',
  unit: 'unit_name',
  hourType: 'hour_type',
  serviceItem: 'service_item',
  serviceContent: 'service_content',
  hours: 'hours',
  startOn: 'start_on',
  endOn: 'end_on',
};

const trainingValues = (r: TrainingRecord): Record<string, unknown> => ({
  id_no: r.idNo,
  volunteer_name: r.volunteerName,
  unit_id: r.unitId ?? null,
  unit_name: r.unitName,
  course_type: r.courseType,
  organizer: r.organizer,
  course_name: r.courseName,
  domain: r.domain,
  approved_on: r.approvedOn,
  approval_no: r.approvalNo,
  hours: r.hours,
  start_on: r.startOn,
  end_on: r.endOn,
});

const serviceValues = (r: ServiceHourRecord): Record<string, unknown> => ({
  id_no: r.idNo,
  volunteer_name: r.volunteerName,
  unit_id: r.unitId ?? null,
  unit_name: r.unitName,
  hour_type: r.hourType,
  service_item: r.serviceItem,
  service_content: r.serviceContent,
  hours: r.hours,
  start_on: r.startOn,
  end_on: r.endOn,
});

const byNaturalKey =
  <R>(table: string, key: (r: R) => string, values: (r: R) => Record<string, unknown>, columns: Readonly<Record<string, string>>) =>
  async (t: WriteTarget, records: readonly R[]): Promise<WriteCounts> => {
    const rows = records.map((r) => ({ key: { organization_id: t.ownerId, natural_key: key(r) }, values: values(r) }));
    // the resolved unit follows the 登錄單位 / 時數歸屬單位 name
    const update = [...presentColumns(t.present, columns), ...(t.present.has('unit') ? ['unit_id'] : [])];
    return countUpsert(rows.length, await upsertRows(t.trx, { table, conflict: ['organization_id', 'natural_key'], runId: t.runId, update }, rows));
  };

export const WRITERS: { readonly [K in ImportKind]: BatchWriter<K> } = {
  units: writeUnits,
  unions: writeUnions,
  officers: writeOfficers,
  volunteers: writeVolunteers,
  training: byNaturalKey('volunteer_trainings', trainingKey, trainingValues, TRAINING_COLUMNS),
  service_hours: byNaturalKey('volunteer_service_hours', serviceHourKey, serviceValues, SERVICE_COLUMNS),
};

