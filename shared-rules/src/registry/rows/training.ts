// A row of the training-history import (seed 003 教育訓練歷程匯入, its sample file's columns A–L).
import { volunteerHoursImplausible } from '../../rules/volunteer/hours-implausible';
import { type RowReader } from '../cells';
import { COURSE_TYPES, type TrainingRecord } from '../records';
import { type ImportContext } from './context';
import { resolveUnitCell } from './unit-ref';

export const readTrainingRow = (r: RowReader, ctx: ImportContext): TrainingRecord | null => {
  const id = r.nationalId('idNo');
  const volunteerName = r.text('volunteerName', 50);
  const unitName = r.text('unit', 200);
  const courseType = r.choice('courseType', COURSE_TYPES);
  const organizer = r.text('organizer', 100);
  const hours = r.hours('hours');
  const courseName = r.text('courseName', 100);
  const startOn = r.date('startOn');
  const endOn = r.date('endOn');
  const domain = r.text('domain', 50);
  const approvedOn = r.date('approvedOn');
  const approvalNo = r.text('approvalNo', 100);
  if (startOn !== null && endOn !== null && endOn < startOn) r.report('date.out_of_range', 'endOn', { actual: endOn, reason: 'date.before_course_start', startOn });
  if (startOn !== null && endOn !== null && hours !== null) r.findings.push(...volunteerHoursImplausible(hours, startOn, endOn, r.row, r.header('hours')));
  const unit = resolveUnitCell(r, 'unit', unitName, ctx);
  if (id === null || volunteerName === null || unitName === null || unit === null || courseType === null || organizer === null || hours === null) return null;
  if (courseName === null || startOn === null || endOn === null || domain === null || !r.valid) return null;
  return { idNo: id.id, volunteerName, unitName, ...unit, courseType, organizer, hours, courseName, startOn, endOn, domain, approvedOn, approvalNo };
};

/** One person's attendance of one course (the same course again on another day is another record). */
export const trainingKey = (t: TrainingRecord): string => [t.idNo, t.courseName, t.organizer, t.startOn].map((s) => s.normalize('NFKC')).join('|');
