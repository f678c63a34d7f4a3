// When a filing arrives (or one is rejected) and another filing that is already filed or under review gains new
// reconciliation errors because of it — a late December book against an approved 決算, say — those who hold that
// filing are told: the union always, the local government once it is reviewing or has forwarded it, the ministry
// once it is in its hands. Nobody has to notice a changed error count by chance.
import { CATALOGUE, isFindingCode, messageOf, type Finding, type FindingParams } from '@portfund/shared-rules';
import { type Knex } from 'knex';
import { type Filing, type FilingStatus } from '../../models/filing';
import { Organization } from '../../models/organization';
import { createNotifications, type NewNotification } from '../notifications/notifications';
import { reconAlertForReviewer, reconAlertForUnion, type ReconAlertFacts } from '../notifications/messages';

export type ReconCause = 'upload' | 'rejected' | 'withdrawn';

export interface ReconChange {
  readonly filing: Filing;
  /** Error findings that were not there before the re-run. */
  readonly added: readonly Finding[];
}

interface Place {
  readonly code: string;
  readonly sheet?: string | undefined;
  readonly cell?: string | undefined;
  readonly row?: number | undefined;
  readonly message: string;
}
// The message is part of the key: several errors can share a place (every removed entry of recon.history_changed
// points at the book's data area) and differ only in what they say; a second removed entry is a new error. Stored
// ones are rendered now, as the new ones are, so a wording change alone never looks like a new error.
const placeKey = (f: Place): string => [f.code, f.sheet ?? '', f.cell ?? '', f.row ?? '', f.message].join('\u0000');

/** The stored reconciliation errors of a filing (code, place and message), before they are replaced. */
export const reconErrorPlaces = async (trx: Knex, filingId: number): Promise<Set<string>> => {
  const rows = await trx('findings')
    .where({ filing_id: filingId, source: 'recon', severity: 'error' })
    .select<{ code: string; sheet: string | null; cell: string | null; row_no: number | null; params: FindingParams }[]>('code', 'sheet', 'cell', 'row_no', 'params');
  return new Set(
    rows.map((r) => placeKey({ code: r.code, sheet: r.sheet ?? undefined, cell: r.cell ?? undefined, row: r.row_no ?? undefined, message: messageOf(r.code, r.params) })),
  );
};

/** The errors of a re-run that were not among the stored ones. */
export const addedErrors = (before: ReadonlySet<string>, after: readonly Finding[]): Finding[] => after.filter((f) => f.severity === 'error' && !before.has(placeKey(f)));

/** Statuses whose filing is closed (a new version is expected anyway): nobody is told. */
const CLOSED: ReadonlySet<FilingStatus> = new Set<FilingStatus>(['returned', 'rejected', 'superseded', 'withdrawn']);
const WITH_LOCAL_GOV: ReadonlySet<FilingStatus> = new Set<FilingStatus>(['local_review', 'ministry_review', 'ministry_returned', 'approved']);
const WITH_MINISTRY: ReadonlySet<FilingStatus> = new Set<FilingStatus>(['ministry_review', 'approved']);

const titles = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => (isFindingCode(f.code) ? CATALOGUE[f.code].title : f.code)))];

/** Notifies, in the caller's transaction, everyone holding a filing that gained reconciliation errors. */
export const notifyReconChanges = async (trx: Knex.Transaction, cause: Filing, how: ReconCause, changes: readonly ReconChange[]): Promise<void> => {
  const rows: NewNotification[] = [];
  for (const { filing, added } of changes) {
    if (added.length === 0 || CLOSED.has(filing.status)) continue;
    const union = await Organization.query(trx).findById(filing.union_id).throwIfNotFound();
    const facts: ReconAlertFacts = { filing, cause, how, unionName: union.name, errors: added.length, titles: titles(added) };
    const note = (organizationId: number, text: { title: string; message: string }): NewNotification => ({
      organizationId,
      filingId: filing.id,
      kind: 'recon',
      ...text,
      // once per affected filing, causing filing and organisation
      dedupeKey: `recon:${filing.id}:${cause.id}:${how}:${organizationId}`,
    });
    rows.push(note(union.id, reconAlertForUnion(facts)));
    if (WITH_LOCAL_GOV.has(filing.status) && union.parent_id !== null) rows.push(note(union.parent_id, reconAlertForReviewer(facts)));
    if (WITH_MINISTRY.has(filing.status)) {
      for (const m of await Organization.query(trx).where('kind', 'ministry').orderBy('id')) rows.push(note(m.id, reconAlertForReviewer(facts)));
    }
  }
  await createNotifications(trx, rows);
};
