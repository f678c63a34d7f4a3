// Whether this process is shutting down (SIGTERM received): /api/health/ready answers 503 so the proxy stops sending, and
// answers say Connection: close so keep-alive clients move to another instance.
import { type IncomingMessage, type ServerResponse } from 'node:http';

let shuttingDown = false;
// answers not yet sent: told to close their connection when the shutdown begins
const inFlight = new Map<ServerResponse, IncomingMessage>();

export const markShuttingDown = (): void => {
  shuttingDown = true;
  for (const res of inFlight.keys()) if (!res.headersSent) res.setHeader('Connection', 'close');
};

/** Tracks a request until its answer is done; during a shutdown its answer closes the connection. */
export const trackResponse = (req: IncomingMessage, res: ServerResponse): void => {
  if (shuttingDown) res.setHeader('Connection', 'close');
  inFlight.set(res, req);
  res.once('close', () => inFlight.delete(res));
};

/** Requests whose body is all in and whose answer is not done yet (being checked, filed or answered). */
export const answersOwed = (): number => [...inFlight.values()].filter((req) => req.complete).length;

export const isShuttingDown = (): boolean => shuttingDown;
