// The Express application: security headers, body limits, authentication, the API routes, static add-in and templates.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { type Knex } from 'knex';
import { type Config } from '../config';
import { NO_JOBS, type JobQueue } from '../jobs/runner';
import { addinConfigScript } from '../routes/addin-config';
import { accountAdminRoutes } from '../routes/account-admin';
import { adminRoutes } from '../routes/admin';
import { authRoutes } from '../routes/auth';
import { attachmentRoutes } from '../routes/attachments';
import { filingRoutes } from '../routes/filings';
import { importRoutes } from '../routes/registry';
import { metaRoutes } from '../routes/meta';
import { notificationRoutes } from '../routes/notifications';
import { reminderRoutes } from '../routes/reminders';
import { reportRoutes } from '../routes/reports';
import { reviewRoutes, worklistRoutes } from '../routes/reviews';
import { setupRoutes } from '../routes/setup';
import { setMailSettings } from '../services/mail/settings';
import { templateRoutes } from '../routes/templates';
import { SERVER_DIR } from '../server-dir';
import { authenticate } from './auth';
import { errorHandler, notFound } from './errors';
import { rejectControlCharacters } from './input-guard';
import { metricsRoute } from './metrics-route';
import { requestLog } from './request-log';
import { closeConnectionsWhenShuttingDown } from './shutdown';
import { healthRoutes } from '../routes/health';
import { createLogger, errorLog, type Logger } from '../observability/logger';
import { installValidationMessages } from './validation-messages';

export interface AppDeps {
  readonly db: Knex;
  readonly config: Config;
  readonly log?: (message: string, error?: unknown) => void;
  /** The JSON logger (pino) of every request line; without it one at config.logLevel writing to stdout. */
  readonly logger?: Logger;
  /** Extra routers mounted under /api by later parts (review, reports, imports). */
  readonly extraApi?: readonly { readonly path: string; readonly router: express.Router }[];
  /** The first-run setup code printed in the log while no user exists (services/setup.ts); none: no setup page. */
  readonly setupCode?: string | undefined;
  /** The job queue (jobs/runner.ts): registry imports are queued on it. Without one, an import answers 500. */
  readonly jobs?: JobQueue | undefined;
}

const ADDIN_DIST = join(SERVER_DIR, '..', 'addin', 'dist');
const CONSOLE_DIST = join(SERVER_DIR, 'dist', 'console');

const officeJsDir = (): string | null => {
  try {
    return join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  } catch {
    return null;
  }
};

/**
 * Helmet's headers. Only behind HTTPS (secure cookies or the server's own TLS) may the browser be told to fetch everything
 * over HTTPS (CSP upgrade-insecure-requests, HSTS): over plain HTTP from a LAN address those made the console a blank page.
 */
export const securityHeaders = (config: Pick<Config, 'secureCookies' | 'tlsCertFile'>, options: { readonly frameguard?: { readonly action: 'deny' | 'sameorigin' } } = {}) => {
  const https = config.secureCookies || config.tlsCertFile !== undefined;
  if (https) return helmet(options);
  return helmet({ ...options, strictTransportSecurity: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
};

export const createApp = (deps: AppDeps): Express => {
  const { db, config } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  // unexpected errors go to the request's logger (with its requestId)
  const log = deps.log ?? errorLog(logger);
  installValidationMessages();
  // mail goes to the outbox only when an SMTP server will deliver it; links in it point at the public origin
  setMailSettings({ enabled: config.smtpUrl !== undefined, publicUrl: config.publicUrl });
  const app = express();
  app.disable('x-powered-by');
  // behind a TLS reverse proxy req.ip must be the client's, or per-address login limits would count the proxy
  app.set('trust proxy', config.trustProxy);
  // first: every request gets its id (X-Request-Id) and its log line, and closes its connection during a shutdown
  app.use(requestLog(logger), closeConnectionsWhenShuttingDown);
  // probes answer before authentication (a stale cookie on a probe must not touch the database)
  app.use('/api', healthRoutes(db));
  if (config.metricsToken !== undefined) app.get('/metrics', metricsRoute(config.metricsToken));
  app.use('/api', securityHeaders(config), express.json({ limit: '200kb' }), rejectControlCharacters, cookieParser(), authenticate(db));
  app.use('/api', metaRoutes());
  app.use('/api/auth', authRoutes(db, config, deps.setupCode));
  app.use('/api', setupRoutes(db, config, deps.setupCode));
  app.use('/api/filings', filingRoutes(db, config, log));
  app.use('/api/filings', attachmentRoutes(db, config));
  app.use('/api/filings', reviewRoutes(db));
  app.use('/api/worklist', worklistRoutes(db));
  app.use('/api/notifications', notificationRoutes(db));
  app.use('/api/reminders', reminderRoutes(db));
  app.use('/api/reports', reportRoutes(db));
  app.use('/api/registry', importRoutes(db, config, deps.jobs ?? NO_JOBS));
  app.use('/api', accountAdminRoutes(db, config));
  app.use('/api', adminRoutes(db, config));
  for (const extra of deps.extraApi ?? []) app.use(`/api${extra.path}`, extra.router);
  app.use('/api', () => {
    throw notFound('此 API');
  });
  app.use('/templates', securityHeaders(config), templateRoutes());
  // the task pane runs inside Excel (desktop and the web): it must be framable by Office, so no X-Frame-Options here
  // file names are not hashed: revalidate every time so a new build is never served stale (icons may be cached)
  const revalidate = (res: express.Response, file: string): void => {
    if (!/\.png$/.test(file)) res.setHeader('Cache-Control', 'no-cache');
  };
  app.get('/addin/config.js', addinConfigScript(config));
  if (existsSync(ADDIN_DIST)) app.use('/addin', express.static(ADDIN_DIST, { index: 'taskpane.html', setHeaders: revalidate }));
  const officeJs = officeJsDir();
  if (officeJs !== null) app.use('/office-js', express.static(officeJs, { maxAge: '1d' }));
  // the web console for local governments and the ministry (cookie session): never framed, never cached stale
  if (existsSync(CONSOLE_DIST)) app.use('/', securityHeaders(config, { frameguard: { action: 'deny' } }), express.static(CONSOLE_DIST, { index: 'index.html', setHeaders: revalidate }));
  app.use(errorHandler(log));
  return app;
};
