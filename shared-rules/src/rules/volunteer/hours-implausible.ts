// volunteer.hours_implausible: a record's hours cannot exceed 24 hours for each day of its date range (seed 003 服務時數
// 「服務日期起 / 服務日期迄」 and 教育訓練歷程 課程起始 / 結束日期): 99999 h on one day is a typing error, not a record.
import { Decimal } from 'decimal.js';
import { daysBetween } from '../../calendar/calendar';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';

const HOURS_PER_DAY = 24;

/** Days from start to end, both counted (ISO dates; 0 when end is before start). */
export const daysInclusive = (startIso: string, endIso: string): number => {
  const days = daysBetween(startIso, endIso) + 1;
  return Number.isFinite(days) && days > 0 ? days : 0;
};

export const volunteerHoursImplausible = (hours: string, startOn: string, endOn: string, row: number, label: string): Finding[] => {
  const days = daysInclusive(startOn, endOn);
  // a reversed range is date.out_of_range already
  if (days === 0) return [];
  const cap = new Decimal(HOURS_PER_DAY).times(days);
  if (new Decimal(hours).lte(cap)) return [];
  return [makeFinding('volunteer.hours_implausible', { row, field: label }, { label, actual: hours, expected: cap.toFixed(), days })];
};
