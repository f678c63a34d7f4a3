// POST /api/auth/login, POST /api/auth/logout, GET and PATCH /api/auth/me, POST /api/auth/password; signed out:
// GET /api/auth/options, POST /api/auth/forgot (忘記密碼), POST /api/auth/reset (the mailed link).
import { Router } from 'express';
import { type Knex } from 'knex';
import { errorResponses, registry, SECURED } from '../api/registry';
import {
  AccountPatchBody,
  AccountView,
  AuthOptions,
  ChangePasswordBody,
  ForgotPasswordAnswer,
  ForgotPasswordBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  PasswordChanged,
  ResetPasswordAnswer,
  ResetPasswordBody,
} from '@portfund/api-contract/src/schemas';
import { type Config } from '../config';
import { currentUser, DEVICE_COOKIE, loginClient, requireAuth, SESSION_COOKIE } from '../http/auth';
import { DEVICE_DAYS } from '../services/login-devices';
import { orRefuse } from '../http/refusals';
import { log } from '../observability/logger';
import { recordLoginFailure } from '../observability/metrics';
import { accountView, changePassword, login, logout, updateOwnAccount } from '../services/auth-service';
import { mailSettings } from '../services/mail/settings';
import { requestPasswordReset, resetPasswordWithToken } from '../services/password-reset';
import { setupOpen } from '../services/setup';
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

registry.registerPath({
  method: 'patch',
  path: '/api/auth/me',
  summary: '帳號設定：是否以電子郵件收到通知（emailOptOut）',
  security: SECURED,
  request: { body: { content: { 'application/json': { schema: AccountPatchBody } } } },
  responses: { 200: { description: '已更新', content: { 'application/json': { schema: AccountView } } }, ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/auth/options',
  summary: '未登入時主控台需要知道的：是否會寄出電子郵件、是否開放首次設定',
  responses: { 200: { description: '設定', content: { 'application/json': { schema: AuthOptions } } } },
});
registry.registerPath({
  method: 'post',
  path: '/api/auth/forgot',
  summary: '忘記密碼：以帳號或電子郵件申請，寄出 30 分鐘內有效、只能使用一次的重設連結；無論帳號是否存在回應都相同；同一來源位址申請過多時回 429',
  request: { body: { content: { 'application/json': { schema: ForgotPasswordBody } } } },
  responses: { 202: { description: '已受理（若帳號存在且有電子郵件，將寄出連結）', content: { 'application/json': { schema: ForgotPasswordAnswer } } }, ...errorResponses(400, 429) },
});
registry.registerPath({
  method: 'post',
  path: '/api/auth/reset',
  summary: '以重設連結設定新密碼：連結只能使用一次；該使用者所有工作階段一律登出',
  request: { body: { content: { 'application/json': { schema: ResetPasswordBody } } } },
  responses: { 200: { description: '已設定新密碼', content: { 'application/json': { schema: ResetPasswordAnswer } } }, ...errorResponses(400) },
});

export const authRoutes = (db: Knex, config: Config, setupCode?: string): Router => {
  const router = Router();
  router.post('/login', async (req, res) => {
    const body = LoginBody.parse(req.body);
    const outcome = await login(db, config, body.username, body.password, loginClient(req));
    if (!outcome.ok) {
      const reason = outcome.code === 'auth.rate_limited' ? 'rate_limited' : 'invalid_credentials';
      recordLoginFailure(reason);
      // the code and the address only: a user name field sometimes holds a password typed in the wrong box
      log().warn({ reason, ip: req.ip }, '登入失敗');
    }
    const result = orRefuse(outcome);
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
    res.json({ token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString(), user: await userView(db, result.user), account: accountView(result.user) });
  });
  router.post('/logout', requireAuth, async (req, res) => {
    if (req.auth !== undefined) await logout(db, req.auth.session.id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  router.get('/me', requireAuth, async (req, res) => {
    if (req.auth === undefined) return;
    const { session, user } = req.auth;
    res.json({ user: await userView(db, user), csrfToken: session.csrf_token, expiresAt: new Date(session.expires_at).toISOString(), account: accountView(user) });
  });
  router.patch('/me', requireAuth, async (req, res) => {
    const body = AccountPatchBody.parse(req.body);
    res.json(accountView(await updateOwnAccount(db, currentUser(req), body)));
  });
  router.get('/options', async (_req, res) => {
    res.json({ mail: mailSettings().enabled, setup: await setupOpen(db, setupCode) });
  });
  router.post('/forgot', async (req, res) => {
    const body = ForgotPasswordBody.parse(req.body);
    orRefuse(await requestPasswordReset(db, body.login, loginClient(req).ip));
    res.status(202).json({ accepted: true });
  });
  router.post('/reset', async (req, res) => {
    const body = ResetPasswordBody.parse(req.body);
    const result = orRefuse(await resetPasswordWithToken(db, config.passwordCost, body.token, body.newPassword));
    res.json({ username: result.username });
  });
  router.post('/password', requireAuth, async (req, res) => {
    const body = ChangePasswordBody.parse(req.body);
    if (req.auth === undefined) return;
    const result = orRefuse(await changePassword(db, config.passwordCost, req.auth.user, req.auth.session.id, body.currentPassword, body.newPassword, loginClient(req)));
    res.json({ revokedSessions: result.revokedSessions });
  });
  return router;
};
