// The ingest server client: sign in (bearer token), upload the workbook, find a returned earlier version and its opinion.
// Results, not exceptions.
import {
  type Filing,
  type FilingKey,
  type FilingWithFindings,
  type ReturnedReview,
  type ReviewHistoryEntry,
  type ReviewSummary,
  type ServerFinding,
  type Session,
  type User,
} from './types';

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

export interface SubmitRejected {
  readonly rejected: true;
  readonly message: string;
  readonly findings: readonly ServerFinding[];
}

export type SubmitOutcome = { readonly rejected: false; readonly filing: FilingWithFindings; readonly created: boolean } | SubmitRejected;

type Fetch = typeof fetch;

const OFFLINE = '無法連線到伺服器，請確認伺服器網址與網路連線';

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

const errorMessage = async (res: Response): Promise<string> => {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not JSON: fall through to the status text
  }
  if (res.status === 401) return '登入已逾時，請重新登入';
  return `伺服器回應 ${res.status}`;
};

const request = async (doFetch: Fetch, url: string, init: RequestInit): Promise<Response | null> => {
  try {
    // the bearer token is the only credential: never send the console's session cookie along
    return await doFetch(url, { ...init, credentials: 'omit' });
  } catch {
    return null;
  }
};

export const login = async (serverUrl: string, username: string, password: string, doFetch: Fetch = fetch): Promise<ApiResult<Session>> => {
  const res = await request(doFetch, `${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res === null) return { ok: false, status: 0, message: OFFLINE };
  if (!res.ok) return { ok: false, status: res.status, message: await errorMessage(res) };
  const body = (await res.json()) as { token: string; expiresAt: string; user: User };
  return { ok: true, value: { serverUrl, token: body.token, expiresAt: body.expiresAt, user: body.user } };
};

const authorised = (session: Session): Record<string, string> => ({ authorization: `Bearer ${session.token}` });

/** POST /api/filings: 201 a new version, 200 the same bytes filed before, 422 refused with the findings that say why. */
export const submitWorkbook = async (session: Session, file: Blob, fileName: string, doFetch: Fetch = fetch): Promise<ApiResult<SubmitOutcome>> => {
  const form = new FormData();
  form.append('file', file, fileName);
  const res = await request(doFetch, `${session.serverUrl}/api/filings`, { method: 'POST', headers: authorised(session), body: form });
  if (res === null) return { ok: false, status: 0, message: OFFLINE };
  if (res.status === 422) {
    const body = (await res.json()) as { error?: { message?: string }; findings?: ServerFinding[] };
    return { ok: true, value: { rejected: true, message: body.error?.message ?? '檔案無法申報', findings: body.findings ?? [] } };
  }
  if (!res.ok) return { ok: false, status: res.status, message: await errorMessage(res) };
  return { ok: true, value: { rejected: false, filing: (await res.json()) as FilingWithFindings, created: res.status === 201 } };
};

const getJson = async <T>(session: Session, path: string, doFetch: Fetch): Promise<ApiResult<T>> => {
  const res = await request(doFetch, `${session.serverUrl}${path}`, { method: 'GET', headers: authorised(session) });
  if (res === null) return { ok: false, status: 0, message: OFFLINE };
  if (!res.ok) return { ok: false, status: res.status, message: await errorMessage(res) };
  return { ok: true, value: (await res.json()) as T };
};

/** GET /api/filings filtered to one union's period: every version filed, in the caller's scope. */
const listFilings = async (session: Session, key: FilingKey, doFetch: Fetch = fetch): Promise<ApiResult<readonly Filing[]>> => {
  const query = new URLSearchParams({ kind: key.kind, ubn: key.ubn, year: String(key.year), quarter: String(key.quarter), limit: '500' });
  const list = await getJson<{ filings: readonly Filing[] }>(session, `/api/filings?${query.toString()}`, doFetch);
  return list.ok ? { ok: true, value: list.value.filings } : list;
};

/** GET /api/filings/:id/review: the status, the latest opinion and the full history (審核歷程). */
const fetchReview = (session: Session, filingId: number, doFetch: Fetch = fetch): Promise<ApiResult<ReviewSummary>> =>
  getJson<ReviewSummary>(session, `/api/filings/${filingId}/review`, doFetch);

/** Statuses in which the union must act on a reviewer's opinion. */
export const isReturned = (status: string): boolean => status === 'returned' || status === 'ministry_returned' || status === 'rejected';

/** The server stores an application as quarter 0 of its year. */
export const keyOfFiling = (filing: Pick<Filing, 'kind' | 'ubn' | 'year' | 'quarter'>): FilingKey => ({
  kind: filing.kind,
  ubn: filing.ubn,
  year: filing.year,
  quarter: filing.quarter ?? 0,
});

/** The decision that put the filing in its current status (the history is append-only, oldest first). */
const decisionInto = (review: ReviewSummary): ReviewHistoryEntry | null =>
  [...review.history].reverse().find((e) => e.id !== null && e.to === review.status) ?? null;

/**
 * The latest version filed for a union's period up to `upToVersion` (every version when omitted) — and, when a reviewer
 * returned or rejected it, who did, when and why; null when that version stands (or nothing was filed).
 */
export const findReturned = async (session: Session, key: FilingKey, upToVersion = Number.MAX_SAFE_INTEGER, doFetch: Fetch = fetch): Promise<ApiResult<ReturnedReview | null>> => {
  if (upToVersion < 1) return { ok: true, value: null };
  const filings = await listFilings(session, key, doFetch);
  if (!filings.ok) return filings;
  const latest = filings.value.filter((f) => f.version <= upToVersion).sort((a, b) => b.version - a.version)[0];
  if (latest === undefined || !isReturned(latest.status)) return { ok: true, value: null };
  const review = await fetchReview(session, latest.id, doFetch);
  if (!review.ok) return review;
  const decision = decisionInto(review.value);
  if (decision === null) return { ok: true, value: null };
  return {
    ok: true,
    value: {
      filingId: latest.id,
      version: latest.version,
      status: review.value.status,
      statusLabel: review.value.statusLabel,
      decisionLabel: decision.decisionLabel,
      roleLabel: decision.roleLabel,
      organization: decision.actor.organization.name,
      opinion: decision.opinion,
      at: decision.at,
    },
  };
};
