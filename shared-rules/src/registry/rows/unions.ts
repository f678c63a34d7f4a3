// A row of the union basic-data import (seed 000 工會基本資料, seed 001 registration; SPEC §8) and its union.* rules.
import { UNION_ROW_RULES } from '../../rules/union';
import { type RowReader } from '../cells';
import { ELECTORAL_SYSTEMS, UNION_TYPES, type GenderCounts, type UnionRecord } from '../records';
import { type ImportContext } from './context';

const counts = (r: RowReader, prefix: string): GenderCounts => ({
  male: r.count(`${prefix}Male`),
  female: r.count(`${prefix}Female`),
  total: r.count(`${prefix}Total`),
});

export const readUnionRow = (r: RowReader, ctx: ImportContext): UnionRecord | null => {
  const ubn = r.ubn('ubn');
  const record = {
    unionNo: r.text('unionNo', 20),
    unionType: r.choice('unionType', UNION_TYPES),
    name: r.text('name', 100),
    ubn,
    registrationNo: r.text('registrationNo', 50),
    leader: r.text('leader', 50),
    termNo: r.count('termNo', 3),
    termStart: r.date('termStart'),
    termEnd: r.date('termEnd'),
    foundedOn: r.date('foundedOn'),
    certificateOn: r.date('certificateOn'),
    documentNo: r.text('documentNo', 100),
    address: r.text('address'),
    phone: r.phone('phone'),
    email: r.email('email'),
    fax: r.phone('fax'),
    website: r.text('website'),
    electoralSystem: r.choice('electoralSystem', ELECTORAL_SYSTEMS),
    memberUnions: r.count('memberUnions', 5),
    directors: counts(r, 'directors'),
    supervisors: counts(r, 'supervisors'),
    members: counts(r, 'members'),
    lastYearRevenue: r.amount('lastYearRevenue'),
    lastYearExpenditure: r.amount('lastYearExpenditure'),
    lastGeneralMeetingOn: r.date('lastGeneralMeetingOn'),
    oneThirdRule: r.yesNo('oneThirdRule'),
    authority: r.text('authority', 100),
  };
  if (record.termStart !== null && record.termEnd !== null && record.termEnd < record.termStart) {
    r.report('date.out_of_range', 'termEnd', { actual: record.termEnd, reason: 'date.before_term_start', termStart: record.termStart });
  }
  // the words creating a union answers for a UBN registered anywhere (POST /api/organizations' 409): no jurisdiction named
  if (ubn !== null && ctx.unionOwner?.(ubn) === 'other') r.report('recon.union_unknown', 'ubn', { actual: ubn, reason: 'union.ubn_registered' });
  if (record.name === null || ubn === null) return null;
  const union: UnionRecord = { ...record, name: record.name, ubn };
  for (const rule of UNION_ROW_RULES) r.findings.push(...rule(union, r.row));
  return r.valid ? union : null;
};
