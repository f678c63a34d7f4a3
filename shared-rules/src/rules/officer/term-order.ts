// officer.term_order: an officer's 任期迄 is not before the 任期起 (seed 000 職員基本資料 任期; SPEC §8).
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';

export const officerTermOrder = (termStart: string, termEnd: string, row: number): Finding[] =>
  termEnd < termStart ? [makeFinding('officer.term_order', { row, field: '任期迄' }, { actual: termEnd, expected: termStart })] : [];
