// Request and response schemas shared by the routes and the OpenAPI description.
import { z } from 'zod';
import { FILING_STATUSES } from '../models/filing';
import { registry } from './registry';

// ids are PostgreSQL integers: anything larger is simply not found (never a database error)
export const Id = z.coerce.number().int().positive().max(2147483647);
const BodyId = z.number().int().positive().max(2147483647);

// control characters (NUL above all) cannot be stored in PostgreSQL text and are never part of a name or password
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const noControl = { error: '含有控制字元（例如 NUL），請移除後再送出' };
const plainText = (min: number, max: number) => z.string().min(min).max(max).refine((s) => !CONTROL_CHARS.test(s), noControl);

export const LoginBody = registry.register(
  'LoginBody',
  z.object({ username: plainText(1, 100), password: plainText(1, 200) }).strict(),
);

export const ChangePasswordBody = registry.register(
  'ChangePasswordBody',
  z
    .object({
      currentPassword: plainText(1, 200).openapi({ description: '目前的密碼' }),
      newPassword: plainText(1, 200).openapi({ description: '新密碼：至少 10 個字元，須同時包含英文字母與數字，且不同於目前的密碼' }),
    })
    .strict(),
);

export const UserPatchBody = registry.register(
  'UserPatchBody',
  z.object({ disabled: z.boolean().openapi({ description: 'true 停用帳號（其所有工作階段立即失效、無法再登入）；false 重新啟用' }) }).strict(),
);

export const UserView = registry.register(
  'User',
  z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(['union', 'local_gov', 'ministry']),
    isAdmin: z.boolean(),
    disabled: z.boolean(),
    organization: z.object({ id: z.number(), kind: z.string(), name: z.string(), ubn: z.string().nullable() }),
  }),
);

export const LoginResponse = registry.register(
  'LoginResponse',
  z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: UserView }),
);

export const MeResponse = registry.register(
  'MeResponse',
  z.object({
    user: UserView,
    csrfToken: z.string().openapi({ description: '此工作階段的 CSRF 權杖：網頁重新載入後，寫入請求以 X-CSRF-Token 標頭帶上' }),
    expiresAt: z.string(),
  }),
);

export const OrganizationBody = registry.register(
  'OrganizationBody',
  z
    .object({
      kind: z.enum(['local_gov', 'union']),
      name: z.string().trim().min(1).max(200).refine((s) => !CONTROL_CHARS.test(s), noControl),
      ubn: z.string().regex(/^\d{8}$/, '統一編號為 8 碼數字').optional().openapi({ description: '工會必填；須通過財政部檢查碼' }),
      parentId: BodyId.optional().openapi({ description: '工會所屬的地方主管機關' }),
      code: plainText(0, 50).optional(),
    })
    .strict(),
);

export const OrganizationView = registry.register(
  'Organization',
  z.object({ id: z.number(), kind: z.string(), name: z.string(), ubn: z.string().nullable(), parentId: z.number().nullable(), code: z.string().nullable() }),
);

export const UserBody = registry.register(
  'UserBody',
  z
    .object({
      username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9._@-]+$/, '帳號只能使用英數字與 . _ @ -'),
      password: plainText(10, 200),
      organizationId: BodyId,
      displayName: plainText(0, 100).optional(),
      email: z.string().email().max(200).optional(),
      isAdmin: z.boolean().optional(),
    })
    .strict(),
);

export const FindingView = registry.register(
  'Finding',
  z.object({
    code: z.string().openapi({ description: '穩定的英文代碼，例如 ledger.negative_balance' }),
    severity: z.enum(['error', 'warning']),
    source: z.enum(['check', 'recon']),
    sheet: z.string().optional(),
    cell: z.string().optional(),
    row: z.number().optional(),
    field: z.string().optional(),
    message: z.string(),
    expected: z.string().optional(),
    actual: z.string().optional(),
    help: z.string().optional(),
  }),
);

export const FilingView = registry.register(
  'Filing',
  z.object({
    id: z.number(),
    kind: z.enum(['application', 'cashbook']),
    ubn: z.string(),
    unionName: z.string().nullable(),
    year: z.number(),
    quarter: z.number().nullable(),
    version: z.number(),
    status: z.enum(FILING_STATUSES),
    lockVersion: z.number(),
    fileName: z.string(),
    templateVersion: z.string(),
    uploadedAt: z.string(),
    summary: z.object({ errors: z.number(), warnings: z.number() }),
  }),
);

export const FilingWithFindings = registry.register('FilingWithFindings', FilingView.extend({ findings: z.array(FindingView) }));

export const FileRejected = registry.register(
  'FileRejected',
  z.object({
    error: z.object({ code: z.string(), message: z.string() }),
    file: z.string(),
    findings: z.array(FindingView),
  }),
);

export const UploadResults = registry.register(
  'UploadResults',
  z.object({
    results: z.array(
      z.union([
        FilingWithFindings.extend({ httpStatus: z.union([z.literal(200), z.literal(201)]) }),
        FileRejected.extend({ httpStatus: z.literal(422) }),
        z.object({
          httpStatus: z.literal(500),
          file: z.string(),
          error: z.object({ code: z.literal('file_failed'), message: z.string() }),
        }),
      ]),
    ).openapi({ description: '依上傳順序逐檔回覆；httpStatus 為該檔單獨上傳時的狀態碼：201 新版本、200 相同檔案已申報、422 無法建立申報、500 該檔處理時發生未預期錯誤（未建立申報，其他檔案不受影響）' }),
  }),
);

export const FilingListQuery = z
  .object({
    year: z.coerce.number().int().min(100).max(999).optional(),
    quarter: z.coerce.number().int().min(0).max(4).optional(),
    kind: z.enum(['application', 'cashbook']).optional(),
    status: z.enum(FILING_STATUSES).optional(),
    ubn: z.string().regex(/^\d{8}$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
