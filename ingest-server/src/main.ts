// `npm start`: the ingest server on PostgreSQL (DATABASE_URL) or the embedded PGlite, with the add-in and templates served.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { loadConfig } from './config';
import { bindModels, createDb, migrate } from './db/connection';
import { createApp } from './http/app';
import { jobHandlers } from './jobs/handlers';
import { startJobRunner } from './jobs/runner';
import { createLogger, setProcessLogger } from './observability/logger';
import { shutdownGracefully } from './observability/shutdown';
import { startMailSender } from './services/mail/sender';
import { createSmtpTransport } from './services/mail/transport';
import { newSetupCode } from './services/setup';
import { bootstrapAdmin } from './services/users';
import { configureCheckPool } from './workbook/check/check-pool';

// JSON lines on stdout (PORTFUND_LOG_LEVEL); until the configuration is read, at info
let logger = createLogger('info');

const start = async (): Promise<void> => {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  setProcessLogger(logger);
  // a stray rejection is logged, not a reason to stop serving (a lost database connection must not take the process down)
  process.on('unhandledRejection', (error: unknown) => logger.error({ err: error }, '未處理的非同步錯誤'));
  configureCheckPool({ ...(config.checkWorkers === undefined ? {} : { size: config.checkWorkers }), maxHeapMb: config.checkHeapMb, maxQueue: config.checkQueueMax });
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl === undefined ? config.dataDir : undefined });
  await migrate(db);
  bindModels(db);
  const admin = await bootstrapAdmin(db, config.bootstrapAdmin, config.passwordCost);
  if (admin !== null) logger.info(`已建立勞動部系統管理者帳號：${admin.username}`);
  // no user yet and no bootstrap variable: a one-time setup code in this log opens the console's setup page
  let setupCode: string | undefined;
  if (Number((await db('users').count<{ count: string }[]>('* as count'))[0]?.count ?? 0) === 0) {
    setupCode = newSetupCode();
    logger.info(`尚無任何帳號：請以瀏覽器開啟主控台，輸入設定碼 ${setupCode} 建立第一位勞動部系統管理者（或以 PORTFUND_BOOTSTRAP_ADMIN=帳號:密碼 啟動）`);
  }
  // jobs on the database (jobs/): deadline reminders and pruning once a period across every instance, registry imports
  const jobs = await startJobRunner(db, jobHandlers(db), {
    schedules: [
      { name: 'reminders', everySeconds: config.reminderSeconds },
      { name: 'prune', everySeconds: config.pruneSeconds },
    ],
  });
  const app = createApp({ db, config, setupCode, logger, jobs });
  // the mail outbox is delivered only with an SMTP server; without one nothing is written to it (services/mail/settings.ts)
  const transport = config.smtpUrl === undefined ? undefined : createSmtpTransport(config.smtpUrl);
  const mailSender = transport === undefined ? undefined : startMailSender(db, transport, config.mailFrom, { log: (message, error) => logger.error({ err: error }, message) });
  logger.info(transport === undefined ? '電子郵件：未設定 PORTFUND_SMTP_URL，不寄送電子郵件' : `電子郵件：經 SMTP 寄送，寄件者 ${config.mailFrom}`);
  const tls = config.tlsCertFile !== undefined && config.tlsKeyFile !== undefined;
  const server: Server = tls
    ? createHttpsServer({ cert: readFileSync(config.tlsCertFile ?? ''), key: readFileSync(config.tlsKeyFile ?? '') }, app)
    : createHttpServer(app);
  const scheme = tls ? 'https' : 'http';
  server.listen(config.port, () => {
    const where = config.databaseUrl === undefined ? `內嵌 PGlite（${config.dataDir}）` : 'PostgreSQL（DATABASE_URL）';
    const at = `${scheme}://localhost:${config.port}`;
    logger.info({ port: config.port }, `portfund 已啟動：${at}/  資料庫：${where}`);
    logger.info(`API 說明：${at}/api/openapi.json  Excel 增益集：${at}/addin/  範本：${at}/templates/application.xlsx`);
  });
  // SIGTERM: stop accepting, let in-flight requests finish within PORTFUND_SHUTDOWN_MS, then cut off and roll back the rest
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // a second signal changes nothing: the deadline already bounds the wait
    if (stopping) return;
    stopping = true;
    const beforeDatabase = async (): Promise<void> => {
      await jobs.stop();
      await mailSender?.stop();
      transport?.close();
    };
    void shutdownGracefully({ server, db, logger, deadlineMs: config.shutdownMs, signal, beforeDatabase }).then((code) => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

start().catch((error: unknown) => {
  logger.fatal({ err: error }, `portfund 無法啟動：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
