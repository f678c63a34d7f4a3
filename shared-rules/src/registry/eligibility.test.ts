import { describeShortfall } from '../rules/volunteer/eligibility';
import { addDays, anniversary, completedYears } from '../calendar/calendar';
import { assessAward, eligibilityLists, factsFromHistory, serviceStartOf, shortfallOf, type VolunteerFacts } from './eligibility';
import { AS_OF, EXPECTED_MISSING, EXPECTED_QUALIFIED, VOLUNTEERS, nameOf } from './testing/volunteer-fixture';

describe('service years', () => {
  it('counts whole years to the anniversary', () => {
    expect(completedYears('2022-06-30', '2025-06-30')).toBe(3);
    expect(completedYears('2022-07-01', '2025-06-30')).toBe(2);
    expect(completedYears('2025-07-01', '2025-06-30')).toBe(-1);
  });
  it('puts the anniversary of a 2/29 start on 2/28 in common years and on 2/29 in leap years', () => {
    expect(anniversary('2020-02-29', 1)).toBe('2021-02-28');
    expect(anniversary('2020-02-29', 4)).toBe('2024-02-29');
    // common year: the day before 2/28 and 2/28 itself
    expect(completedYears('2020-02-29', '2021-02-27')).toBe(0);
    expect(completedYears('2020-02-29', '2021-02-28')).toBe(1);
    expect(completedYears('2020-02-29', '2021-03-01')).toBe(1);
    // leap year: 2/28 is not yet the 4th anniversary, 2/29 is
    expect(completedYears('2020-02-29', '2024-02-28')).toBe(3);
    expect(completedYears('2020-02-29', '2024-02-29')).toBe(4);
  });

  it('reaches n years exactly on the day yearsReachedOn names, for every day around a 2/29 start', () => {
    for (let i = 0; i < 5 * 366; i++) {
      const today = addDays('2020-02-01', i);
      for (const years of [1, 3, 4]) {
        const reached = anniversary('2020-02-29', years);
        expect([today, years, completedYears('2020-02-29', today) >= years]).toEqual([today, years, today >= reached]);
      }
    }
  });
});

describe('service start', () => {
  it('is the first service record; 加入日期 only without one', () => {
    expect(serviceStartOf(['2022-07-01', '2023-01-01'], ['2022-06-30'], '2025-06-30')).toEqual({ serviceStart: '2022-07-01', serviceStartFromJoinDate: false });
    expect(serviceStartOf(['2025-07-05'], ['2022-06-30', null], '2025-06-30')).toEqual({ serviceStart: '2022-06-30', serviceStartFromJoinDate: true });
    expect(serviceStartOf([], [null], '2025-06-30')).toEqual({ serviceStart: null, serviceStartFromJoinDate: false });
  });

  it('says when the years of a shortfall count from 加入日期', () => {
    const facts = factsFromHistory({ recordBookNo: null, honorCardNo: null, joinedOn: ['2024-01-01'], trainings: [], services: [] }, '2025-06-30');
    const gap = shortfallOf({ years: 3 }, facts, '2025-06-30');
    expect(gap).toEqual({ years: 2, yearsReachedOn: '2027-01-01', yearsFromJoinDate: true });
    expect(describeShortfall(gap)).toBe('年資差 2 年（尚無服務紀錄，依加入日期起算）');
    expect(describeShortfall(shortfallOf({ years: 3 }, { ...facts, serviceStartFromJoinDate: false }, '2025-06-30'))).toBe('年資差 2 年');
  });
});

describe('assessAward', () => {
  const facts = (over: Partial<VolunteerFacts>): VolunteerFacts => ({
    basicTrainingHours: '0',
    specialTrainingHours: '0',
    serviceHours: '0',
    serviceStart: null,
    hasRecordBook: true,
    hasHonorCard: false,
    ...over,
  });
  it('names the highest tier met and what the next one needs', () => {
    expect(assessAward('city_award', facts({ serviceHours: '1700', serviceStart: '2020-01-01' }), '2025-06-30')).toEqual({
      award: 'city_award',
      qualifies: true,
      tier: '銀',
      held: null,
      missing: { years: 1, yearsReachedOn: '2026-01-01', hours: '100' },
      missingFor: '金',
    });
  });
  it('says nothing is missing at the top tier, and all the years when the start is unknown', () => {
    expect(assessAward('central_national', facts({ serviceHours: '9000' }), '2025-06-30')).toMatchObject({ tier: '金', missing: null, missingFor: null });
    expect(assessAward('performance_certificate', facts({ serviceHours: '200' }), '2025-06-30')).toMatchObject({ qualifies: false, missing: { years: 1, yearsReachedOn: null } });
  });
});

describe('eligibility lists of the 50-volunteer fixture on 2025-06-30 (hand-computed)', () => {
  const current = VOLUNTEERS.filter((v) => v.units.some((u) => u.joined === null || u.joined <= AS_OF));
  const lists = eligibilityLists(
    current.map((v) => ({
      key: String(v.n),
      name: v.name,
      facts: factsFromHistory(
        {
          recordBookNo: v.recordBook ?? null,
          honorCardNo: v.honorCard ?? null,
          joinedOn: v.units.map((u) => u.joined),
          trainings: (v.trainings ?? []).map((t) => ({ courseType: t.type, hours: t.hours, endOn: t.end })),
          services: (v.services ?? []).map((s) => ({ startOn: s.start, endOn: s.end, hours: s.hours })),
        },
        AS_OF,
      ),
    })),
    AS_OF,
  );

  it('lists who qualifies for each award, with the tier', () => {
    const qualified = Object.fromEntries(lists.awards.map((a) => [a.award, a.qualified.map((e) => [Number(e.key), e.assessment.tier])]));
    expect(qualified).toEqual(EXPECTED_QUALIFIED);
    expect(lists.awards.map((a) => a.qualified.length + a.notQualified.length)).toEqual([49, 49, 49, 49, 49, 49]);
  });

  it('says what those who fall short are missing', () => {
    for (const [award, n, tier, missing] of EXPECTED_MISSING) {
      const list = lists.awards.find((a) => a.award === award);
      const entry = [...(list?.qualified ?? []), ...(list?.notQualified ?? [])].find((e) => e.key === String(n));
      expect([award, nameOf(n), entry?.assessment.missingFor, entry?.assessment.missing]).toEqual([award, nameOf(n), tier, missing]);
    }
  });

  it('marks the 紀錄冊 and 榮譽卡 already held', () => {
    const held = (award: string) => lists.awards.find((a) => a.award === award)?.qualified.filter((e) => e.assessment.held === true).map((e) => Number(e.key));
    expect(held('record_book')).toEqual([15, 18]);
    expect(held('honor_card')).toEqual([18, 25]);
  });
});
