// One JSON line per request (pino-http) with its id: taken from the client's or proxy's X-Request-Id when it is a plain
// token, otherwise made here, and always answered in X-Request-Id. Every line logged while the request runs carries it.
// Only the method, the path (query values of secret-looking keys censored) and the status are logged: no body, no header.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { type Logger, withRequestLogger } from '../observability/logger';

/** An incoming id is kept only when it is 1–128 characters of letters, digits and . _ : - (no log injection). */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const SECRET_QUERY = /^(token|password|code|key|secret|session)$/i;

/** The path and query as logged: values of keys that may hold a secret are censored. */
export const loggedUrl = (url: string): string => {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  for (const key of [...query.keys()]) if (SECRET_QUERY.test(key)) query.set(key, '[redacted]');
  return `${url.slice(0, at)}?${query.toString()}`;
};

// probes and scrapes every few seconds would drown the log
const QUIET = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

/** The path the client asked for (a router rewrites req.url; originalUrl keeps it), without its query. */
const pathOf = (req: IncomingMessage): string => ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0] ?? '';

const requestId = (req: IncomingMessage, res: ServerResponse): string => {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

export const requestLog = (logger: Logger): RequestHandler[] => [
  pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggedUrl(req.url ?? '') }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => QUIET.has(pathOf(req)) },
    customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method ?? ''} ${pathOf(req)} ${res.statusCode} ${ms} ms`,
    customErrorMessage: (req, res) => `${req.method ?? ''} ${pathOf(req)} ${res.statusCode} 連線中斷或失敗`,
  }),
  // the rest of the request runs with its logger: services' lines get its requestId without passing it
  (req, _res, next) => withRequestLogger(req.log, next),
];
