// Organisations and users: GET/POST /api/organizations, GET/POST /api/users, PATCH /api/users/:id (admins only, within their reach).
import { Router } from 'express';
import { type Knex } from 'knex';
import { type Config } from '../config';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { Id, OrganizationBody, OrganizationView, UserBody, UserPatchBody, UserView } from '../api/schemas';
import { currentUser, requireAdmin, requireAuth } from '../http/auth';
import { HttpError, notFound } from '../http/errors';
import { Organization } from '../models/organization';
import { User } from '../models/user';
import { scopedUnions } from '../services/scope';
import { AdminError, createOrganization, createUser, mayManage, organizationView, setUserDisabled, userView } from '../services/users';

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
  summary: '停用或重新啟用使用者（管理範圍內；停用後其所有工作階段立即失效、無法登入；不能停用自己）',
  security: SECURED,
  request: { params: z.object({ id: z.number() }), body: { content: { 'application/json': { schema: UserPatchBody } } } },
  responses: { 200: { description: '已更新', content: { 'application/json': { schema: UserView } } }, ...errorResponses(400, 401, 403, 404) },
});

const asHttp = (error: unknown): never => {
  if (error instanceof AdminError) throw new HttpError(error.status, error.status === 409 ? 'conflict' : 'admin', error.message);
  throw error;
};

export const adminRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  router.use(requireAuth);
  router.get('/organizations', async (req, res) => {
    const user = currentUser(req);
    const own = await Organization.query(db).findById(user.organization_id).throwIfNotFound();
    const unions = user.role === 'union' ? [] : await scopedUnions(db, user).orderBy('id');
    const others = user.role === 'ministry' ? await Organization.query(db).whereNot('kind', 'union').orderBy('id') : [own];
    const all = [...others, ...unions.filter((u) => u.id !== own.id)];
    if (user.role === 'union') all.splice(0, all.length, own);
    res.json({ organizations: all.map(organizationView) });
  });
  router.post('/organizations', requireAdmin, async (req, res) => {
    const body = OrganizationBody.parse(req.body);
    const org = await createOrganization(db, currentUser(req), body).catch(asHttp);
    res.status(201).json(organizationView(org));
  });
  router.get('/users', requireAdmin, async (req, res) => {
    const actor = currentUser(req);
    const users = await User.query(db).orderBy('id');
    const orgs = new Map((await Organization.query(db)).map((o) => [o.id, o]));
    const visible = users.filter((u) => {
      const org = orgs.get(u.organization_id);
      return org !== undefined && mayManage(actor, org);
    });
    res.json({ users: await Promise.all(visible.map((u) => userView(db, u))) });
  });
  router.post('/users', requireAdmin, async (req, res) => {
    const body = UserBody.parse(req.body);
    const user = await createUser(db, currentUser(req), body, config.passwordCost).catch(asHttp);
    res.status(201).json(await userView(db, user));
  });
  router.patch('/users/:id', requireAdmin, async (req, res) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) throw notFound('該使用者');
    const body = UserPatchBody.parse(req.body);
    const user = await setUserDisabled(db, currentUser(req), id.data, body.disabled).catch(asHttp);
    res.json(await userView(db, user));
  });
  return router;
};
