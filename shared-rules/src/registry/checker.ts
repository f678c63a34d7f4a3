// The row-by-row check of one import file, the same offline (CLI) and on the server: the header row first, then each
// data row as it is read (so a 100,000-row file streams), then the rules over the whole file. Rows are numbered from 1
// after the header (blank rows keep their number so it matches the sheet: data row n is sheet row n + 1).
import { makeFinding } from '../findings/make';
import { type Finding } from '../findings/types';
import { officerLeaderCount, type OfficerTermRow } from '../rules/officer/leader-count';
import { type CellValue } from '../snapshot/types';
import { cellText } from '../values/text';
import { RowReader, type DateTally } from './cells';
import { IMPORT_COLUMNS, type ImportKind } from './columns';
import { matchHeaders, type HeaderMatch } from './headers';
import { type ImportRecords, type VolunteerPerson } from './records';
import { type ImportContext } from './rows/context';
import { officerKey, readOfficerRow } from './rows/officers';
import { readServiceHourRow, serviceHourKey } from './rows/service-hours';
import { readTrainingRow, trainingKey } from './rows/training';
import { readUnionRow } from './rows/unions';
import { readUnitRow, unitKey } from './rows/units';
import { readVolunteerRow, volunteerKey } from './rows/volunteers';

export type RowStatus = 'blank' | 'valid' | 'rejected';

export interface RowOutcome<K extends ImportKind = ImportKind> {
  readonly row: number;
  readonly status: RowStatus;
  readonly record: ImportRecords[K] | null;
  /** The record's natural key (UBN, ID number, …) as compared for duplicates. */
  readonly key: string | null;
  readonly findings: readonly Finding[];
}

export interface FinishOutcome {
  readonly findings: readonly Finding[];
  /** Rows returned as valid that a rule over the whole file rejects (officers: a term without exactly one 負責人). */
  readonly rejectedRows: ReadonlySet<number>;
}

interface KindSpec<K extends ImportKind> {
  read(r: RowReader, ctx: ImportContext): ImportRecords[K] | null;
  key(record: ImportRecords[K]): string;
}

const SPECS: { readonly [K in ImportKind]: KindSpec<K> } = {
  units: { read: (r) => readUnitRow(r), key: unitKey },
  unions: { read: readUnionRow, key: (u) => u.ubn },
  officers: { read: readOfficerRow, key: officerKey },
  volunteers: { read: readVolunteerRow, key: volunteerKey },
  training: { read: readTrainingRow, key: trainingKey },
  service_hours: { read: readServiceHourRow, key: serviceHourKey },
};

/** The person fields of the volunteers import, in column order (to name the first one two rows disagree on). */
const PERSON_KEYS = IMPORT_COLUMNS.volunteers.map((c) => c.key).filter((k) => !['operator', 'team', 'squad', 'joinedOn'].includes(k)) as (keyof VolunteerPerson)[];

export class ImportChecker<K extends ImportKind = ImportKind> {
  readonly dates: DateTally = { gregorian: 0, roc: 0 };
  /** Officers: finish() may still reject rows row() returned as valid, so the caller holds them until then. */
  readonly deferred: boolean;
  private columns: readonly (string | null)[] | null = null;
  /** The column keys of the header: what the import may write (a column left out keeps the stored value). */
  present: ReadonlySet<string> = new Set();
  private blankHeaderColumns = new Set<number>();
  private readonly seen = new Map<string, number>();
  private readonly people = new Map<string, { row: number; person: VolunteerPerson }>();
  private readonly terms: OfficerTermRow[] = [];

  constructor(
    readonly kind: K,
    private readonly ctx: ImportContext,
  ) {
    this.deferred = kind === 'officers';
  }

  header(cells: readonly CellValue[]): HeaderMatch {
    const match = matchHeaders(this.kind, cells);
    if (match.ok) {
      this.columns = match.columns;
      this.present = match.present;
      cells.forEach((c, i) => {
        if (cellText(c) === null) this.blankHeaderColumns.add(i);
      });
    }
    return match;
  }

  row(row: number, cells: readonly CellValue[]): RowOutcome<K> {
    const columns = this.columns;
    if (columns === null) throw new Error('ImportChecker.row called before a valid header');
    if (cells.every((c) => cellText(c) === null)) return { row, status: 'blank', record: null, key: null, findings: [] };
    const byKey = new Map<string, CellValue>();
    columns.forEach((key, i) => {
      if (key !== null) byKey.set(key, cells[i] ?? null);
    });
    const r = new RowReader(this.kind, row, (key) => byKey.get(key), this.dates);
    this.reportHeaderlessData(r, cells);
    const spec = SPECS[this.kind] as KindSpec<K>;
    const record = spec.read(r, this.ctx);
    const key = record === null ? null : spec.key(record);
    if (record !== null && key !== null) this.checkDuplicate(r, record, key);
    const valid = record !== null && r.valid;
    if (valid && this.kind === 'officers') {
      const o = record as ImportRecords['officers'];
      this.terms.push({ row, ubn: o.ubn, termStart: o.termStart, termEnd: o.termEnd, idNo: o.idNo, isLeader: this.present.has('isLeader') ? o.isLeader : null });
    }
    return { row, status: valid ? 'valid' : 'rejected', record: valid ? record : null, key, findings: r.findings };
  }

  finish(): FinishOutcome {
    if (this.kind !== 'officers') return { findings: [], rejectedRows: new Set() };
    return officerLeaderCount(this.terms, this.ctx.storedOfficers);
  }

  /** Data under a column without a header is not imported: say so once per column. */
  private reportHeaderlessData(r: RowReader, cells: readonly CellValue[]): void {
    for (const i of [...this.blankHeaderColumns]) {
      if (cellText(cells[i] ?? null) === null) continue;
      this.blankHeaderColumns.delete(i);
      r.findings.push(makeFinding('import.header', { row: r.row }, { reason: 'header.blank_column', column: i + 1 }, { severity: 'warning' }));
    }
  }

  private checkDuplicate(r: RowReader, record: ImportRecords[K], key: string): void {
    const keyField = (this.kind === 'unions' || this.kind === 'officers' ? 'ubn' : this.kind === 'units' ? 'agency' : 'idNo') as string;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      const shown = this.kind === 'officers' || this.kind === 'unions' ? key.split('|').join('、') : key.split('|')[0] ?? key;
      r.report('import.duplicate', this.kind === 'officers' ? 'idNo' : keyField, { actual: shown, otherRow: earlier });
      return;
    }
    this.seen.set(key, r.row);
    if (this.kind !== 'volunteers') return;
    // the same person in a second unit is fine, but their personal data must read the same in both rows
    const { person } = record as ImportRecords['volunteers'];
    const first = this.people.get(person.idNo);
    if (first === undefined) {
      this.people.set(person.idNo, { row: r.row, person });
      return;
    }
    const differing = PERSON_KEYS.find((k) => first.person[k] !== person[k]);
    if (differing !== undefined) r.report('import.duplicate', differing, { actual: person.idNo, otherRow: first.row });
  }
}

export const createImportChecker = <K extends ImportKind>(kind: K, ctx: ImportContext): ImportChecker<K> => new ImportChecker(kind, ctx);
