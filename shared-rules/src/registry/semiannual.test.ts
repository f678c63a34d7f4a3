import { ageBandOf, semiannualReport, yearsBandOf, type SemiannualInput } from './semiannual';
import { EDUCATION_SYNONYMS, IDENTITY_SYNONYMS, educationLevel, identityOf, trainingCategoryOf } from './semiannual-categories';
import { figuresAsExpected } from './testing/compare';
import { EXPECTED_ROOT, EXPECTED_SQUAD, EXPECTED_TOTALS, FIXTURE_ROOT, UNIT_NODES, UNIT_OF, VOLUNTEERS, idOf } from './testing/volunteer-fixture';
import { UnitDirectory } from './units';

const input = (year: number, half: 1 | 2): SemiannualInput => ({
  year,
  half,
  units: new UnitDirectory(FIXTURE_ROOT, UNIT_NODES),
  volunteers: VOLUNTEERS.map((v) => ({
    key: idOf(v),
    sex: v.sex,
    birthDate: v.birth,
    education: v.education,
    occupation: v.occupation,
    indigenous: v.indigenous === true,
    foreigner: v.foreigner === true,
    hasRecordBook: v.recordBook !== undefined,
    insured: v.insurance === '已加保' || v.insurance === '待退保',
    memberships: v.units.map((u) => ({ unitId: UNIT_OF[u.unit].id, joinedOn: u.joined })),
    firstServiceOn: (v.services ?? []).map((s) => s.start).sort()[0] ?? null,
  })),
  trainings: VOLUNTEERS.flatMap((v) =>
    (v.trainings ?? []).map((t) => ({ unitId: t.unit === 'ROOT' ? null : UNIT_OF[t.unit].id, courseType: t.type, organizer: t.organizer ?? '臺中市志願服務推廣中心', startOn: t.start, attendances: 1, hours: t.hours })),
  ),
  services: VOLUNTEERS.flatMap((v) => (v.services ?? []).map((s) => ({ unitId: UNIT_OF[v.units[0]?.unit ?? 'S'].id, startOn: s.start, hours: s.hours }))),
});

describe('semiannualReport on the 50-volunteer fixture (2025 H1, hand-computed)', () => {
  const report = semiannualReport(input(2025, 1));
  const unit = (name: string) => report.units.find((u) => u.name === name);

  it('covers 1/1–6/30 of 民國 114 and lists the 主管機關 first, then the units in tree order', () => {
    expect([report.rocYear, report.start, report.end]).toEqual([114, '2025-01-01', '2025-06-30']);
    expect(report.units.map((u) => u.path)).toEqual([
      '臺中市政府勞工局',
      '臺中市政府勞工局 > 社會局',
      '臺中市政府勞工局 > 社會局 > 八德區公所',
      '臺中市政府勞工局 > 社會局 > 八德區公所 > 社福志工隊',
      '臺中市政府勞工局 > 社會局 > 八德區公所 > 社福志工隊 > 第一小隊',
      '臺中市政府勞工局 > 社會局 > 南區老人文康中心',
      '臺中市政府勞工局 > 環保局',
      '臺中市政府勞工局 > 環保局 > 清潔隊',
    ]);
  });

  it('matches every breakdown of the whole local government', () => {
    expect(figuresAsExpected(report.units[0]!.figures)).toEqual(EXPECTED_ROOT);
  });

  it('matches every breakdown of 第一小隊', () => {
    expect(figuresAsExpected(unit('第一小隊')!.figures)).toEqual(EXPECTED_SQUAD);
  });

  it('rolls up: a unit counts its subtree, a person in two units once', () => {
    for (const [name, [male, female]] of Object.entries(EXPECTED_TOTALS)) expect([name, unit(name)?.figures.total]).toEqual([name, { male, female }]);
    expect(report.units[0]!.figures.trainingByType).toEqual({ 基礎: { attendances: 1, sessions: '6' }, 特殊: { attendances: 1, sessions: '6' }, 成長: { attendances: 2, sessions: '7' }, 在職: { attendances: 1, sessions: '2' } });
  });

  it('lists the 學歷 and 現職 values no category matched', () => {
    expect(report.unmapped).toEqual({ education: { 不詳: 1 }, occupation: { 志願服務: 2, 社工: 1 } });
  });

  it('counts 潘怡如 (joining 2025-07-01) in H2 and 王美玲\'s 7/1 course there', () => {
    const h2 = semiannualReport(input(2025, 2));
    expect(h2.units[0]!.figures.total).toEqual({ male: 25, female: 25 });
    expect(h2.units[0]!.figures.training).toEqual({ attendances: 1, sessions: '1.5' });
    expect(h2.units[0]!.figures.trainingByCategory.推廣訓練).toEqual({ attendances: 1, sessions: '1.5' });
  });
});

describe('bands and mappings', () => {
  it('lists every accepted value once, under one category', () => {
    for (const [level, values] of Object.entries(EDUCATION_SYNONYMS)) for (const v of values) expect([v, educationLevel(v)]).toEqual([v, level]);
    for (const [identity, values] of Object.entries(IDENTITY_SYNONYMS)) for (const v of values) expect([v, identityOf(v)]).toEqual([v, identity]);
  });

  it('files training under the form\'s rows by who ran it', () => {
    expect(trainingCategoryOf('桃園市志願服務推廣中心', false)).toBe('推廣訓練');
    expect(trainingCategoryOf('清潔隊', true)).toBe('團體訓練');
    expect(trainingCategoryOf('臺中市志願服務協會', false)).toBe('其他推廣訓練');
  });

  it('bands ages and service years with the lower bound inclusive', () => {
    expect([11, 12, 17, 18, 29, 30, 49, 50, 54, 55, 64, 65].map(ageBandOf)).toEqual(['未滿12歲', '12-17歲', '12-17歲', '18-29歲', '18-29歲', '30-49歲', '30-49歲', '50-54歲', '50-54歲', '55-64歲', '55-64歲', '65歲以上']);
    expect([0, 1, 2, 3, 4, 5, 9, 10, 30].map(yearsBandOf)).toEqual(['未滿1年', '1年以上未滿3年', '1年以上未滿3年', '3年以上未滿5年', '3年以上未滿5年', '5年以上未滿10年', '5年以上未滿10年', '10年以上', '10年以上']);
  });

  it.each([
    ['國小', '國中及以下'],
    ['國民中學', '國中及以下'],
    ['國中以下', '國中及以下'],
    ['不識字', '國中及以下'],
    ['高中(高職)', '高中(高職)'],
    ['高級中學', '高中(高職)'],
    ['高職畢業', '高中(高職)'],
    ['大學', '大專'],
    ['科技大學', '大專'],
    ['五專', '大專'],
    ['大學肄業', '大專'],
    ['碩士', '研究所'],
    ['大學研究所', '研究所'],
    ['博士', '研究所'],
    ['Bachelor', '大專'],
    ['junior high school', '國中及以下'],
    ['Junior  High School', '國中及以下'],
    ['Senior High School', '高中(高職)'],
    ['高中（高職）', '高中(高職)'],
    ['不詳', null],
    ['中學', null],
    ['高中以上', null],
  ])('學歷 %s → %s', (text, level) => {
    expect(educationLevel(text)).toBe(level);
  });

  it.each([
    ['教師', '公教人員_現職'],
    ['公務人員', '公教人員_現職'],
    ['軍公教', '公教人員_現職'],
    ['退休教師', '公教人員_已退休'],
    ['退休公務員', '公教人員_已退休'],
    ['軍公教退休', '公教人員_已退休'],
    ['退休', '退休人員'],
    ['退休人員', '退休人員'],
    ['學生', '學生'],
    ['家管', '家庭管理'],
    ['家庭主婦', '家庭管理'],
    ['工商業', '工商界人士'],
    ['工商人員', '工商界人士'],
    ['服務業', '工商界人士'],
    ['其他', '其他'],
    ['待業', '其他'],
    ['無工作', '其他'],
    ['公司退休', '退休人員'],
    ['企業退休', '退休人員'],
    ['公教人員_已退休', '公教人員_已退休'],
    ['公 教 人 員', '公教人員_現職'],
    ['志願服務', null],
    ['志工', null],
    ['社工', null],
    ['工程師', null],
  ])('現職 %s → %s', (text, identity) => {
    expect(identityOf(text)).toBe(identity);
  });
});
