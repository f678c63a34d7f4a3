// The console's API client (@portfund/api-contract): the HttpOnly session cookie signs the requests, the CSRF token
// (kept in memory only) proves a write came from this page.
import { createClient } from '@portfund/api-contract';

let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export const api = createClient({ csrfToken: () => csrfToken });
