// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password.
import { Router } from 'express';
import { type Knex } from 'knex';
import { errorResponses, registry, SECURED } from '../api/registry';
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse, PasswordChanged } from '@portfund/api-contract/src/schemas';
import { type Config } from '../config';
import { DEVICE_COOKIE, loginClient, requireAuth, SESSION_COOKIE } from '../http/auth';
import { DEVICE_DAYS } from '../services/login-devices';
import { orRefuse } from '../http/refusals';
import { changePassword, login, logout } from '../services/auth-service';
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
  summary: '目前登入者，以及此工作階段的 CSRF 權杖（網頁重新載入後可繼續寫入）',
  security: SECURED,
  responses: { 200: { description: '登入者', content: { 'application/json': { schema: MeResponse } } }, ...errorResponses(401) },
});
registry.registerPath({
  method: 'post',
  path: '/api/auth/password',
  summary: '變更自己的密碼：須附目前的密碼（與登入同樣限制嘗試次數）；新密碼須符合密碼規則；您其他的工作階段一律登出',
  security: SECURED,
  request: { body: { content: { 'application/json': { schema: ChangePasswordBody } } } },
  responses: {
    200: { description: '已變更；revokedSessions 為被登出的其他工作階段數', content: { 'application/json': { schema: PasswordChanged } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

export const authRoutes = (db: Knex, config: Config): Router => {
  const router = Router();
  router.post('/login', async (req, res) => {
    const body = LoginBody.parse(req.body);
    const result = orRefuse(await login(db, config, body.username, body.password, loginClient(req)));
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    // this browser is now known for the account: guesses from elsewhere do not lock it out (services/login-throttle.ts)
    res.cookie(DEVICE_COOKIE, result.deviceToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/api/auth',
      maxAge: DEVICE_DAYS * 86_400_000,
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
    const { session, user } = req.auth;
    res.json({ user: await userView(db, user), csrfToken: session.csrf_token, expiresAt: new Date(session.expires_at).toISOString() });
  });
  router.post('/password', requireAuth, async (req, res) => {
    const body = ChangePasswordBody.parse(req.body);
    if (req.auth === undefined) return;
    const result = orRefuse(await changePassword(db, config.passwordCost, req.auth.user, req.auth.session.id, body.currentPassword, body.newPassword, loginClient(req)));
    res.json({ revokedSessions: result.revokedSessions });
  });
  return router;
};
