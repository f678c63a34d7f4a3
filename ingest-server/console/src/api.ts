// The console's API client (@portfund/api-contract): the HttpOnly session cookie signs the requests, the CSRF token
// (kept in memory only) proves a write came from this page.
import { createClient } from '@portfund/api-contract';

let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Fired when the server no longer knows the session (it expired or was ended elsewhere): App returns to sign-in. */
export const SESSION_EXPIRED_EVENT = 'portfund:session-expired';

export const sessionExpired = (): void => {
  window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
};

// a 401 from anything but the sign-in requests themselves means the session is gone
const watchedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const res = await fetch(input, init);
  if (res.status === 401 && !String(input).includes('/api/auth/')) sessionExpired();
  return res;
};

export const api = createClient({ csrfToken: () => csrfToken, fetch: watchedFetch });

/** The session's CSRF token, for the one request the client cannot make (an upload that reports its progress). */
export const currentCsrfToken = (): string | null => csrfToken;
