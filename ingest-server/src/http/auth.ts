// Who is calling: a bearer token (add-in, scripts) or the HttpOnly session cookie (web console), with CSRF protection
// for cookie-authenticated writes. Every route after this knows req.auth or answers 401.
import { type Knex } from 'knex';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { type Session } from '../models/session';
import { type Role, type User } from '../models/user';
import { findSession } from '../services/auth-service';
import { HttpError, forbidden } from './errors';

export const SESSION_COOKIE = 'pf_session';
/** A browser the user has signed in from (services/login-devices.ts): sent only to /api/auth, never a credential by itself. */
export const DEVICE_COOKIE = 'pf_device';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthInfo {
  readonly user: User;
  readonly session: Session;
  readonly via: 'bearer' | 'cookie';
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthInfo;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user who must change a temporary password may still call. */
const PASSWORD_CHANGE_ALLOWED = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

const bearerToken = (req: Request): string | null => {
  const header = req.get('authorization');
  const m = header === undefined ? null : /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
  return m?.[1] ?? null;
};

export const authenticate =
  (db: Knex): RequestHandler =>
  async (req, _res, next) => {
    const bearer = bearerToken(req);
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? (typeof cookie === 'string' ? cookie : null);
    if (token === null) return next();
    const found = await findSession(db, token);
    if (found !== null) req.auth = { ...found, via: bearer !== null ? 'bearer' : 'cookie' };
    next();
  };

export const requireAuth: RequestHandler = (req, _res, next) => {
  if (req.auth === undefined) throw new HttpError(401, 'unauthenticated', '請先登入（登入逾時請重新登入）');
  // a cookie is sent by the browser on its own: a write must also prove it came from our page
  if (req.auth.via === 'cookie' && !SAFE_METHODS.has(req.method) && req.get(CSRF_HEADER) !== req.auth.session.csrf_token) {
    throw new HttpError(403, 'csrf', '請求缺少有效的 CSRF 權杖，請重新整理頁面後再試');
  }
  // signed in with a temporary password: nothing but choosing a new one (and seeing who one is, or leaving) until then
  if (req.auth.user.must_change_password && !PASSWORD_CHANGE_ALLOWED.has(`${req.method} ${req.baseUrl}${req.path}`)) {
    throw new HttpError(403, 'password_change_required', '您以臨時密碼登入，請先變更密碼後再繼續使用');
  }
  next();
};

export const requireRole =
  (...roles: Role[]): RequestHandler =>
  (req, _res, next) => {
    if (req.auth === undefined || !roles.includes(req.auth.user.role)) throw forbidden();
    next();
  };

export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (req.auth?.user.is_admin !== true) throw forbidden('需要系統管理者權限');
  next();
};

/** Who is signing in, as login throttling sees it: the address (after PORTFUND_TRUST_PROXY) and the device cookie. */
export const loginClient = (req: Request): { ip: string; deviceToken: string | undefined } => {
  const device = (req.cookies as Record<string, unknown> | undefined)?.[DEVICE_COOKIE];
  return { ip: req.ip ?? 'unknown', deviceToken: typeof device === 'string' ? device : undefined };
};

/** The signed-in user (after requireAuth). */
export const currentUser = (req: Request): User => {
  if (req.auth === undefined) throw new HttpError(401, 'unauthenticated', '請先登入');
  return req.auth.user;
};

/** Express 5 forwards rejected promises to the error handler; this only types async handlers. */
export type AsyncHandler = (req: Request, res: Response, next: NextFunction) => Promise<void>;
