// Whether this process is shutting down (SIGTERM received): /api/health/ready answers 503 so the proxy stops sending, and
// answers say Connection: close so keep-alive clients move to another instance.
let shuttingDown = false;

export const markShuttingDown = (): void => {
  shuttingDown = true;
};

export const isShuttingDown = (): boolean => shuttingDown;
