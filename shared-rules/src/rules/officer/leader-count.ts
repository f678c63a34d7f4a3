// officer.leader_count: each union has exactly one 負責人 per term (seed 000 職員基本資料; SPEC §8), judged on the term as
// it will be after the import: the registry's officers merged with the file's rows, keyed as the upsert keys them
// (統一編號, 任期起, 身分證號). A term is the officers of one 統一編號 with the same 任期起 and 任期迄; only terms the file
// touches are judged. None is reported at the term's first file row, extra ones at the file's 負責人 rows.
import { makeFinding, type Reason } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { officerKey } from '../../registry/rows/officers';

export interface OfficerTermRow {
  readonly row: number;
  readonly ubn: string;
  readonly termStart: string;
  readonly termEnd: string;
  readonly idNo: string;
  /** null: the file has no 負責人 column, so a stored officer keeps what the registry says. */
  readonly isLeader: boolean | null;
}

/** An officer of a union as the registry holds it. */
export interface StoredOfficer {
  readonly termStart: string;
  readonly termEnd: string;
  readonly idNo: string;
  readonly name: string;
  readonly isLeader: boolean;
}

export interface LeaderCountResult {
  readonly findings: Finding[];
  /** Every file row of a term whose 負責人 count is wrong: the term cannot be recorded as it is. */
  readonly rejectedRows: Set<number>;
}

export const termKey = (r: Pick<OfficerTermRow, 'ubn' | 'termStart' | 'termEnd'>): string => `${r.ubn}|${r.termStart}|${r.termEnd}`;

interface Merged {
  readonly ubn: string;
  readonly termStart: string;
  readonly termEnd: string;
  readonly isLeader: boolean;
  /** The file row, or the stored officer's name when the file does not touch them. */
  readonly row?: number;
  readonly storedName?: string;
}

const NAMES_SHOWN = 3;

/** The union's officers after the import: stored ones, replaced by the file's row of the same key. */
const mergedOfficers = (rows: readonly OfficerTermRow[], stored: (ubn: string) => readonly StoredOfficer[]): Merged[] => {
  const byKey = new Map<string, Merged>();
  const storedByKey = new Map<string, StoredOfficer>();
  for (const ubn of new Set(rows.map((r) => r.ubn))) {
    for (const o of stored(ubn)) {
      const key = officerKey({ ubn, termStart: o.termStart, idNo: o.idNo });
      storedByKey.set(key, o);
      byKey.set(key, { ubn, termStart: o.termStart, termEnd: o.termEnd, isLeader: o.isLeader, storedName: o.name });
    }
  }
  for (const r of rows) {
    const key = officerKey(r);
    byKey.set(key, { ubn: r.ubn, termStart: r.termStart, termEnd: r.termEnd, isLeader: r.isLeader ?? storedByKey.get(key)?.isLeader ?? false, row: r.row });
  }
  return [...byKey.values()];
};

export const officerLeaderCount = (rows: readonly OfficerTermRow[], stored: (ubn: string) => readonly StoredOfficer[] = () => []): LeaderCountResult => {
  const terms = new Map<string, Merged[]>();
  for (const o of mergedOfficers(rows, stored)) {
    const list = terms.get(termKey(o)) ?? [];
    list.push(o);
    terms.set(termKey(o), list);
  }
  const findings: Finding[] = [];
  const rejectedRows = new Set<number>();
  for (const officers of terms.values()) {
    const fileRows = officers.filter((o): o is Merged & { readonly row: number } => o.row !== undefined).sort((a, b) => a.row - b.row);
    const first = fileRows[0];
    const leaders = officers.filter((o) => o.isLeader);
    if (first === undefined || leaders.length === 1) continue;
    const storedLeaders = leaders.filter((o) => o.row === undefined).map((o) => o.storedName ?? '');
    const storedCount = officers.length - fileRows.length;
    const detail: Partial<Reason> =
      storedLeaders.length > 0
        ? { detail: 'leader.stored_leaders', names: storedLeaders.slice(0, NAMES_SHOWN).join('、') }
        : leaders.length === 0 && storedCount > 0
          ? { detail: 'leader.stored_officers', storedCount }
          : {};
    const params = { ubn: first.ubn, term: `${first.termStart}~${first.termEnd}`, actual: leaders.length, ...detail };
    const fileLeaders = leaders.filter((o) => o.row !== undefined);
    // with a stored leader every leader the file names is one too many; otherwise the file's first one is kept
    const extra = leaders.length === 0 ? [] : storedLeaders.length > 0 ? fileLeaders : fileLeaders.slice(1);
    // the stored leaders alone may be too many: the finding then goes to the term's first file row
    for (const o of extra.length > 0 ? extra : [first]) findings.push(makeFinding('officer.leader_count', { row: o.row ?? 0, field: '負責人' }, params));
    for (const o of fileRows) rejectedRows.add(o.row);
  }
  return { findings, rejectedRows };
};
