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
export type Account = z.output<typeof S.AccountView>;
export type AuthOptions = z.output<typeof S.AuthOptions>;
export type SetupRequest = z.input<typeof S.SetupBody>;
export type PasswordResetRequest = z.input<typeof S.PasswordResetBody>;
export type PasswordResetResult = z.output<typeof S.PasswordResetResult>;
export type UserListParams = QueryOf<typeof S.UserListQuery>;
export type UserList = { readonly users: User[]; readonly total: number };
export type OrganizationListParams = QueryOf<typeof S.OrganizationListQuery>;
export type OrganizationCreateRequest = z.input<typeof S.OrganizationBody>;
export type OrganizationPatchRequest = z.input<typeof S.OrganizationPatchBody>;
export type UserCreateRequest = z.input<typeof S.UserBody>;
export type UserPatchRequest = z.input<typeof S.UserPatchBody>;
export type BulkOrganizationsResult = z.output<typeof S.BulkOrganizationsResult>;
export type BulkUsersResult = z.output<typeof S.BulkUsersResult>;
export type AdminAuditEntry = z.output<typeof S.AdminAuditEntry>;
export type AdminAuditPage = z.output<typeof S.AdminAuditPage>;
export type AdminAuditParams = QueryOf<typeof S.AdminAuditQuery>;

export type Finding = z.output<typeof S.FindingView>;
export type FindingEntry = z.output<typeof S.FindingEntry>;
export type Filing = z.output<typeof S.FilingView>;
export type FilingWithFindings = z.output<typeof S.FilingWithFindings>;
export type Attachment = z.output<typeof S.AttachmentView>;
export type AttachmentList = z.output<typeof S.AttachmentList>;
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
export type WithdrawRequest = z.input<typeof S.WithdrawBody>;
export type Worklist = z.output<typeof S.Worklist>;
export type WorklistItem = z.output<typeof S.WorklistItem>;
export type UnreadCount = z.output<typeof S.UnreadCount>;

export type Notification = z.output<typeof S.NotificationView>;
export type NotificationPage = z.output<typeof S.NotificationPage>;
export type OverdueList = z.output<typeof S.OverdueList>;

export type UnionReport = z.output<typeof S.UnionReport>;
export type UnionReportRow = z.output<typeof S.UnionReportRow>;
export type ReportParams = QueryOf<typeof S.ReportQuery>;
export type Dashboard = z.output<typeof S.Dashboard>;
export type DashboardParams = QueryOf<typeof S.DashboardQuery>;
export type FigureEntries = z.output<typeof S.FigureEntries>;
export type FigureEntriesParams = z.input<typeof S.FigureEntriesQuery>;
export type UnionTrend = z.output<typeof S.UnionTrend>;

export type ImportRun = z.output<typeof S.ImportRun>;
export type ImportAnswer = z.output<typeof S.ImportAnswer>;
export type ImportRunList = z.output<typeof S.ImportRunList>;
export type ImportFinding = z.output<typeof S.ImportFinding>;
export type ImportRequest = z.input<typeof S.ImportBody>;
