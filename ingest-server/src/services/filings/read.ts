// Reading filings for the API: a filing with its findings, the caller's filings by the list's filters, a filing's file.
// The route has already loaded the filing within the caller's scope (http/load-filing.ts); these only read.
import { type FilingListQuery } from '@portfund/api-contract/src/schemas';
import { type Knex } from 'knex';
import { type z } from 'zod';
import { type Filing } from '../../models/filing';
import { FindingRow } from '../../models/finding-row';
import { type User } from '../../models/user';
import { attachmentView, currentAttachments } from '../attachments/read';
import { scopedFilings } from '../scope';
import { ledgerEntriesByRow, withEntry } from './finding-context';
import { filingView, findingView } from './view';

/** Every finding of a filing (check, then reconciliation, each in order), a ledger finding with its entry. */
export const filingFindings = async (db: Knex, filing: Filing) => {
  const [rows, entries] = await Promise.all([
    FindingRow.query(db).where('filing_id', filing.id).orderBy([{ column: 'source' }, { column: 'seq' }]),
    filing.kind === 'cashbook' ? ledgerEntriesByRow(db, filing.id) : new Map(),
  ]);
  return rows.map((r) => withEntry(entries, findingView(r)));
};

/** A filing as the API shows it, with all its findings. */
export const filingWithFindings = async (db: Knex, filing: Filing) => ({
  ...filingView(filing),
  findings: await filingFindings(db, filing),
  // an application's PDFs (the add-in's submit panel says from these which ones the server still lacks)
  ...(filing.kind === 'application' ? { attachments: (await currentAttachments(db, filing)).map(attachmentView) } : {}),
});

/** The caller's filings matching the filters, newest period first, one page, and how many match in all. */
export const listFilings = async (db: Knex, user: User, q: z.infer<typeof FilingListQuery>) => {
  const query = scopedFilings(db, user);
  if (q.year !== undefined) query.where('year', q.year);
  if (q.quarter !== undefined) query.where('quarter', q.quarter);
  if (q.kind !== undefined) query.where('kind', q.kind);
  if (q.status !== undefined) query.where('status', q.status);
  // a version a newer one closed is history: listed only when asked for
  else if (q.superseded !== true) query.whereNot('status', 'superseded');
  if (q.ubn !== undefined) query.where('ubn', q.ubn);
  const total = await query.clone().resultSize();
  const filings = await query.orderBy([{ column: 'year', order: 'desc' }, { column: 'quarter', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(q.limit).offset(q.offset);
  return { filings: filings.map(filingView), total };
};
