// Organisations and users: GET/POST /api/organizations, PATCH /api/organizations/:id, POST /api/organizations/bulk,
// GET/POST /api/users, PATCH /api/users/:id, POST /api/users/bulk, GET /api/admin/audit (admins only, within their reach).
import { type Request, Router } from 'express';
import { type Knex } from 'knex';
import { type Config } from '../config';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { BULK_PROBLEM_LABELS, type BulkProblemCode } from '@portfund/api-contract';
import {
  AdminAuditPage,
  AdminAuditQuery,
  BulkBody,
  BulkOrganizationsResult,
  BulkUsersResult,
  Id,
  IdParams,
  OrganizationBody,
  OrganizationListQuery,
  OrganizationPatchBody,
  OrganizationView,
  UserBody,
  UserListQuery,
  UserPatchBody,
  UserView,
} from '@portfund/api-contract/src/schemas';
import { currentUser, requireAdmin, requireAuth } from '../http/auth';
import { badRequest, notFound } from '../http/errors';
import { orRefuse } from '../http/refusals';
import { boundedUpload, uploadedFiles } from '../http/upload-body';
import { auditPage } from '../services/admin-audit-log';
import { bulkCreateOrganizations, bulkCreateUsers } from '../services/admin-bulk';
import { filterOrganizations, updateOrganization } from '../services/organizations';
import { createOrganization, createUser, findManageableUser, manageableUsers, organizationView, updateUser, userView, userViews, visibleOrganizations } from '../services/users';

const bulkFile = { content: { 'multipart/form-data': { schema: BulkBody.extend({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } };

registry.registerPath({
  method: 'get',
  path: '/api/organizations',
  summary: '機關與工會（依範圍：工會只見自己，地方主管機關見自己與轄下工會，勞動部見全部）；可依名稱、代碼或統一編號搜尋並篩選',
  security: SECURED,
  request: { query: OrganizationListQuery },
  responses: { 200: { description: '清單', content: { 'application/json': { schema: z.object({ organizations: z.array(OrganizationView) }) } } }, ...errorResponses(401) },
});
registry.registerPath({
  method: 'post',
  path: '/api/organizations',
  summary: '建立地方主管機關（勞動部管理者）或工會（勞動部或該地方主管機關的管理者）',
  security: SECURED,
  request: { body: { content: { 'application/json': { schema: OrganizationBody } } } },
  responses: { 201: { description: '已建立', content: { 'application/json': { schema: OrganizationView } } }, ...errorResponses(400, 401, 403, 409) },
});
registry.registerPath({
  method: 'patch',
  path: '/api/organizations/{id}',
  summary: '修改機關或工會（名稱、代碼、聯絡人；所屬地方主管機關僅勞動部管理者可改）、停用或重新啟用（停用後其使用者無法登入、工作階段立即失效）',
  security: SECURED,
  request: { params: IdParams, body: { content: { 'application/json': { schema: OrganizationPatchBody } } } },
  responses: { 200: { description: '已更新', content: { 'application/json': { schema: OrganizationView } } }, ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/organizations/bulk',
  summary: '由工會基本資料檔（CSV/XLSX，名冊匯入的欄位）批次建立工會：dryRun=true 逐列報告將建立／已存在／不能建立；dryRun=false 全部正確才一次建立',
  security: SECURED,
  request: { body: bulkFile },
  responses: {
    200: { description: '逐列報告（已建立時 applied 為 true）', content: { 'application/json': { schema: BulkOrganizationsResult } } },
    422: { description: '有不能建立的列：未建立任何機關', content: { 'application/json': { schema: BulkOrganizationsResult } } },
    ...errorResponses(400, 401, 403),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/users',
  summary: '使用者（管理者可見其管理範圍內的使用者）：搜尋帳號、姓名、電子郵件，依角色、機關、停用、鎖定篩選，分頁',
  security: SECURED,
  request: { query: UserListQuery },
  responses: { 200: { description: '清單', content: { 'application/json': { schema: z.object({ users: z.array(UserView), total: z.number() }) } } }, ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/users/{id}',
  summary: '一位使用者（管理範圍內；範圍外的使用者回應 404）',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '使用者', content: { 'application/json': { schema: UserView } } }, ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/users/bulk',
  summary: '由 CSV/XLSX（帳號、姓名、Email、統一編號或機關）批次建立使用者：dryRun=true 逐列報告；dryRun=false 全部正確才一次建立。新使用者沒有可用的密碼，須寄送重設連結',
  security: SECURED,
  request: { body: bulkFile },
  responses: {
    200: { description: '逐列報告（已建立時 applied 為 true）', content: { 'application/json': { schema: BulkUsersResult } } },
    422: { description: '有不能建立的列：未建立任何使用者', content: { 'application/json': { schema: BulkUsersResult } } },
    ...errorResponses(400, 401, 403),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/admin/audit',
  summary: '管理紀錄：誰在何時建立、修改、停用、重設或解除鎖定了哪個機關或使用者（管理者可見其管理範圍內的紀錄，最新的在前）',
  security: SECURED,
  request: { query: AdminAuditQuery },
  responses: { 200: { description: '一頁紀錄', content: { 'application/json': { schema: AdminAuditPage } } }, ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/users',
  summary: '建立使用者（角色由所屬機關決定）',
  security: SECURED,
  request: { body: { content: { 'application/json': { schema: UserBody } } } },
  responses: { 201: { description: '已建立', content: { 'application/json': { schema: UserView } } }, ...errorResponses(400, 401, 403, 404, 409) },
});
registry.registerPath({
  method: 'patch',
  path: '/api/users/{id}',
  summary: '修改使用者（姓名、電子郵件、管理者權限）、停用或重新啟用、重設其密碼（管理範圍內；停用或重設後其所有工作階段立即失效；不能停用、重設或取消自己的管理者權限）',
  security: SECURED,
  request: { params: z.object({ id: z.number() }), body: { content: { 'application/json': { schema: UserPatchBody } } } },
  responses: { 200: { description: '已更新', content: { 'application/json': { schema: UserView } } }, ...errorResponses(400, 401, 403, 404) },
});

const problems = (codes: readonly BulkProblemCode[]) => codes.map((code) => ({ code, message: BULK_PROBLEM_LABELS[code] }));

export const adminRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  const upload = boundedUpload(config, 'file', { files: 1 });
  router.use(requireAuth);
  // every user reads the organisations within reach; only administrators create, and only they see users and the log
  router.use('/users', requireAdmin);
  router.use('/admin', requireAdmin);

  const bulkRequest = async (req: Request) => {
    const body = BulkBody.parse(req.body ?? {});
    const [file] = await uploadedFiles(req);
    if (file === undefined) throw badRequest('請以 multipart 欄位 file 上傳一個 CSV 或 XLSX 檔案');
    return { bytes: file.bytes, dryRun: body.dryRun === 'true', parentId: body.parentId };
  };
  const pathId = (raw: unknown, what: string): number => {
    const id = Id.safeParse(raw);
    if (!id.success) throw notFound(what);
    return id.data;
  };

  router.get('/organizations', async (req, res) => {
    const filter = OrganizationListQuery.parse(req.query);
    res.json({ organizations: filterOrganizations(await visibleOrganizations(db, currentUser(req)), filter).map(organizationView) });
  });
  router.post('/organizations', requireAdmin, async (req, res) => {
    const body = OrganizationBody.parse(req.body);
    const { organization } = orRefuse(await createOrganization(db, currentUser(req), body));
    res.status(201).json(organizationView(organization));
  });
  router.post('/organizations/bulk', requireAdmin, upload, async (req, res) => {
    const result = orRefuse(await bulkCreateOrganizations(db, currentUser(req), await bulkRequest(req)));
    const rows = result.rows.map((r) => ({ row: r.row, name: r.name, ubn: r.ubn, status: r.status, problems: problems(r.problems) }));
    const counts = { create: 0, exists: 0, refused: 0 };
    for (const r of rows) counts[r.status] += 1;
    res.status(!result.dryRun && !result.applied ? 422 : 200).json({ dryRun: result.dryRun, applied: result.applied, counts, rows });
  });
  router.patch('/organizations/:id', requireAdmin, async (req, res) => {
    const id = pathId(req.params.id, '該機關或工會');
    const body = OrganizationPatchBody.parse(req.body);
    const { organization } = orRefuse(await updateOrganization(db, currentUser(req), id, body));
    res.json(organizationView(organization));
  });
  router.get('/users', async (req, res) => {
    const { users, total } = await manageableUsers(db, currentUser(req), UserListQuery.parse(req.query));
    res.json({ users: await userViews(db, users), total });
  });
  router.post('/users', async (req, res) => {
    const body = UserBody.parse(req.body);
    const { user } = orRefuse(await createUser(db, currentUser(req), body, config.passwordCost));
    res.status(201).json(await userView(db, user));
  });
  router.post('/users/bulk', upload, async (req, res) => {
    const result = orRefuse(await bulkCreateUsers(db, currentUser(req), await bulkRequest(req)));
    const rows = result.rows.map((r) => ({ ...r, problems: problems(r.problems) }));
    const counts = { create: rows.filter((r) => r.status === 'create').length, refused: rows.filter((r) => r.status === 'refused').length };
    res.status(!result.dryRun && !result.applied ? 422 : 200).json({ dryRun: result.dryRun, applied: result.applied, counts, ...(result.linksMailed === undefined ? {} : { linksMailed: result.linksMailed }), rows });
  });
  router.get('/users/:id', async (req, res) => {
    const user = await findManageableUser(db, currentUser(req), pathId(req.params.id, '該使用者'));
    if (user === undefined) throw notFound('該使用者');
    res.json(await userView(db, user));
  });
  router.patch('/users/:id', async (req, res) => {
    const id = pathId(req.params.id, '該使用者');
    const body = UserPatchBody.parse(req.body);
    const { user } = orRefuse(await updateUser(db, currentUser(req), id, body, config.passwordCost));
    res.json(await userView(db, user));
  });
  router.get('/admin/audit', async (req, res) => {
    res.json(await auditPage(db, currentUser(req), AdminAuditQuery.parse(req.query)));
  });
  return router;
};
