// The pane's use of the ingest server through the shared client (@portfund/api-contract): sign in, submit the workbook,
// find a returned earlier version and its opinion. Results, not exceptions.
import { APPLICATION_ATTACHMENTS, type ApplicationAttachment, createClient, RETURNED_STATUSES, type Filing, type FilingWithFindings, type Finding, type Result, type ReviewSummary } from '@portfund/api-contract';
import { type Session } from './session';

/** One union's filings of one kind and period (application: quarter 0), as GET /api/filings filters them. */
export interface FilingKey {
  readonly kind: Filing['kind'];
  readonly ubn: string;
  readonly year: number;
  readonly quarter: number;
}

/** A filed version a reviewer returned (退回申請人, 勞動部退回) or rejected (否決): who, when and why. */
export interface ReturnedReview {
  readonly filingId: number;
  readonly version: number;
  readonly status: string;
  readonly statusLabel: string;
  readonly decisionLabel: string;
  readonly roleLabel: string;
  readonly organization: string;
  readonly opinion: string;
  readonly at: string;
}

export type SubmitOutcome =
  | { readonly rejected: false; readonly filing: FilingWithFindings; readonly created: boolean }
  | { readonly rejected: true; readonly message: string; readonly findings: readonly Finding[] };

type Fetch = typeof fetch;

/** "https://portfund.example.gov.tw/" → "https://portfund.example.gov.tw" (no trailing slash, http(s) only). */
export const normaliseServerUrl = (url: string): string | null => {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
};

const clientOf = (session: Session, doFetch?: Fetch) => createClient({ baseUrl: session.serverUrl, token: session.token, ...(doFetch ? { fetch: doFetch } : {}) });

export const login = async (serverUrl: string, username: string, password: string, doFetch?: Fetch): Promise<Result<Session>> => {
  const r = await createClient({ baseUrl: serverUrl, ...(doFetch ? { fetch: doFetch } : {}) }).login(username, password);
  return r.ok ? { ok: true, value: { serverUrl, token: r.value.token, expiresAt: r.value.expiresAt, user: r.value.user } } : r;
};

/** POST /api/filings: 201 a new version, 200 the same bytes filed before, 422 refused with the findings that say why. */
export const submitWorkbook = async (session: Session, file: Blob, fileName: string, doFetch?: Fetch): Promise<Result<SubmitOutcome>> => {
  const r = await clientOf(session, doFetch).upload([{ blob: file, name: fileName }]);
  if (!r.ok) return r;
  const answer = r.value[0];
  if (answer === undefined || answer.httpStatus === 500) return { ok: false, status: 500, code: 'file_failed', message: answer?.error.message ?? '檔案無法申報' };
  if (answer.httpStatus === 422) return { ok: true, value: { rejected: true, message: answer.error.message, findings: answer.findings } };
  return { ok: true, value: { rejected: false, filing: answer, created: answer.httpStatus === 201 } };
};

/** Which of an application's two PDFs the server still lacks (from the filing it answered). */
export const missingAttachments = (filing: FilingWithFindings): ApplicationAttachment[] =>
  filing.kind === 'application' ? APPLICATION_ATTACHMENTS.filter((kind) => !(filing.attachments ?? []).some((a) => a.kind === kind)) : [];

/** POST /api/filings/:id/attachments/:kind: one PDF for the application (the pane cannot read other files: the user picks it). */
export const submitAttachment = async (session: Session, filingId: number, kind: ApplicationAttachment, file: Blob, fileName: string, doFetch?: Fetch): Promise<Result<SubmitOutcome>> => {
  const r = await clientOf(session, doFetch).uploadAttachment(filingId, kind, { blob: file, name: fileName });
  if (!r.ok) return r;
  const answer = r.value;
  if (answer.httpStatus === 500) return { ok: false, status: 500, code: 'file_failed', message: answer.error.message };
  if (answer.httpStatus === 422) return { ok: true, value: { rejected: true, message: answer.error.message, findings: answer.findings } };
  return { ok: true, value: { rejected: false, filing: answer, created: answer.httpStatus === 201 } };
};

/** Statuses in which the union must act on a reviewer's opinion. */
export const isReturned = (status: string): boolean => RETURNED_STATUSES.has(status);

/** The server stores an application as quarter 0 of its year. */
export const keyOfFiling = (filing: Pick<Filing, 'kind' | 'ubn' | 'year' | 'quarter'>): FilingKey => ({ kind: filing.kind, ubn: filing.ubn, year: filing.year, quarter: filing.quarter ?? 0 });

/** The decision that put the filing in its current status (the history is append-only, oldest first). */
const decisionInto = (review: ReviewSummary) => [...review.history].reverse().find((e) => e.id !== null && e.to === review.status) ?? null;

/**
 * The latest version filed for a union's period up to `upToVersion` (every version when omitted) — and, when a reviewer
 * returned or rejected it, who did, when and why; null when that version stands (or nothing was filed).
 */
export const findReturned = async (session: Session, key: FilingKey, upToVersion = Number.MAX_SAFE_INTEGER, doFetch?: Fetch): Promise<Result<ReturnedReview | null>> => {
  if (upToVersion < 1) return { ok: true, value: null };
  const client = clientOf(session, doFetch);
  const filings = await client.filings({ ...key, limit: 500 });
  if (!filings.ok) return filings;
  const latest = filings.value.filings.filter((f) => f.version <= upToVersion).sort((a, b) => b.version - a.version)[0];
  if (latest === undefined || !isReturned(latest.status)) return { ok: true, value: null };
  const review = await client.review(latest.id);
  if (!review.ok) return review;
  const decision = decisionInto(review.value);
  if (decision === null) return { ok: true, value: null };
  const { status, statusLabel } = review.value;
  const returned = { filingId: latest.id, version: latest.version, status, statusLabel, decisionLabel: decision.decisionLabel, roleLabel: decision.roleLabel, organization: decision.actor.organization.name, opinion: decision.opinion, at: decision.at };
  return { ok: true, value: returned };
};
