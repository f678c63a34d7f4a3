// Structured JSON logs (pino): one line per event, the request's id on every line logged while it runs (requestId), and
// secrets kept out — request bodies and headers are never logged, and the redaction below censors any key that names one.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';
import { type LogLevel } from '../config';

export type { Logger } from 'pino';

// defence in depth: nothing logs a body or headers, but a key that holds a secret is censored wherever it appears
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'password_hash', 'token', 'authorization', 'cookie', 'set-cookie', 'bytes', 'body'];
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.map((k) => `["${k}"]`),
  ...SECRET_KEYS.map((k) => `*["${k}"]`),
  ...SECRET_KEYS.map((k) => `*.*["${k}"]`),
  'req.headers',
  'res.headers',
];

/** A logger writing JSON lines to stdout (or to a stream: tests capture it) at the configured level. */
export const createLogger = (level: LogLevel, destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );

let processLogger: Logger = createLogger('info');
const requestLogger = new AsyncLocalStorage<Logger>();

/** The process's logger (set by main.ts from PORTFUND_LOG_LEVEL): for what happens outside a request. */
export const setProcessLogger = (logger: Logger): void => {
  processLogger = logger;
};

/** Runs a request's handlers with its logger (bound to its id), so services log with the request's id without passing it. */
export const withRequestLogger = (logger: Logger, run: () => void): void => requestLogger.run(logger, run);

/** The logger to use here: the current request's (its lines carry requestId), else the given fallback or the process's. */
export const log = (fallback?: Logger): Logger => requestLogger.getStore() ?? fallback ?? processLogger;

/** The (message, error) logging callback the app and the mail sender take, writing an error line. */
export const errorLog =
  (fallback?: Logger) =>
  (message: string, error?: unknown): void =>
    log(fallback).error(error === undefined ? {} : { err: error }, message);
