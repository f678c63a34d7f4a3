// The 半年報 of a unit (or the whole local government) from the registry (SPEC §8; pure computation in shared-rules
// imports/semiannual.ts): training and service records are grouped in SQL by unit, type, organiser and day, so the computation
// gets a few rows per day, never every record.
import { gregorianYearOfRoc } from '@portfund/shared-rules';
import { INSURED_STATES, periodOf, semiannualReport, type SemiannualReport, type SemiannualUnitReport } from '@portfund/shared-rules/src/registry';
import { type Knex } from 'knex';
import { type Outcome, refuse } from '../result';
import { decimalText, loadUnitDirectory } from './registry-context';
import { directoryWithUnit, volunteersOf } from './registry-read';

export interface UnitSemiannual extends Omit<SemiannualReport, 'units'> {
  /** The unit asked for first, then every unit below it (tree order). */
  readonly units: readonly SemiannualUnitReport[];
}

/** The 半年報 of a year given as ROC (114) or Gregorian (2025). */
export const unitSemiannual = async (db: Knex, ownerId: number, unitId: number | undefined, yearAsGiven: number, half: 1 | 2): Promise<Outcome<{ report: UnitSemiannual }>> => {
  const year = yearAsGiven < 1000 ? gregorianYearOfRoc(yearAsGiven) : yearAsGiven;
  if (year < 1912) return refuse('registry.year_too_early');
  const unit = await directoryWithUnit(db, ownerId, unitId);
  if (!unit.ok) return unit;
  const directory = await loadUnitDirectory(db, ownerId);
  const { start, end } = periodOf(year, half);
  const { volunteers, memberships } = await volunteersOf(db, ownerId, null);
  const firstService = new Map(
    (
      await db('volunteer_service_hours').where('organization_id', ownerId).groupBy('id_no').select<{ id_no: string; first_on: string }[]>('id_no', db.raw('min(start_on) as first_on'))
    ).map((r) => [r.id_no, r.first_on]),
  );
  const trainings = await db('volunteer_trainings')
    .where('organization_id', ownerId)
    .whereBetween('start_on', [start, end])
    .groupBy('unit_id', 'course_type', 'organizer', 'start_on')
    .select<{ unit_id: number | null; course_type: string; organizer: string; start_on: string; n: string | number; hours: string }[]>(
      'unit_id',
      'course_type',
      'organizer',
      'start_on',
      db.raw('count(*) as n'),
      db.raw('sum(hours) as hours'),
    );
  const services = await db('volunteer_service_hours')
    .where('organization_id', ownerId)
    .whereBetween('start_on', [start, end])
    .groupBy('unit_id', 'start_on')
    .select<{ unit_id: number | null; start_on: string; hours: string }[]>('unit_id', 'start_on', db.raw('sum(hours) as hours'));
  const report = semiannualReport({
    year,
    half,
    units: directory,
    volunteers: volunteers.map((v) => ({
      key: v.id_no,
      sex: v.sex,
      birthDate: v.birth_date,
      education: v.education,
      occupation: v.occupation,
      indigenous: v.indigenous,
      foreigner: v.foreigner,
      hasRecordBook: v.record_book_no !== null && v.record_book_no !== '',
      insured: v.insurance_status !== null && INSURED_STATES.includes(v.insurance_status),
      memberships: (memberships.get(v.id) ?? []).map((m) => ({ unitId: m.unit_id, joinedOn: m.joined_on })),
      firstServiceOn: firstService.get(v.id_no) ?? null,
    })),
    trainings: trainings.map((t) => ({ unitId: t.unit_id, courseType: t.course_type, organizer: t.organizer, startOn: t.start_on, attendances: Number(t.n), hours: decimalText(t.hours) })),
    services: services.map((s) => ({ unitId: s.unit_id, startOn: s.start_on, hours: decimalText(s.hours) })),
  });
  const keep = unitId === undefined ? null : directory.subtree(unitId);
  // tree order puts the unit before everything below it
  return { ok: true, report: { ...report, units: keep === null ? report.units : report.units.filter((u) => u.unitId !== null && keep.has(u.unitId)) } };
};
