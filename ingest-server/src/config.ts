// Configuration from environment variables (documented in the README); read once at start-up.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRYPT_COST, type ScryptCost } from './services/passwords';

export interface Config {
  readonly port: number;
  /** A real PostgreSQL when set; otherwise the embedded PGlite database in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** "user:password": creates the first ministry administrator when no user exists. */
  readonly bootstrapAdmin: string | undefined;
  readonly sessionHours: number;
  readonly maxUploadBytes: number;
  readonly maxFilesPerUpload: number;
  /** Size cap of one PDF attachment (the application's meeting minutes and subsidy rules). */
  readonly maxPdfBytes: number;
  /** A PDF attachment not parsed and inspected after this long is refused (its worker is stopped), ms. */
  readonly pdfCheckMs: number;
  /** Upload bytes being received (and checked) at once, server-wide; a request beyond it is answered 503 with Retry-After. */
  readonly maxInflightUploadBytes: number;
  /** An upload body that sends nothing for this long is cut off (ms). */
  readonly uploadIdleMs: number;
  /** An upload body not complete after this long is cut off (ms). */
  readonly uploadBodyMs: number;
  /** Where upload bodies are written while a request runs (one folder per request, removed when it ends). */
  readonly uploadTmpDir: string;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  readonly secureCookies: boolean;
  /** Where the add-in loads Office.js from: Microsoft's CDN or this server (/office-js/, for intranets). */
  readonly officeJs: 'cdn' | 'local';
  /** Public origin of the server, used in the add-in manifest (e.g. https://portfund.example.gov.tw). */
  readonly publicUrl: string | undefined;
  /** PEM certificate and key files: serve HTTPS directly (Excel loads add-ins only over HTTPS). */
  readonly tlsCertFile: string | undefined;
  readonly tlsKeyFile: string | undefined;
  /** Express "trust proxy": off, a hop count, or addresses (loopback, 10.0.0.0/8, …) of the TLS reverse proxies in front. */
  readonly trustProxy: false | number | string;
  /** Uploads checked at the same time, each in its own worker thread; undefined = one per core, at most 4. */
  readonly checkWorkers: number | undefined;
  /** Heap of one check worker, MB; a workbook that needs more is refused as file.unreadable. */
  readonly checkHeapMb: number;
  /** SMTP server for e-mail (nodemailer URL, smtp:// or smtps://, credentials included); unset = no e-mail. */
  readonly smtpUrl: string | undefined;
  /** The From address of every e-mail. */
  readonly mailFrom: string;
  /** Check jobs waiting for a worker at most; an upload beyond it is answered 503 with Retry-After (nothing is read or written). */
  readonly checkQueueMax: number;
  /** Lowest level written to the JSON log (pino): fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: LogLevel;
  /** Bearer token of GET /metrics (Prometheus); unset = no /metrics at all. */
  readonly metricsToken: string | undefined;
  /** After SIGTERM: in-flight requests get this long to finish (ms); then what is left is cut off and rolled back. */
  readonly shutdownMs: number;
  /** Deadline reminders run once in each period of this many seconds across all instances (a job on PostgreSQL). */
  readonly reminderSeconds: number;
  /** Expired sessions, login attempts and reset links are pruned once in each period of this many seconds. */
  readonly pruneSeconds: number;
  /** scrypt cost of new password hashes: always the production cost; only a test server lowers it (no variable sets it). */
  readonly passwordCost: ScryptCost;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} 須為正整數（目前為「${value}」）`);
  return n;
};

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

/** PORTFUND_TRUST_PROXY: unset or 0 = off; n = trust n proxy hops; loopback / linklocal / uniquelocal / IP[/bits], comma-separated. */
const trustProxy = (value: string | undefined): false | number | string => {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v === 'false' || v === 'off') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  // "true" would believe any X-Forwarded-For a client sends, and per-address login limits would mean nothing
  if (parts.every((p) => TRUST_NAMES.has(p) || ADDRESS.test(p))) return parts.join(',');
  throw new Error(`PORTFUND_TRUST_PROXY 須為代理層數（例如 1）、loopback、linklocal、uniquelocal 或代理的 IP 位址／網段（目前為「${v}」）`);
};

/** PORTFUND_SMTP_URL: smtp:// or smtps:// (the message never repeats the value: it may hold a password). */
const smtpUrl = (value: string | undefined): string | undefined => {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (!/^smtps?:\/\/[^/\s]+/.test(v)) throw new Error('PORTFUND_SMTP_URL 須為 smtp:// 或 smtps:// 開頭的網址（例如 smtps://帳號:密碼@mail.example.gov.tw:465）');
  return v;
};

const logLevel = (value: string | undefined): LogLevel => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === v);
  if (level === undefined) throw new Error(`PORTFUND_LOG_LEVEL 須為 ${LOG_LEVELS.join('、')} 之一（目前為「${v}」）`);
  return level;
};

/** PORTFUND_METRICS_TOKEN: at least 16 characters of a bearer token (the message never repeats the value). */
const metricsToken = (value: string | undefined): string | undefined => {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (!/^[\x21-\x7e]{16,}$/.test(v)) throw new Error('PORTFUND_METRICS_TOKEN 須為至少 16 個可見 ASCII 字元（不含空白）');
  return v;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  port: int(env.PORT, 3000, 'PORT'),
  databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
  dataDir: env.PORTFUND_DATA_DIR ?? join(process.cwd(), '.data', 'pglite'),
  bootstrapAdmin: env.PORTFUND_BOOTSTRAP_ADMIN,
  sessionHours: int(env.PORTFUND_SESSION_HOURS, 8, 'PORTFUND_SESSION_HOURS'),
  maxUploadBytes: int(env.PORTFUND_MAX_UPLOAD_MB, 20, 'PORTFUND_MAX_UPLOAD_MB') * 1024 * 1024,
  maxFilesPerUpload: int(env.PORTFUND_MAX_FILES, 10, 'PORTFUND_MAX_FILES'),
  maxPdfBytes: int(env.PORTFUND_MAX_PDF_MB, 20, 'PORTFUND_MAX_PDF_MB') * 1024 * 1024,
  pdfCheckMs: int(env.PORTFUND_PDF_CHECK_SECONDS, 20, 'PORTFUND_PDF_CHECK_SECONDS') * 1000,
  maxInflightUploadBytes: int(env.PORTFUND_MAX_INFLIGHT_UPLOAD_MB, 200, 'PORTFUND_MAX_INFLIGHT_UPLOAD_MB') * 1024 * 1024,
  uploadIdleMs: int(env.PORTFUND_UPLOAD_IDLE_SECONDS, 30, 'PORTFUND_UPLOAD_IDLE_SECONDS') * 1000,
  uploadBodyMs: int(env.PORTFUND_UPLOAD_BODY_SECONDS, 300, 'PORTFUND_UPLOAD_BODY_SECONDS') * 1000,
  uploadTmpDir: env.PORTFUND_UPLOAD_TMP_DIR ?? join(tmpdir(), 'portfund-uploads'),
  secureCookies: env.PORTFUND_SECURE_COOKIES === '1' || env.PORTFUND_SECURE_COOKIES === 'true',
  officeJs: env.PORTFUND_OFFICE_JS === 'local' ? 'local' : 'cdn',
  publicUrl: env.PORTFUND_PUBLIC_URL,
  tlsCertFile: env.PORTFUND_TLS_CERT,
  tlsKeyFile: env.PORTFUND_TLS_KEY,
  trustProxy: trustProxy(env.PORTFUND_TRUST_PROXY),
  checkWorkers: env.PORTFUND_CHECK_WORKERS === undefined || env.PORTFUND_CHECK_WORKERS === '' ? undefined : int(env.PORTFUND_CHECK_WORKERS, 1, 'PORTFUND_CHECK_WORKERS'),
  checkHeapMb: int(env.PORTFUND_CHECK_HEAP_MB, 1536, 'PORTFUND_CHECK_HEAP_MB'),
  smtpUrl: smtpUrl(env.PORTFUND_SMTP_URL),
  mailFrom: env.PORTFUND_MAIL_FROM === undefined || env.PORTFUND_MAIL_FROM.trim() === '' ? 'portfund <no-reply@localhost>' : env.PORTFUND_MAIL_FROM.trim(),
  checkQueueMax: int(env.PORTFUND_CHECK_QUEUE_MAX, 20, 'PORTFUND_CHECK_QUEUE_MAX'),
  logLevel: logLevel(env.PORTFUND_LOG_LEVEL),
  metricsToken: metricsToken(env.PORTFUND_METRICS_TOKEN),
  shutdownMs: int(env.PORTFUND_SHUTDOWN_MS, 25_000, 'PORTFUND_SHUTDOWN_MS'),
  reminderSeconds: int(env.PORTFUND_REMINDER_SECONDS, 3600, 'PORTFUND_REMINDER_SECONDS'),
  pruneSeconds: int(env.PORTFUND_PRUNE_SECONDS, 3600, 'PORTFUND_PRUNE_SECONDS'),
  passwordCost: SCRYPT_COST,
});
