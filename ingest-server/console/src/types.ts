// The API's JSON shapes the console reads (see /api/openapi.json).
import { type StoredFinding } from '@portfund/shared-rules/src/findings/types';
import { type FilingStatus } from '../../src/models/filing';
import { type Role } from '../../src/models/user';

export type { FilingStatus, Role };

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly role: Role;
  readonly isAdmin: boolean;
  readonly organization: { readonly id: number; readonly kind: string; readonly name: string; readonly ubn: string | null };
}

export interface LoginAnswer {
  readonly csrfToken: string;
  readonly user: User;
}

export interface MeAnswer {
  readonly user: User;
  readonly csrfToken?: string;
}

export interface Filing {
  readonly id: number;
  readonly kind: 'application' | 'cashbook';
  readonly ubn: string;
  readonly unionName: string | null;
  readonly year: number;
  readonly quarter: number | null;
  readonly version: number;
  readonly status: FilingStatus;
  readonly lockVersion: number;
  readonly fileName: string;
  readonly templateVersion: string;
  readonly uploadedAt: string;
  readonly summary: { readonly errors: number; readonly warnings: number };
}

export interface FilingWithFindings extends Filing {
  readonly findings: readonly StoredFinding[];
}

export interface Actor {
  readonly username: string;
  readonly displayName: string | null;
  readonly organization: { readonly name: string };
}

export interface HistoryEntry {
  readonly decisionLabel: string;
  readonly actor: Actor;
  readonly roleLabel: string;
  readonly fromLabel: string | null;
  readonly toLabel: string;
  readonly opinion: string;
  readonly at: string;
}

export interface AllowedDecision {
  readonly decision: string;
  readonly label: string;
  readonly toLabel: string;
  readonly opinionRequired: boolean;
}

export interface ReviewSummary {
  readonly status: FilingStatus;
  readonly statusLabel: string;
  readonly lockVersion: number;
  readonly version: number;
  readonly latestVersion: number;
  readonly superseded: boolean;
  readonly allowedDecisions: readonly AllowedDecision[];
  readonly history: readonly HistoryEntry[];
}

export interface Notification {
  readonly id: number;
  readonly kind: string;
  readonly filingId: number | null;
  readonly title: string;
  readonly message: string;
  readonly createdAt: string;
  readonly read: boolean;
}

/** One file's answer to an upload: a filing, or a refusal with the findings that say why. */
export type UploadAnswer = (FilingWithFindings & { readonly httpStatus?: number }) | UploadRefusal;

export interface UploadRefusal {
  readonly httpStatus?: number;
  readonly error: { readonly code: string; readonly message: string };
  readonly file?: string;
  readonly findings?: readonly StoredFinding[];
}
