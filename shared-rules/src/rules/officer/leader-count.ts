// officer.leader_count: each union has exactly one 負責人 per term (seed 000 職員基本資料; SPEC §8). A term is the rows of
// one 統一編號 with the same 任期起 and 任期迄; none is reported at its first row, extra ones at each further 負責人 row.
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';

export interface OfficerTermRow {
  readonly row: number;
  readonly ubn: string;
  readonly termStart: string;
  readonly termEnd: string;
  readonly isLeader: boolean;
}

export interface LeaderCountResult {
  readonly findings: Finding[];
  /** Every row of a term whose 負責人 count is wrong: the term cannot be recorded as it is. */
  readonly rejectedRows: Set<number>;
}

export const termKey = (r: Pick<OfficerTermRow, 'ubn' | 'termStart' | 'termEnd'>): string => `${r.ubn}|${r.termStart}|${r.termEnd}`;

export const officerLeaderCount = (rows: readonly OfficerTermRow[]): LeaderCountResult => {
  const terms = new Map<string, OfficerTermRow[]>();
  for (const r of rows) terms.set(termKey(r), [...(terms.get(termKey(r)) ?? []), r]);
  const findings: Finding[] = [];
  const rejectedRows = new Set<number>();
  for (const termRows of terms.values()) {
    const leaders = termRows.filter((r) => r.isLeader);
    const first = termRows[0];
    if (leaders.length === 1 || first === undefined) continue;
    const params = { ubn: first.ubn, term: `${first.termStart}~${first.termEnd}`, actual: leaders.length };
    const at = leaders.length === 0 ? [first] : leaders.slice(1);
    for (const r of at) findings.push(makeFinding('officer.leader_count', { row: r.row, field: '負責人' }, params));
    for (const r of termRows) rejectedRows.add(r.row);
  }
  return { findings, rejectedRows };
};
