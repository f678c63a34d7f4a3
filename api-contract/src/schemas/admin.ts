// Organisations and users, managed by administrators (/api/organizations, /api/users).
import { ADMIN_ACTIONS, ROLES } from '../labels';
import { BodyId, CONTROL_CHARS, Id, noControl, plainText } from './common';
import { z } from './zod';

export const UserPatchBody = z
  .object({
    disabled: z.boolean().optional().openapi({ description: 'true 停用帳號（其所有工作階段立即失效、無法再登入）；false 重新啟用' }),
    password: plainText(10, 200).optional().openapi({ description: '管理者重設的新密碼（須符合密碼規則）；該使用者所有工作階段與已知裝置一律登出' }),
    displayName: plainText(0, 100).nullable().optional().openapi({ description: '姓名（空字串或 null 清除）' }),
    email: z.string().trim().email().max(200).or(z.literal('')).nullable().optional().openapi({ description: '電子郵件（空字串或 null 清除）' }),
    isAdmin: z.boolean().optional().openapi({ description: '是否為系統管理者（不能取消自己的管理者權限）' }),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '請提供要變更的欄位' })
  .openapi('UserPatchBody');

/** GET /api/users: search (帳號、姓名、Email), filters and paging. */
export const UserListQuery = z
  .object({
    q: plainText(0, 100).optional().openapi({ description: '帳號、姓名或電子郵件包含此文字（不分大小寫）' }),
    role: z.enum(ROLES).optional(),
    organizationId: Id.optional(),
    disabled: z.enum(['true', 'false']).optional(),
    locked: z.enum(['true', 'false']).optional().openapi({ description: 'true：目前因登入失敗而須等待的帳號' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** GET /api/organizations: search by name, code or UBN, and filters. */
export const OrganizationListQuery = z
  .object({
    q: plainText(0, 100).optional().openapi({ description: '名稱、代碼或統一編號包含此文字' }),
    kind: z.enum(['ministry', 'local_gov', 'union']).optional(),
    parentId: Id.optional(),
    disabled: z.enum(['true', 'false']).optional(),
  })
  .strict();

const contactText = (max: number) => plainText(0, max).nullable().optional();

export const OrganizationPatchBody = z
  .object({
    name: z.string().trim().min(1).max(200).refine((s) => !CONTROL_CHARS.test(s), noControl).optional(),
    code: plainText(0, 50).nullable().optional(),
    parentId: BodyId.optional().openapi({ description: '工會改隸的地方主管機關（僅勞動部管理者）' }),
    contactName: contactText(100),
    contactPhone: contactText(50),
    contactEmail: z.string().trim().email().max(200).or(z.literal('')).nullable().optional(),
    disabled: z.boolean().optional().openapi({ description: 'true 停用機關：其使用者無法登入，工作階段立即失效' }),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '請提供要變更的欄位' })
  .openapi('OrganizationPatchBody');

/** Multipart fields of the two bulk creations (with the file in field `file`). */
export const BulkBody = z
  .object({
    dryRun: z.enum(['true', 'false']).default('true').openapi({ description: 'true（預設）只檢查、不寫入；false 全部正確才一次建立' }),
    parentId: Id.optional().openapi({ description: '工會所屬的地方主管機關（勞動部管理者批次建立工會時必填）' }),
  })
  .strict();

export const BulkProblem = z.object({ code: z.string(), message: z.string().openapi({ description: 'zh-TW' }) });

export const BulkOrganizationRow = z.object({
  row: z.number(),
  name: z.string(),
  ubn: z.string(),
  status: z.enum(['create', 'exists', 'refused']),
  problems: z.array(BulkProblem),
});

export const BulkOrganizationsResult = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    counts: z.object({ create: z.number(), exists: z.number(), refused: z.number() }),
    rows: z.array(BulkOrganizationRow),
  })
  .openapi('BulkOrganizationsResult');

export const BulkUserRow = z.object({
  row: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  organization: z.string().nullable().openapi({ description: '對應到的機關或工會名稱' }),
  status: z.enum(['create', 'refused']),
  problems: z.array(BulkProblem),
});

export const BulkUsersResult = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    counts: z.object({ create: z.number(), refused: z.number() }),
    /** After an apply: how many new users were mailed a reset link (those with an address, when mail is on). */
    linksMailed: z.number().optional(),
    rows: z.array(BulkUserRow),
  })
  .openapi('BulkUsersResult');

export const AdminAuditQuery = z
  .object({
    action: z.enum(ADMIN_ACTIONS).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const AdminAuditEntry = z
  .object({
    id: z.number(),
    action: z.enum(ADMIN_ACTIONS),
    actor: z.object({ id: z.number(), username: z.string(), displayName: z.string().nullable() }).nullable(),
    targetUser: z.object({ id: z.number(), username: z.string() }).nullable(),
    targetOrganization: z.object({ id: z.number(), name: z.string() }).nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    createdAt: z.string(),
  })
  .openapi('AdminAuditEntry');

export const AdminAuditPage = z.object({ entries: z.array(AdminAuditEntry), total: z.number() }).openapi('AdminAuditPage');

export const OrganizationBody = z
  .object({
    kind: z.enum(['local_gov', 'union']),
    name: z.string().trim().min(1).max(200).refine((s) => !CONTROL_CHARS.test(s), noControl),
    ubn: z.string().regex(/^\d{8}$/, '統一編號為 8 碼數字').optional().openapi({ description: '工會必填；須通過財政部檢查碼' }),
    parentId: BodyId.optional().openapi({ description: '工會所屬的地方主管機關' }),
    code: plainText(0, 50).optional(),
    contactName: plainText(0, 100).optional(),
    contactPhone: plainText(0, 50).optional(),
    contactEmail: z.string().trim().email().max(200).or(z.literal('')).optional(),
  })
  .strict()
  .openapi('OrganizationBody');

export const OrganizationView = z
  .object({
    id: z.number(),
    kind: z.string(),
    name: z.string(),
    ubn: z.string().nullable(),
    parentId: z.number().nullable(),
    code: z.string().nullable(),
    disabled: z.boolean(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
  })
  .openapi('Organization');

export const UserBody = z
  .object({
    username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9._@-]+$/, '帳號只能使用英數字與 . _ @ -'),
    password: plainText(10, 200),
    organizationId: BodyId,
    displayName: plainText(0, 100).optional(),
    email: z.string().email().max(200).optional(),
    isAdmin: z.boolean().optional(),
  })
  .strict()
  .openapi('UserBody');

/** An administrator's password reset (POST /api/users/{id}/password-reset). */
export const PasswordResetBody = z
  .object({
    mode: z.enum(['link', 'temporary']).openapi({
      description: 'link：以電子郵件寄送一次性重設連結（30 分鐘內有效）；temporary：產生臨時密碼，使用者下次登入時必須變更',
    }),
  })
  .strict()
  .openapi('PasswordResetBody');

export const PasswordResetResult = z
  .object({
    mode: z.enum(['link', 'temporary']),
    /** link: whether the link went to the outbox (false when mail is off or the user has no address). */
    mailed: z.boolean(),
    /** temporary: the password, shown to the administrator this once and never stored in clear or logged. */
    temporaryPassword: z.string().optional(),
    /** link: when the link stops working (ISO 8601). */
    expiresAt: z.string().optional(),
  })
  .openapi('PasswordResetResult');
