// The JSON shapes of the API as TypeScript types, inferred from the schemas (type-only: no zod reaches a UI bundle).
import type { z } from 'zod';
import type * as S from './schemas';

/** Query parameters as a UI sends them: the schema's values, or their text. */
type QueryOf<S extends z.ZodType> = { readonly [K in keyof z.output<S>]?: z.output<S>[K] | string };

export type ErrorBody = z.output<typeof S.ErrorBody>;
export type User = z.output<typeof S.UserView>;
export type LoginResponse = z.output<typeof S.LoginResponse>;
export type MeResponse = z.output<typeof S.MeResponse>;
export type Organization = z.output<typeof S.OrganizationView>;
export type PasswordResetRequest = z.input<typeof S.PasswordResetBody>;
export type PasswordResetResult = z.output<typeof S.PasswordResetResult>;

export type Finding = z.output<typeof S.FindingView>;
export type Filing = z.output<typeof S.FilingView>;
export type FilingWithFindings = z.output<typeof S.FilingWithFindings>;
export type FileRejected = z.output<typeof S.FileRejected>;
export type FileFailed = z.output<typeof S.FileFailed>;
export type FilingList = z.output<typeof S.FilingList>;
export type FilingListParams = QueryOf<typeof S.FilingListQuery>;
/** One file's answer to an upload, with the status it would have had alone (201 new, 200 filed before, 422, 500). */
export type UploadAnswer = z.output<typeof S.UploadResults>['results'][number];

export type ReviewRequest = z.input<typeof S.ReviewBody>;
export type ReviewSummary = z.output<typeof S.ReviewSummaryView>;
export type ReviewHistoryEntry = z.output<typeof S.ReviewHistoryEntry>;
export type AllowedDecision = z.output<typeof S.AllowedDecision>;
export type ReviewDecided = z.output<typeof S.ReviewDecided>;

export type Notification = z.output<typeof S.NotificationView>;
export type NotificationPage = z.output<typeof S.NotificationPage>;
export type OverdueList = z.output<typeof S.OverdueList>;

export type UnionReport = z.output<typeof S.UnionReport>;
export type UnionReportRow = z.output<typeof S.UnionReportRow>;
export type ReportParams = QueryOf<typeof S.ReportQuery>;
export type Dashboard = z.output<typeof S.Dashboard>;
export type DashboardParams = QueryOf<typeof S.DashboardQuery>;

export type ImportRun = z.output<typeof S.ImportRun>;
export type ImportAnswer = z.output<typeof S.ImportAnswer>;
export type ImportRunList = z.output<typeof S.ImportRunList>;
export type ImportFinding = z.output<typeof S.ImportFinding>;
export type ImportRequest = z.input<typeof S.ImportBody>;
