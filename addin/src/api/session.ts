// The sign-in lives in this task pane's sessionStorage only (gone when the pane closes) — never in the workbook.
import { type User } from '@portfund/api-contract';

export interface Session {
  readonly serverUrl: string;
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

const KEY = 'portfund.addin.session';

export const loadSession = (now: Date = new Date()): Session | null => {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const session = JSON.parse(raw) as Session;
    return new Date(session.expiresAt) > now ? session : null;
  } catch {
    return null;
  }
};

export const saveSession = (session: Session): void => {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // storage refused (private mode): the session stays in memory for this pane
  }
};

export const clearSession = (): void => {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
};
