// Request and response schemas shared by the routes and the OpenAPI description.
import { z } from 'zod';
import { registry } from './registry';

// ids are PostgreSQL integers: anything larger is simply not found (never a database error)
export const Id = z.coerce.number().int().positive().max(2147483647);

export const LoginBody = registry.register(
  'LoginBody',
  z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
);

export const UserView = registry.register(
  'User',
  z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(['union', 'local_gov', 'ministry']),
    isAdmin: z.boolean(),
    organization: z.object({ id: z.number(), kind: z.string(), name: z.string(), ubn: z.string().nullable() }),
  }),
);

export const LoginResponse = registry.register(
  'LoginResponse',
  z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: UserView }),
);

export const OrganizationBody = registry.register(
  'OrganizationBody',
  z
    .object({
      kind: z.enum(['local_gov', 'union']),
      name: z.string().trim().min(1).max(200),
      ubn: z.string().regex(/^\d{8}$/, '統一編號為 8 碼數字').optional(),
      parentId: z.number().int().positive().optional().openapi({ description: '工會所屬的地方主管機關' }),
      code: z.string().max(50).optional(),
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
      password: z.string().min(10).max(200),
      organizationId: z.number().int().positive(),
      displayName: z.string().max(100).optional(),
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
    status: z.enum(['submitted', 'local_review', 'ministry_review', 'approved', 'returned', 'ministry_returned', 'rejected']),
    lockVersion: z.number(),
    fileName: z.string(),
    templateVersion: z.string(),
    uploadedAt: z.string(),
    summary: z.object({ errors: z.number(), warnings: z.number() }),
  }),
);

export const FilingWithFindings = registry.register('FilingWithFindings', FilingView.extend({ findings: z.array(FindingView) }));

export const FilingListQuery = z
  .object({
    year: z.coerce.number().int().min(100).max(999).optional(),
    quarter: z.coerce.number().int().min(0).max(4).optional(),
    kind: z.enum(['application', 'cashbook']).optional(),
    status: z.string().max(40).optional(),
    ubn: z.string().regex(/^\d{8}$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
