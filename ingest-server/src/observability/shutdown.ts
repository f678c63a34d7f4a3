// Graceful shutdown (SIGTERM): readiness turns 503 and the listener closes at once (no new connection), idle keep-alive
// connections end, in-flight requests get until the deadline to finish. Past it the check pool stops — uploads still being
// checked are answered 503 (upload.shutting_down) with nothing written — and connections still open are cut off; a
// transaction left open is rolled back by the database when its connection closes. Then the database closes: exit 0.
import { type Server } from 'node:http';
import { type Knex } from 'knex';
import { removeUploadFolders } from '../http/upload-body';
import { stopCheckPool } from '../workbook/check/check-pool';
import { answersOwed, markShuttingDown } from './lifecycle';
import { type Logger } from './logger';

export interface ShutdownOptions {
  readonly server: Server;
  readonly db: Knex;
  readonly logger: Logger;
  readonly deadlineMs: number;
  readonly signal: string;
  /** Stops what else runs (the mail sender) before the database closes. */
  readonly beforeDatabase?: () => Promise<void>;
}

// after the deadline: requests with their whole body in (their checks just stopped, or committing) get this long to answer
const AFTER_DEADLINE_MS = 10_000;
// the database's own close (a pool waiting on a connection that never comes back) is not waited for longer than this
const DATABASE_CLOSE_MS = 5000;

const sleep = (ms: number): Promise<'timeout'> => new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

/** Shuts the server down as above; resolves with the exit code (0 once everything closed or was cut off). */
export const shutdownGracefully = async (options: ShutdownOptions): Promise<number> => {
  const { server, db, logger, deadlineMs } = options;
  markShuttingDown();
  logger.info({ signal: options.signal, deadlineMs }, `收到 ${options.signal}：停止接受新連線，等候進行中的請求完成（最多 ${deadlineMs} 毫秒）`);
  const closed = new Promise<'closed'>((resolve) => server.close(() => resolve('closed')));
  server.closeIdleConnections();
  if ((await Promise.race([closed, sleep(deadlineMs)])) === 'timeout') {
    logger.warn('關閉期限已到：停止檢查中的上傳（未建立申報），中斷仍未完成的連線');
    await stopCheckPool();
    // those still sending a body are not waited for: it would never be filed now
    const until = Date.now() + AFTER_DEADLINE_MS;
    while (answersOwed() > 0 && Date.now() < until) await sleep(20);
    server.closeAllConnections();
    await closed;
  }
  await stopCheckPool();
  await removeUploadFolders();
  try {
    await options.beforeDatabase?.();
    if ((await Promise.race([db.destroy().then(() => 'closed' as const), sleep(DATABASE_CLOSE_MS)])) === 'timeout') logger.warn('資料庫連線未能於期限內關閉');
  } catch (error) {
    logger.error({ err: error }, '關閉時發生錯誤');
  }
  logger.info('portfund 已停止');
  return 0;
};
