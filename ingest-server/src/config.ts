// Configuration from environment variables (documented in the README); read once at start-up.
import { join } from 'node:path';

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
  /** Mark the session cookie Secure (set when served over HTTPS). */
  readonly secureCookies: boolean;
  /** Where the add-in loads Office.js from: Microsoft's CDN or this server (/office-js/, for intranets). */
  readonly officeJs: 'cdn' | 'local';
  /** Public origin of the server, used in the add-in manifest (e.g. https://portfund.example.gov.tw). */
  readonly publicUrl: string | undefined;
  readonly timeZone: string;
  /** PEM certificate and key files: serve HTTPS directly (Excel loads add-ins only over HTTPS). */
  readonly tlsCertFile: string | undefined;
  readonly tlsKeyFile: string | undefined;
}

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} 須為正整數（目前為「${value}」）`);
  return n;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  port: int(env.PORT, 3000, 'PORT'),
  databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
  dataDir: env.PORTFUND_DATA_DIR ?? join(process.cwd(), '.data', 'pglite'),
  bootstrapAdmin: env.PORTFUND_BOOTSTRAP_ADMIN,
  sessionHours: int(env.PORTFUND_SESSION_HOURS, 8, 'PORTFUND_SESSION_HOURS'),
  maxUploadBytes: int(env.PORTFUND_MAX_UPLOAD_MB, 20, 'PORTFUND_MAX_UPLOAD_MB') * 1024 * 1024,
  maxFilesPerUpload: int(env.PORTFUND_MAX_FILES, 10, 'PORTFUND_MAX_FILES'),
  secureCookies: env.PORTFUND_SECURE_COOKIES === '1' || env.PORTFUND_SECURE_COOKIES === 'true',
  officeJs: env.PORTFUND_OFFICE_JS === 'local' ? 'local' : 'cdn',
  publicUrl: env.PORTFUND_PUBLIC_URL,
  timeZone: 'Asia/Taipei',
  tlsCertFile: env.PORTFUND_TLS_CERT,
  tlsKeyFile: env.PORTFUND_TLS_KEY,
});
