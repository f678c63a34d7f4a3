// `npm start`: the ingest server on PostgreSQL (DATABASE_URL) or the embedded PGlite, with the add-in and templates served.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { loadConfig } from './config';
import { bindModels, createDb, migrate } from './db/connection';
import { createApp } from './http/app';
import { jobHandlers } from './jobs/handlers';
import { startJobRunner } from './jobs/runner';
import { startMailSender } from './services/mail/sender';
import { createSmtpTransport } from './services/mail/transport';
import { newSetupCode } from './services/setup';
import { bootstrapAdmin } from './services/users';
import { configureCheckPool } from './workbook/check/check-pool';

const start = async (): Promise<void> => {
  const config = loadConfig();
  configureCheckPool({ ...(config.checkWorkers === undefined ? {} : { size: config.checkWorkers }), maxHeapMb: config.checkHeapMb });
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl === undefined ? config.dataDir : undefined });
  await migrate(db);
  bindModels(db);
  const admin = await bootstrapAdmin(db, config.bootstrapAdmin, config.passwordCost);
  if (admin !== null) console.log(`已建立勞動部系統管理者帳號：${admin.username}`);
  // no user yet and no bootstrap variable: a one-time setup code in this log opens the console's setup page
  let setupCode: string | undefined;
  if (Number((await db('users').count<{ count: string }[]>('* as count'))[0]?.count ?? 0) === 0) {
    setupCode = newSetupCode();
    console.log(`尚無任何帳號：請以瀏覽器開啟主控台，輸入設定碼 ${setupCode} 建立第一位勞動部系統管理者（或以 PORTFUND_BOOTSTRAP_ADMIN=帳號:密碼 啟動）`);
  }
  // jobs on the database (jobs/): deadline reminders and pruning once a period across every instance, registry imports
  const jobs = await startJobRunner(db, jobHandlers(db), {
    schedules: [
      { name: 'reminders', everySeconds: config.reminderSeconds },
      { name: 'prune', everySeconds: config.pruneSeconds },
    ],
  });
  const app = createApp({ db, config, setupCode, jobs });
  // the mail outbox is delivered only with an SMTP server; without one nothing is written to it (services/mail/settings.ts)
  const transport = config.smtpUrl === undefined ? undefined : createSmtpTransport(config.smtpUrl);
  const mailSender = transport === undefined ? undefined : startMailSender(db, transport, config.mailFrom);
  console.log(transport === undefined ? '電子郵件：未設定 PORTFUND_SMTP_URL，不寄送電子郵件' : `電子郵件：經 SMTP 寄送，寄件者 ${config.mailFrom}`);
  const tls = config.tlsCertFile !== undefined && config.tlsKeyFile !== undefined;
  const server: Server = tls
    ? createHttpsServer({ cert: readFileSync(config.tlsCertFile ?? ''), key: readFileSync(config.tlsKeyFile ?? '') }, app)
    : createHttpServer(app);
  const scheme = tls ? 'https' : 'http';
  server.listen(config.port, () => {
    const where = config.databaseUrl === undefined ? `內嵌 PGlite（${config.dataDir}）` : 'PostgreSQL（DATABASE_URL）';
    console.log(`portfund 已啟動：${scheme}://localhost:${config.port}/  資料庫：${where}`);
    console.log(`  API 說明：${scheme}://localhost:${config.port}/api/openapi.json`);
    console.log(`  Excel 增益集：${scheme}://localhost:${config.port}/addin/   範本：${scheme}://localhost:${config.port}/templates/application.xlsx`);
  });
  const stop = (): void => {
    server.close(() => {
      void (async () => {
        await jobs.stop();
        await mailSender?.stop();
        transport?.close();
        await db.destroy();
        process.exit(0);
      })();
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

start().catch((error: unknown) => {
  console.error('portfund 無法啟動：', error instanceof Error ? error.message : error);
  process.exit(1);
});
