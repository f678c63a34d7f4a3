// Sign-in, the signed-in user and password changes (/api/auth).
import { ROLES } from '../labels';
import { CONTROL_CHARS, noControl, plainText } from './common';
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

/** The signed-in user's own account settings (帳號設定), and whether a temporary password must be changed first. */
export const AccountView = z
  .object({
    email: z.string().nullable(),
    emailOptOut: z.boolean().openapi({ description: 'true：不以電子郵件寄送通知（通知仍在主控台）' }),
    mustChangePassword: z.boolean().openapi({ description: 'true：以臨時密碼登入，變更密碼前其他 API 一律回 403 password_change_required' }),
  })
  .openapi('Account');

export const AccountPatchBody = z.object({ emailOptOut: z.boolean() }).strict().openapi('AccountPatchBody');

export const LoginResponse = z
  .object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: UserView, account: AccountView })
  .openapi('LoginResponse');

export const MeResponse = z
  .object({
    user: UserView,
    csrfToken: z.string().openapi({ description: '此工作階段的 CSRF 權杖：網頁重新載入後，寫入請求以 X-CSRF-Token 標頭帶上' }),
    expiresAt: z.string(),
    account: AccountView,
  })
  .openapi('MeResponse');

export const PasswordChanged = z.object({ revokedSessions: z.number() });

/** What the signed-out console needs to know: whether e-mail is on (忘記密碼 mails a link) and whether first-run setup is open. */
export const AuthOptions = z
  .object({
    mail: z.boolean().openapi({ description: 'false：伺服器未設定 SMTP，不會寄出任何電子郵件（忘記密碼請洽管理者）' }),
    setup: z.boolean().openapi({ description: 'true：尚無任何帳號，可用伺服器紀錄中的設定碼建立第一位管理者' }),
  })
  .openapi('AuthOptions');

export const ForgotPasswordBody = z
  .object({ login: z.string().trim().min(1).max(200).refine((s) => !CONTROL_CHARS.test(s), noControl).openapi({ description: '帳號或電子郵件地址' }) })
  .strict()
  .openapi('ForgotPasswordBody');

/** The same answer whether or not the account exists. */
export const ForgotPasswordAnswer = z.object({ accepted: z.literal(true) }).openapi('ForgotPasswordAnswer');

export const ResetPasswordBody = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '重設連結不完整，請從電子郵件重新開啟').openapi({ description: '電子郵件中連結的 token' }),
    newPassword: plainText(1, 200),
  })
  .strict()
  .openapi('ResetPasswordBody');

export const ResetPasswordAnswer = z.object({ username: z.string() }).openapi('ResetPasswordAnswer');

export const SetupBody = z
  .object({
    code: z.string().trim().min(1).max(100).openapi({ description: '伺服器啟動時在紀錄中印出的設定碼' }),
    username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9._@-]+$/, '帳號只能使用英數字與 . _ @ -'),
    password: plainText(10, 200),
    displayName: plainText(0, 100).optional(),
    email: z.string().email().max(200).optional(),
  })
  .strict()
  .openapi('SetupBody');
