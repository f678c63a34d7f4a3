// The ingest server's JSON shapes the pane uses (see /api/openapi.json).
import { type StoredFinding } from '@portfund/shared-rules';


/** A finding as the server answers it (the shared shape, plus where it came from: the check or reconciliation). */
export type ServerFinding = StoredFinding;

export type FilingStatus = 'submitted' | 'local_review' | 'ministry_review' | 'approved' | 'returned' | 'ministry_returned' | 'rejected';

export interface Filing {
  readonly id: number;
  readonly kind: 'application' | 'cashbook';
  readonly ubn: string;
  readonly unionName?: string | null;
  readonly year: number;
  readonly quarter: number | null;
  readonly version: number;
  readonly status: FilingStatus | string;
  readonly fileName?: string;
  readonly summary: { readonly errors: number; readonly warnings: number };
  readonly findings: readonly ServerFinding[];
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly role: 'union' | 'local_gov' | 'ministry';
  readonly organization: { readonly name: string; readonly ubn: string | null };
}

export interface Session {
  readonly serverUrl: string;
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

export interface ReviewEvent {
  readonly decision: string;
  readonly opinion: string;
  readonly actorRole?: string;
  readonly createdAt?: string;
  readonly at?: string;
}

export interface ReviewHistory {
  readonly status: string;
  readonly history: readonly ReviewEvent[];
}
