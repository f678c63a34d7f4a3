// Organisations and users: GET/POST /api/organizations, GET/POST /api/users, PATCH /api/users/:id (admins only, within their reach).
import { Router } from 'express';
import { type Knex } from 'knex';
import { type Config } from '../config';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { Id, OrganizationBody, OrganizationView, UserBody, UserPatchBody, UserView } from '@portfund/api-contract/src/schemas';
import { currentUser, requireAdmin, requireAuth } from '../http/auth';
import { notFound } from '../http/errors';
import { orRefuse } from '../http/refusals';
import { createOrganization, createUser, manageableUsers, organizationView, updateUser, userView, visibleOrganizations } from '../services/users';

registry.registerPath({
  method: 'get',
  path: '/api/organizations',
  summary: '機關與工會（依範圍：工會只見自己，地方主管機關見自己與轄下工會，勞動部見全部）',
  security: SECURED,
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
  method: 'get',
  path: '/api/users',
  summary: '使用者（管理者可見其管理範圍內的使用者）',
  security: SECURED,
  responses: { 200: { description: '清單', content: { 'application/json': { schema: z.object({ users: z.array(UserView) }) } } }, ...errorResponses(401, 403) },
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
  summary: '停用或重新啟用使用者、重設其密碼（管理範圍內；停用或重設後其所有工作階段立即失效；不能停用或重設自己）',
  security: SECURED,
  request: { params: z.object({ id: z.number() }), body: { content: { 'application/json': { schema: UserPatchBody } } } },
  responses: { 200: { description: '已更新', content: { 'application/json': { schema: UserView } } }, ...errorResponses(400, 401, 403, 404) },
});

export const adminRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  router.use(requireAuth);
  // every user reads the organisations within reach; only administrators create, and only they see users
  router.use('/users', requireAdmin);
  router.get('/organizations', async (req, res) => {
    res.json({ organizations: (await visibleOrganizations(db, currentUser(req))).map(organizationView) });
  });
  router.post('/organizations', requireAdmin, async (req, res) => {
    const body = OrganizationBody.parse(req.body);
    const { organization } = orRefuse(await createOrganization(db, currentUser(req), body));
    res.status(201).json(organizationView(organization));
  });
  router.get('/users', async (req, res) => {
    const users = await manageableUsers(db, currentUser(req));
    res.json({ users: await Promise.all(users.map((u) => userView(db, u))) });
  });
  router.post('/users', async (req, res) => {
    const body = UserBody.parse(req.body);
    const { user } = orRefuse(await createUser(db, currentUser(req), body, config.passwordCost));
    res.status(201).json(await userView(db, user));
  });
  router.patch('/users/:id', async (req, res) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) throw notFound('該使用者');
    const body = UserPatchBody.parse(req.body);
    const { user } = orRefuse(await updateUser(db, currentUser(req), id.data, body, config.passwordCost));
    res.json(await userView(db, user));
  });
  return router;
};
