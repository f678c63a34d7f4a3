// Sign-in, the signed-in user and password changes (/api/auth).
import { ROLES } from '../labels';
import { plainText } from './common';
import { z } from './zod';

export const LoginBody = z.object({ username: plainText(1, 100), password: plainText(1, 200) }).strict().openapi('LoginBody');

export const ChangePasswordBody = z
  .object({
    currentPassword: plainText(1, 200).openapi({ description: '目前的密碼' }),
    newPassword: plainText(1, 200).openapi({ description: '新密碼：至少 10 個字元，須同時包含英文字母與數字，且不同於目前的密碼' }),
  })
  .strict()
  .openapi('ChangePasswordBody');

export const UserView = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(ROLES),
    isAdmin: z.boolean(),
    disabled: z.boolean(),
    email: z.string().nullable(),
    emailOptOut: z.boolean().optional(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable().openapi({ description: '登入失敗過多，須等到此時（ISO 8601）才能再試；null 表示未鎖定' }),
    organization: z.object({ id: z.number(), kind: z.string(), name: z.string(), ubn: z.string().nullable() }),
  })
  .openapi('User');

export const LoginResponse = z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: UserView }).openapi('LoginResponse');

export const MeResponse = z
  .object({
    user: UserView,
    csrfToken: z.string().openapi({ description: '此工作階段的 CSRF 權杖：網頁重新載入後，寫入請求以 X-CSRF-Token 標頭帶上' }),
    expiresAt: z.string(),
  })
  .openapi('MeResponse');

export const PasswordChanged = z.object({ revokedSessions: z.number() });
