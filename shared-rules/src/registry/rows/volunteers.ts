// A row of the volunteers import (seed 003 志工資料維護; SPEC §8): the person, the unit they serve in and 加入日期.
// A recorded 紀錄冊號 / 榮譽卡卡號 is checked against the registry's training and hours (volunteer.eligibility).
import { volunteerCategoryUnmapped } from '../../rules/volunteer/category-unmapped';
import { volunteerEligibility } from '../../rules/volunteer/eligibility';
import { serviceStartOf } from '../eligibility';
import { type RowReader } from '../cells';
import { INSURANCE_STATES, SEXES, type VolunteerPerson, type VolunteerRecord } from '../records';
import { type ImportContext } from './context';
import { checkIdSex, notAfterToday } from './officers';
import { placeVolunteer } from './unit-ref';

export const readVolunteerRow = (r: RowReader, ctx: ImportContext): VolunteerRecord | null => {
  const id = r.nationalId('idNo');
  const name = r.text('name', 50);
  const sex = r.choice('sex', SEXES);
  const birthDate = r.date('birthDate');
  const fields = {
    nameEn: r.text('nameEn', 100),
    mobile: r.phone('mobile'),
    phone: r.phone('phone'),
    email: r.email('email'),
    householdAddress: r.text('householdAddress'),
    contactAddress: r.text('contactAddress'),
    indigenous: r.yesNo('indigenous') ?? false,
    foreigner: r.yesNo('foreigner') ?? false,
    disasterRelief: r.yesNo('disasterRelief') ?? false,
    occupation: r.text('occupation', 50),
    education: r.text('education', 50),
    skills: r.text('skills'),
    languages: r.text('languages'),
    serviceCategories: r.text('serviceCategories'),
    recordBookNo: r.text('recordBookNo', 50),
    recordBookIssuer: r.text('recordBookIssuer', 100),
    honorCardNo: r.text('honorCardNo', 50),
    insurance: r.choice('insurance', INSURANCE_STATES),
  };
  const operator = r.text('operator');
  const team = r.text('team', 100);
  const squad = r.text('squad', 100);
  const joinedOn = r.date('joinedOn');
  if (squad !== null && team === null) r.report('cell.required', 'team', { actual: '' });
  r.findings.push(...volunteerCategoryUnmapped({ row: r.row, education: { label: r.header('education'), value: fields.education }, occupation: { label: r.header('occupation'), value: fields.occupation } }));
  if (id !== null) checkIdSex(r, 'idNo', id, sex);
  notAfterToday(r, 'birthDate', birthDate, ctx.today);
  if (birthDate !== null && joinedOn !== null && joinedOn < birthDate) r.report('date.out_of_range', 'joinedOn', { actual: joinedOn, reason: 'date.before_birthday', birthDate });
  const placement = operator === null ? null : placeVolunteer(r, operator, [team, squad], ctx);
  const { mobile, email, occupation, education } = fields;
  if (id === null || name === null || sex === null || birthDate === null || mobile === null || email === null || occupation === null || education === null || placement === null) return null;
  const registry = ctx.volunteerFacts?.(id.id);
  if (ctx.volunteerFacts !== undefined) {
    const facts = {
      basicTrainingHours: registry?.basicTrainingHours ?? '0',
      specialTrainingHours: registry?.specialTrainingHours ?? '0',
      serviceHours: registry?.serviceHours ?? '0',
      ...serviceStartOf([registry?.serviceStart], [joinedOn], ctx.today),
      hasRecordBook: fields.recordBookNo !== null,
      hasHonorCard: fields.honorCardNo !== null,
    };
    r.findings.push(...volunteerEligibility({ row: r.row, name, recordBookNo: fields.recordBookNo, honorCardNo: fields.honorCardNo }, facts, ctx.today));
  }
  if (!r.valid) return null;
  const person: VolunteerPerson = { ...fields, idNo: id.id, name, sex, birthDate, mobile, email, occupation, education };
  return { person, placement, joinedOn };
};

/** Same person in the same unit (however the unit was written): a duplicate. Another unit is a second membership. */
export const volunteerKey = (v: VolunteerRecord): string => {
  const { unitId, create, names } = v.placement;
  const unit = unitId === undefined ? names : [`#${unitId}`, ...(create ?? []).map((c) => c.name)];
  return `${v.person.idNo}|${unit.map((n) => n.normalize('NFKC').replace(/\s+/g, '')).join('>')}`;
};
