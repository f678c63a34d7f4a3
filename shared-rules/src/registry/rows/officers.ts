// A row of the officers import (seed 000 職員基本資料; SPEC §8); the one-負責人-per-term rule runs over the file (checker).
import { officerTermOrder } from '../../rules/officer/term-order';
import { sexMatches } from '../../values/national-id';
import { type RowReader, YES_NO } from '../cells';
import { SEXES, type OfficerRecord } from '../records';
import { type ImportContext } from './context';

/** The ID's sex digit against 性別 (SPEC §2), reported at the ID column as the roster does. */
export const checkIdSex = (r: RowReader, idKey: string, id: { id: string; sex: '男' | '女' | null }, sex: string | null): void => {
  if (sexMatches(id.sex, sex)) return;
  r.report('id.national_id', idKey, { actual: id.id, reason: 'id.sex_mismatch', second: id.id.charAt(1), idSex: id.sex ?? '', sex: sex ?? '' });
};

export const notAfterToday = (r: RowReader, key: string, iso: string | null, today: string): void => {
  if (iso !== null && iso > today) r.report('date.out_of_range', key, { actual: iso, reason: 'date.after_today', today });
};

export const readOfficerRow = (r: RowReader, ctx: ImportContext): OfficerRecord | null => {
  const ubn = r.ubn('ubn');
  const leader = r.choice('isLeader', YES_NO);
  const title = r.text('title', 50);
  const name = r.text('name', 50);
  const id = r.nationalId('idNo');
  const sex = r.choice('sex', SEXES);
  const birthDate = r.date('birthDate');
  const address = r.text('address');
  const phone = r.phone('phone');
  const email = r.email('email');
  const termStart = r.date('termStart');
  const termEnd = r.date('termEnd');
  if (id !== null) checkIdSex(r, 'idNo', id, sex);
  notAfterToday(r, 'birthDate', birthDate, ctx.today);
  if (termStart !== null && termEnd !== null) r.findings.push(...officerTermOrder(termStart, termEnd, r.row));
  const owner = ubn === null ? undefined : ctx.unionOwner?.(ubn);
  // one answer whether the UBN is another local government's or nobody's: nothing is learnt about other jurisdictions
  if (ubn !== null && owner !== undefined && owner !== 'mine') r.report('recon.union_unknown', 'ubn', { actual: ubn, reason: 'union.not_in_jurisdiction' });
  if (ubn === null || title === null || name === null || id === null || sex === null || termStart === null || termEnd === null || !r.valid) return null;
  return { ubn, isLeader: leader === '是', title, name, idNo: id.id, sex, birthDate, address, phone, email, termStart, termEnd };
};

/** The upsert key of an officer: 統一編號, 任期起, 身分證號 (also how officer.leader_count merges the file into the registry). */
export const officerKey = (o: Pick<OfficerRecord, 'ubn' | 'termStart' | 'idNo'>): string => `${o.ubn}|${o.termStart}|${o.idNo}`;
