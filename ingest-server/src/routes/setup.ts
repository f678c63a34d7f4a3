// POST /api/setup: the first run's one-time setup (the code printed in the server's log) creates the first administrator.
import { Router } from 'express';
import { type Knex } from 'knex';
import { errorResponses, registry } from '../api/registry';
import { SetupBody, UserView } from '@portfund/api-contract/src/schemas';
import { type Config } from '../config';
import { orRefuse } from '../http/refusals';
import { firstRunSetup } from '../services/setup';
import { userView } from '../services/users';

registry.registerPath({
  method: 'post',
  path: '/api/setup',
  summary: '首次設定：尚無任何帳號時，以伺服器紀錄中印出的設定碼建立勞動部及第一位系統管理者（只能一次）',
  request: { body: { content: { 'application/json': { schema: SetupBody } } } },
  responses: { 201: { description: '已建立', content: { 'application/json': { schema: UserView } } }, ...errorResponses(400, 403, 409) },
});

export const setupRoutes = (db: Knex, config: Config, setupCode: string | undefined): Router => {
  const router = Router();
  router.post('/setup', async (req, res) => {
    const body = SetupBody.parse(req.body);
    const { user } = orRefuse(await firstRunSetup(db, setupCode, body, config.passwordCost));
    res.status(201).json(await userView(db, user));
  });
  return router;
};
