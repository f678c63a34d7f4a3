// POST /api/users/:id/password-reset and POST /api/users/:id/unlock: an administrator helps a user within reach back in.
import { Router } from 'express';
import { type Knex } from 'knex';
import { errorResponses, registry, SECURED } from '../api/registry';
import { Id, IdParams, PasswordResetBody, PasswordResetResult, UserView } from '@portfund/api-contract/src/schemas';
import { type Config } from '../config';
import { currentUser, requireAdmin, requireAuth } from '../http/auth';
import { notFound } from '../http/errors';
import { orRefuse } from '../http/refusals';
import { adminResetPassword, unlockUser } from '../services/account-admin';
import { userView } from '../services/users';

registry.registerPath({
  method: 'post',
  path: '/api/users/{id}/password-reset',
  summary: '管理者重設使用者密碼：link 以電子郵件寄送一次性連結（30 分鐘）；temporary 產生臨時密碼（只顯示這一次），使用者下次登入須先變更，其工作階段立即失效；不能重設自己',
  security: SECURED,
  request: { params: IdParams, body: { content: { 'application/json': { schema: PasswordResetBody } } } },
  responses: { 200: { description: '已重設', content: { 'application/json': { schema: PasswordResetResult } } }, ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/users/{id}/unlock',
  summary: '解除使用者因登入失敗而須等待的限制（帳號及其已知裝置）',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '已解除', content: { 'application/json': { schema: UserView } } }, ...errorResponses(401, 403, 404) },
});

export const accountAdminRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  const userId = (raw: unknown): number => {
    const id = Id.safeParse(raw);
    if (!id.success) throw notFound('該使用者');
    return id.data;
  };
  router.post('/users/:id/password-reset', requireAuth, requireAdmin, async (req, res) => {
    const body = PasswordResetBody.parse(req.body);
    const { mode, mailed, temporaryPassword, expiresAt } = orRefuse(await adminResetPassword(db, currentUser(req), userId(req.params.id), body.mode, config.passwordCost));
    res.json({ mode, mailed, ...(temporaryPassword === undefined ? {} : { temporaryPassword }), ...(expiresAt === undefined ? {} : { expiresAt }) });
  });
  router.post('/users/:id/unlock', requireAuth, requireAdmin, async (req, res) => {
    const { user } = orRefuse(await unlockUser(db, currentUser(req), userId(req.params.id)));
    res.json(await userView(db, user));
  });
  return router;
};
