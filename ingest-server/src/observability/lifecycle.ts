// Whether this process is shutting down (SIGTERM received): /api/health/ready answers 503 so the proxy stops sending, and
// answers say Connection: close so keep-alive clients move to another instance.
import { type ServerResponse } from 'node:http';

let shuttingDown = false;
// answers not yet sent: told to close their connection when the shutdown begins
const inFlight = new Set<ServerResponse>();

export const markShuttingDown = (): void => {
  shuttingDown = true;
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
};

/** Tracks a request until its answer is done; during a shutdown its answer closes the connection. */
export const trackResponse = (res: ServerResponse): void => {
  if (shuttingDown) {
    res.setHeader('Connection', 'close');
    return;
  }
  inFlight.add(res);
  res.once('close', () => inFlight.delete(res));
};

export const isShuttingDown = (): boolean => shuttingDown;
