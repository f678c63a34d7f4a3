// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import { Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { LoginBody, LoginResponse, UserView } from '../api/schemas';
import { type Config } from '../config';
import { requireAuth, SESSION_COOKIE } from '../http/auth';
import { HttpError } from '../http/errors';
import { login, logout } from '../services/auth-service';
import { userView } from '../services/users';

registry.registerPath({
  method: 'post',
  path: '/api/auth/login',
  summary: '登入：回傳 bearer token（增益集、程式用），並設定 HttpOnly cookie（網頁主控台用）',
  request: { body: { content: { 'application/json': { schema: LoginBody } } } },
  responses: { 200: { description: '登入成功', content: { 'application/json': { schema: LoginResponse } } }, ...errorResponses(400, 401, 429) },
});
registry.registerPath({ method: 'post', path: '/api/auth/logout', summary: '登出', security: SECURED, responses: { 204: { description: '已登出' }, ...errorResponses(401) } });
registry.registerPath({
  method: 'get',
  path: '/api/auth/me',
  summary: '目前登入者',
  security: SECURED,
  responses: { 200: { description: '登入者', content: { 'application/json': { schema: z.object({ user: UserView }) } } }, ...errorResponses(401) },
});

export const authRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  router.post('/login', async (req, res) => {
    const body = LoginBody.parse(req.body);
    const result = await login(db, body.username, body.password, req.ip ?? 'unknown', config.sessionHours);
    if (!result.ok) {
      throw result.reason === 'rate_limited'
        ? new HttpError(429, 'rate_limited', '登入失敗次數過多，請 15 分鐘後再試')
        : new HttpError(401, 'invalid_credentials', '帳號或密碼錯誤');
    }
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    res.json({ token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString(), user: await userView(db, result.user) });
  });
  router.post('/logout', requireAuth, async (req, res) => {
    if (req.auth !== undefined) await logout(db, req.auth.session.id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  router.get('/me', requireAuth, async (req, res) => {
    if (req.auth === undefined) return;
    res.json({ user: await userView(db, req.auth.user) });
  });
  return router;
};
