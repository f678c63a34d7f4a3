// The roster.* rules of the application workbook, with the roster's ID-vs-性別 and join-date checks (SPEC §3.2).
import { type Rule } from '../../check/context';
import { rosterCountMismatch } from './count-mismatch';
import { rosterDuplicateId } from './duplicate-id';
import { rosterJoinDate } from './join-date';
import { rosterIdSex } from './national-id-sex';

export const rosterRules: readonly Rule[] = [rosterCountMismatch, rosterDuplicateId, rosterIdSex, rosterJoinDate];
