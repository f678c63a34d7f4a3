// Eligibility lists of a unit (SPEC §8; pure rules in shared-rules imports/eligibility.ts): its volunteers (of the
// whole subtree, joined by the day) with their facts aggregated in SQL exactly as factsFromHistory counts them.
import { eligibilityLists, serviceStartOf, type EligibilityEntry, type EligibilityLists } from '@portfund/shared-rules/src/registry';
import { type Knex } from 'knex';
import { type Outcome } from '../result';
import { loadVolunteerFacts } from './registry-context';
import { directoryWithUnit, volunteersOf } from './registry-read';
import { maskIdNo } from './scope';

export interface UnitEligibility {
  readonly unit: { readonly id: number | null; readonly path: string };
  readonly asOf: string;
  readonly volunteers: number;
  readonly awards: readonly {
    readonly award: string;
    readonly label: string;
    readonly qualified: readonly (EligibilityEntry & { readonly idNo: string })[];
    readonly notQualified: readonly (EligibilityEntry & { readonly idNo: string })[];
  }[];
}

export const unitEligibility = async (db: Knex, ownerId: number, unitId: number | undefined, asOf: string): Promise<Outcome<{ eligibility: UnitEligibility }>> => {
  const found = await directoryWithUnit(db, ownerId, unitId);
  if (!found.ok) return found;
  const directory = found.directory;
  const subtree = unitId === undefined ? null : directory.subtree(unitId);
  const { volunteers, memberships } = await volunteersOf(db, ownerId, subtree);
  // a volunteer counts from the day they joined the unit (or always, when 加入日期 is blank)
  const current = volunteers.filter((v) => (memberships.get(v.id) ?? []).some((m) => (subtree === null || subtree.has(m.unit_id)) && (m.joined_on === null || m.joined_on <= asOf)));
  const facts = await loadVolunteerFacts(db, ownerId, asOf, current.map((v) => v.id_no));
  const people = current.map((v) => {
    const f = facts.get(v.id_no);
    const joined = (memberships.get(v.id) ?? []).map((m) => m.joined_on);
    return {
      key: String(v.id),
      name: v.name,
      facts: {
        basicTrainingHours: f?.basicTrainingHours ?? '0',
        specialTrainingHours: f?.specialTrainingHours ?? '0',
        serviceHours: f?.serviceHours ?? '0',
        ...serviceStartOf([f?.serviceStart], joined, asOf),
        hasRecordBook: v.record_book_no !== null && v.record_book_no !== '',
        hasHonorCard: v.honor_card_no !== null && v.honor_card_no !== '',
      },
    };
  });
  const masked = new Map(current.map((v) => [String(v.id), maskIdNo(v.id_no)]));
  const lists: EligibilityLists = eligibilityLists(people, asOf);
  const withId = (e: EligibilityEntry) => ({ ...e, idNo: masked.get(e.key) ?? '' });
  const eligibility: UnitEligibility = {
    unit: { id: unitId ?? null, path: directory.pathText(unitId ?? null) },
    asOf,
    volunteers: people.length,
    awards: lists.awards.map((a) => ({ award: a.award, label: a.label, qualified: a.qualified.map(withId), notQualified: a.notQualified.map(withId) })),
  };
  return { ok: true, eligibility };
};
