// Review test fixtures: filings inserted straight into the database (uploading real workbooks is covered by the filing
// tests and one review test), and a driver that takes a filing through real review decisions over HTTP.
import { randomBytes } from 'node:crypto';
import { type Knex } from 'knex';
import { Filing, type FilingKind, type FilingStatus } from '../../../models/filing';
import { type Organization } from '../../../models/organization';
import { type User } from '../../../models/user';
import { call } from '../../../testing/http';
import { type Decision } from '../state-machine';

export interface FilingFixture {
  readonly union: Organization;
  readonly uploader: User;
  readonly kind?: FilingKind;
  readonly year?: number;
  readonly quarter?: number;
  /** Defaults to the next version of the period. */
  readonly version?: number;
  readonly status?: FilingStatus;
  readonly uploadedAt?: Date;
}

export const insertFiling = async (db: Knex, f: FilingFixture): Promise<Filing> => {
  const kind = f.kind ?? 'cashbook';
  const year = f.year ?? 115;
  const quarter = f.quarter ?? (kind === 'application' ? 0 : 1);
  const last = await db('filings').where({ union_id: f.union.id, kind, year, quarter }).max<{ max: number | null }[]>('version as max');
  return Filing.query(db).insertAndFetch({
    kind,
    union_id: f.union.id,
    ubn: f.union.ubn ?? '',
    year,
    quarter,
    version: f.version ?? Number(last[0]?.max ?? 0) + 1,
    sha256: randomBytes(32).toString('hex'),
    file_name: kind === 'application' ? `${year}_${f.union.ubn}_application.xlsx` : `${year}${String(quarter * 3).padStart(2, '0')}_${f.union.ubn}_accounting.xlsx`,
    size_bytes: 1234,
    template_version: 'test',
    status: f.status ?? 'submitted',
    uploaded_by: f.uploader.id,
    ...(f.uploadedAt !== undefined ? { uploaded_at: f.uploadedAt } : {}),
    meta: { unionName: f.union.name },
  });
};

export interface Reviewers {
  /** Bearer token of a local-government officer with jurisdiction over the filing's union. */
  readonly local: string;
  readonly ministry: string;
}

/** Statuses no reviewer's decision leads to: a newer upload (superseded) or the union (withdrawn) closes a version. */
export type ReviewedStatus = Exclude<FilingStatus, 'superseded' | 'withdrawn'>;

export const isReviewedStatus = (s: FilingStatus): s is ReviewedStatus => s !== 'superseded' && s !== 'withdrawn';

/** The decisions, by whom, that take a submitted filing to each status reviewers reach. */
export const PATHS: Readonly<Record<ReviewedStatus, readonly (readonly ['local' | 'ministry', Decision])[]>> = {
  submitted: [],
  local_review: [['local', 'accept']],
  ministry_review: [
    ['local', 'accept'],
    ['local', 'approve'],
  ],
  approved: [
    ['local', 'accept'],
    ['local', 'approve'],
    ['ministry', 'approve'],
  ],
  returned: [
    ['local', 'accept'],
    ['local', 'return'],
  ],
  ministry_returned: [
    ['local', 'accept'],
    ['local', 'approve'],
    ['ministry', 'return'],
  ],
  rejected: [
    ['local', 'accept'],
    ['local', 'reject'],
  ],
};

/** POSTs a decision with the filing's current lockVersion; returns the reply. */
export const decide = async (url: string, token: string, filingId: number, decision: Decision, opinion = '', lockVersion?: number) => {
  const current = lockVersion ?? (await call(`${url}/api/filings/${filingId}/review`, token)).body.lockVersion;
  return call(`${url}/api/filings/${filingId}/review`, token, 'POST', { decision, opinion, lockVersion: current });
};

/** Takes a filing through real decisions to `status`; throws if any step is refused. */
export const driveTo = async (url: string, reviewers: Reviewers, filingId: number, status: ReviewedStatus): Promise<void> => {
  for (const [who, decision] of PATHS[status]) {
    const res = await decide(url, reviewers[who], filingId, decision, `${decision} 意見`);
    if (res.status !== 200) throw new Error(`${decision} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  }
};
