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
  /** 1–4 for a cash book, null for an application. */
  readonly quarter: number | null;
  readonly version: number;
  readonly status: FilingStatus | string;
  readonly fileName?: string;
  readonly uploadedAt?: string;
  readonly summary: { readonly errors: number; readonly warnings: number };
}

/** POST /api/filings and GET /api/filings/:id answer the filing with its findings; the list answers filings alone. */
export interface FilingWithFindings extends Filing {
  readonly findings: readonly ServerFinding[];
}

/** One union's filings of one kind and period (application: quarter 0), as GET /api/filings filters them. */
export interface FilingKey {
  readonly kind: 'application' | 'cashbook';
  readonly ubn: string;
  readonly year: number;
  readonly quarter: number;
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

/** One entry of 審核歷程 (GET /api/filings/:id/review): the upload (id null) or a reviewer's decision. */
export interface ReviewHistoryEntry {
  readonly id: number | null;
  readonly decision: string;
  readonly decisionLabel: string;
  readonly actor: { readonly displayName: string | null; readonly organization: { readonly name: string } };
  readonly role: string;
  readonly roleLabel: string;
  readonly to: string;
  readonly toLabel: string;
  readonly opinion: string;
  readonly at: string;
}

export interface ReviewSummary {
  readonly filingId: number;
  readonly status: string;
  readonly statusLabel: string;
  readonly history: readonly ReviewHistoryEntry[];
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
