// A row of the service-hours import (seed 003 志工服務時數管理 「匯入時數」, the columns of its detail list).
import { volunteerHoursImplausible } from '../../rules/volunteer/hours-implausible';
import { type RowReader } from '../cells';
import { type ServiceHourRecord } from '../records';
import { type ImportContext } from './context';
import { resolveUnitCell } from './unit-ref';

export const readServiceHourRow = (r: RowReader, ctx: ImportContext): ServiceHourRecord | null => {
  const id = r.nationalId('idNo');
  const volunteerName = r.text('volunteerName', 50);
  const unitName = r.text('unit', 200);
  const hourType = r.text('hourType', 50);
  const startOn = r.date('startOn');
  const endOn = r.date('endOn');
  const serviceItem = r.text('serviceItem', 100);
  const serviceContent = r.text('serviceContent', 200);
  const hours = r.hours('hours');
  if (startOn !== null && endOn !== null && endOn < startOn) r.report('date.out_of_range', 'endOn', { actual: endOn, reason: 'date.before_service_start', startOn });
  if (startOn !== null && endOn !== null && hours !== null) r.findings.push(...volunteerHoursImplausible(hours, startOn, endOn, r.row, r.header('hours')));
  const unit = resolveUnitCell(r, 'unit', unitName, ctx);
  if (id === null || volunteerName === null || unitName === null || unit === null || hourType === null) return null;
  if (startOn === null || endOn === null || serviceItem === null || serviceContent === null || hours === null || !r.valid) return null;
  return { idNo: id.id, volunteerName, unitName, ...unit, hourType, startOn, endOn, serviceItem, serviceContent, hours };
};

/** One service record: who, where, what and when; a changed 服務時數 updates it. */
export const serviceHourKey = (s: ServiceHourRecord): string =>
  [s.idNo, s.unitName, s.hourType, s.startOn, s.endOn, s.serviceItem, s.serviceContent].map((x) => x.normalize('NFKC')).join('|');
