// Organisations and users, managed by administrators (/api/organizations, /api/users).
import { BodyId, CONTROL_CHARS, noControl, plainText } from './common';
import { z } from './zod';

export const UserPatchBody = z
  .object({
    disabled: z.boolean().optional().openapi({ description: 'true 停用帳號（其所有工作階段立即失效、無法再登入）；false 重新啟用' }),
    password: plainText(10, 200).optional().openapi({ description: '管理者重設的新密碼（須符合密碼規則）；該使用者所有工作階段與已知裝置一律登出' }),
  })
  .strict()
  .refine((b) => b.disabled !== undefined || b.password !== undefined, { message: '請提供 disabled 或 password' })
  .openapi('UserPatchBody');

export const OrganizationBody = z
  .object({
    kind: z.enum(['local_gov', 'union']),
    name: z.string().trim().min(1).max(200).refine((s) => !CONTROL_CHARS.test(s), noControl),
    ubn: z.string().regex(/^\d{8}$/, '統一編號為 8 碼數字').optional().openapi({ description: '工會必填；須通過財政部檢查碼' }),
    parentId: BodyId.optional().openapi({ description: '工會所屬的地方主管機關' }),
    code: plainText(0, 50).optional(),
  })
  .strict()
  .openapi('OrganizationBody');

export const OrganizationView = z
  .object({ id: z.number(), kind: z.string(), name: z.string(), ubn: z.string().nullable(), parentId: z.number().nullable(), code: z.string().nullable() })
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
