// One typed fetch client for the add-in (bearer token) and the web console (session cookie + CSRF header).
// Results, not exceptions: a refusal or an unreachable server is data with a zh-TW message.
import { type ImportKind } from '@portfund/shared-rules/src/registry/columns';
import type * as T from './types';

export type Failure = { readonly ok: false; readonly status: number; readonly code: string; readonly message: string; readonly details?: unknown };
export type Result<V> = { readonly ok: true; readonly value: V } | Failure;

export const OFFLINE_MESSAGE = '無法連線到伺服器，請確認伺服器網址與網路連線後再試';
const EXPIRED_MESSAGE = '登入已逾時，請重新登入';

export interface ClientOptions {
  /** The server's origin and base path ('' for the page's own server). */
  readonly baseUrl?: string;
  /** A bearer token (add-in, scripts); without one the browser's session cookie signs the request. */
  readonly token?: string;
  /** The session's CSRF token, sent with every cookie-signed write. */
  readonly csrfToken?: () => string | null;
  readonly fetch?: typeof fetch;
}

type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** A query string of the set values only ('' or "?a=1&b=2"). */
export const queryString = (params: Query): string => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
};

const failure = async (res: Response): Promise<Failure> => {
  try {
    const body = (await res.json()) as Partial<T.ErrorBody>;
    const error = body.error;
    if (typeof error?.message === 'string') return { ok: false, status: res.status, code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) };
  } catch {
    // not JSON: say the status
  }
  return { ok: false, status: res.status, code: 'http', message: res.status === 401 ? EXPIRED_MESSAGE : `伺服器回應 ${res.status}` };
};

interface Send {
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly json?: unknown;
  readonly form?: FormData;
  /** Statuses whose body is an answer, not an error (a refused upload still says why, file by file). */
  readonly accept?: readonly number[];
}

export const createClient = (options: ClientOptions = {}) => {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? '';

  const exchange = async (path: string, { method = 'GET', json, form, accept = [] }: Send = {}): Promise<Failure | { ok: true; status: number; body: unknown }> => {
    const headers = new Headers();
    if (options.token !== undefined) headers.set('authorization', `Bearer ${options.token}`);
    const csrf = options.token === undefined && method !== 'GET' ? options.csrfToken?.() : null;
    if (csrf !== null && csrf !== undefined) headers.set('x-csrf-token', csrf);
    if (json !== undefined) headers.set('content-type', 'application/json');
    let res: Response;
    try {
      // a bearer token is the only credential it needs: never send a console's cookie along with it
      res = await doFetch(`${base}${path}`, { method, headers, body: form ?? (json === undefined ? undefined : JSON.stringify(json)), credentials: options.token === undefined ? 'same-origin' : 'omit' });
    } catch {
      return { ok: false, status: 0, code: 'offline', message: OFFLINE_MESSAGE };
    }
    if (!res.ok && !accept.includes(res.status)) return failure(res);
    return { ok: true, status: res.status, body: res.status === 204 ? undefined : await res.json() };
  };

  const send = async <V>(path: string, request: Send = {}): Promise<Result<V>> => {
    const r = await exchange(path, request);
    return r.ok ? { ok: true, value: r.body as V } : r;
  };

  return {
    login: (username: string, password: string) => send<T.LoginResponse>('/api/auth/login', { method: 'POST', json: { username, password } }),
    logout: () => send<void>('/api/auth/logout', { method: 'POST', json: {} }),
    me: () => send<T.MeResponse>('/api/auth/me'),
    organizations: (params: T.OrganizationListParams = {}) => send<{ organizations: T.Organization[] }>(`/api/organizations${queryString(params)}`),
    createOrganization: (body: T.OrganizationCreateRequest) => send<T.Organization>('/api/organizations', { method: 'POST', json: body }),
    updateOrganization: (id: number, body: T.OrganizationPatchRequest) => send<T.Organization>(`/api/organizations/${id}`, { method: 'PATCH', json: body }),
    /** Unions from a 工會基本資料 file (CSV/XLSX): dryRun 'true' reports row by row, 'false' creates them all or none. */
    bulkOrganizations: (file: File, fields: { readonly dryRun: boolean; readonly parentId?: number | undefined }) => {
      const form = new FormData();
      form.append('dryRun', String(fields.dryRun));
      if (fields.parentId !== undefined) form.append('parentId', String(fields.parentId));
      form.append('file', file, file.name);
      return send<T.BulkOrganizationsResult>('/api/organizations/bulk', { method: 'POST', form, accept: [422] });
    },
    users: (params: T.UserListParams = {}) => send<T.UserList>(`/api/users${queryString(params)}`),
    user: (id: number) => send<T.User>(`/api/users/${id}`),
    createUser: (body: T.UserCreateRequest) => send<T.User>('/api/users', { method: 'POST', json: body }),
    updateUser: (id: number, body: T.UserPatchRequest) => send<T.User>(`/api/users/${id}`, { method: 'PATCH', json: body }),
    /** Users from a CSV/XLSX (帳號, 姓名, Email, 統一編號 or 機關): dryRun 'true' reports row by row, 'false' creates all or none. */
    bulkUsers: (file: File, fields: { readonly dryRun: boolean }) => {
      const form = new FormData();
      form.append('dryRun', String(fields.dryRun));
      form.append('file', file, file.name);
      return send<T.BulkUsersResult>('/api/users/bulk', { method: 'POST', form, accept: [422] });
    },
    adminAudit: (params: T.AdminAuditParams = {}) => send<T.AdminAuditPage>(`/api/admin/audit${queryString(params)}`),
    /** Signed out: whether e-mail is on and whether first-run setup is open. */
    authOptions: () => send<T.AuthOptions>('/api/auth/options'),
    changePassword: (currentPassword: string, newPassword: string) =>
      send<{ revokedSessions: number }>('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword } }),
    updateAccount: (body: { emailOptOut: boolean }) => send<T.Account>('/api/auth/me', { method: 'PATCH', json: body }),
    /** 忘記密碼: the same answer whether or not the account exists. */
    forgotPassword: (login: string) => send<{ accepted: true }>('/api/auth/forgot', { method: 'POST', json: { login } }),
    resetPassword: (token: string, newPassword: string) => send<{ username: string }>('/api/auth/reset', { method: 'POST', json: { token, newPassword } }),
    /** First run: the first ministry administrator, with the setup code from the server's log. */
    setup: (body: T.SetupRequest) => send<T.User>('/api/setup', { method: 'POST', json: body }),
    /** An administrator resets a user's password: an e-mailed one-time link, or a temporary password to change at next sign-in. */
    resetUserPassword: (userId: number, body: T.PasswordResetRequest) =>
      send<T.PasswordResetResult>(`/api/users/${userId}/password-reset`, { method: 'POST', json: body }),
    /** An administrator ends a lockout after failed sign-ins. */
    unlockUser: (userId: number) => send<T.User>(`/api/users/${userId}/unlock`, { method: 'POST', json: {} }),
    filings: (params: T.FilingListParams = {}) => send<T.FilingList>(`/api/filings${queryString(params)}`),
    filing: (id: number) => send<T.FilingWithFindings>(`/api/filings/${id}`),
    /** Every file answered on its own, in upload order (a single file's answer too). */
    upload: async (files: readonly { readonly blob: Blob; readonly name: string }[]): Promise<Result<readonly T.UploadAnswer[]>> => {
      const form = new FormData();
      for (const f of files) form.append('file', f.blob, f.name);
      const r = await exchange('/api/filings', { method: 'POST', form, accept: [422] });
      if (!r.ok) return r;
      // several files answer 207 with results; one file answers with its own status
      const body = r.body as { results?: T.UploadAnswer[] };
      return { ok: true, value: body.results ?? [{ ...body, httpStatus: r.status } as T.UploadAnswer] };
    },
    /** An application's PDFs and which of the two are still missing. */
    attachments: (filingId: number) => send<T.AttachmentList>(`/api/filings/${filingId}/attachments`),
    /** Where a PDF opens inline (a new tab) or, with download, is saved: a plain link, signed by the session cookie. */
    attachmentUrl: (filingId: number, kind: T.Attachment['kind'], download = false) => `${base}/api/filings/${filingId}/attachments/${kind}${download ? '?download=1' : ''}`,
    /** Uploads one PDF of an application (a new version of that kind): 201 or 200 the application, 422 refused with the reason. */
    uploadAttachment: async (filingId: number, kind: T.Attachment['kind'], file: { readonly blob: Blob; readonly name: string }): Promise<Result<T.UploadAnswer>> => {
      const form = new FormData();
      form.append('file', file.blob, file.name);
      const r = await exchange(`/api/filings/${filingId}/attachments/${kind}`, { method: 'POST', form, accept: [422] });
      return r.ok ? { ok: true, value: { ...(r.body as object), httpStatus: r.status } as T.UploadAnswer } : r;
    },
    review: (filingId: number) => send<T.ReviewSummary>(`/api/filings/${filingId}/review`),
    decide: (filingId: number, body: T.ReviewRequest) => send<T.ReviewDecided>(`/api/filings/${filingId}/review`, { method: 'POST', json: body }),
    /** The union takes back a version no reviewer has taken up (status 已提交). */
    withdraw: (filingId: number, body: T.WithdrawRequest) => send<T.ReviewDecided>(`/api/filings/${filingId}/withdraw`, { method: 'POST', json: body }),
    /** 待辦: the filings awaiting the signed-in reviewer, oldest first. */
    worklist: () => send<T.Worklist>('/api/worklist'),
    unreadCount: () => send<T.UnreadCount>('/api/notifications/unread-count'),
    notifications: (params: Query = {}) => send<T.NotificationPage>(`/api/notifications${queryString(params)}`),
    markRead: (id: number) => send<T.Notification>(`/api/notifications/${id}/read`, { method: 'POST', json: {} }),
    markAllRead: () => send<{ updated: number }>('/api/notifications/read-all', { method: 'POST', json: {} }),
    overdue: (params: Query = {}) => send<T.OverdueList>(`/api/reminders/overdue${queryString(params)}`),
    unionReport: (params: T.ReportParams) => send<T.UnionReport>(`/api/reports/unions${queryString(params)}`),
    dashboard: (params: T.DashboardParams) => send<T.Dashboard>(`/api/reports/dashboard${queryString(params)}`),
    /** The ledger entries behind one figure of a cash book (drill-down to the cell). */
    figureEntries: (filingId: number, params: T.FigureEntriesParams) => send<T.FigureEntries>(`/api/reports/filings/${filingId}/entries${queryString(params)}`),
    /** A union's counted cash book of each quarter of a year. */
    unionTrend: (unionId: number, year: number) => send<T.UnionTrend>(`/api/reports/union-trend/${unionId}${queryString({ year })}`),
    importRuns: (params: Query = {}) => send<T.ImportRunList>(`/api/registry/imports${queryString(params)}`),
    /** 202 queued (a job: follow it with importRun until its status is no longer queued or running), 422 unreadable. */
    importFile: (kind: ImportKind, file: File, fields: Readonly<Record<string, string>>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', file, file.name);
      return send<T.ImportAnswer>(`/api/registry/imports/${kind}`, { method: 'POST', form, accept: [422] });
    },
    /** One run: its progress while queued or running, then its result and first findings. */
    importRun: (id: number, params: Query = {}) => send<T.ImportAnswer>(`/api/registry/imports/${id}${queryString(params)}`),
  };
};

export type ApiClient = ReturnType<typeof createClient>;
