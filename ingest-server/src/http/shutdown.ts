// While the server shuts down (SIGTERM), every answer — of requests already running too — closes its connection: a
// keep-alive client reconnects elsewhere, and the server's close is not held by idle keep-alive sockets.
import { type RequestHandler } from 'express';
import { trackResponse } from '../observability/lifecycle';

export const closeConnectionsWhenShuttingDown: RequestHandler = (req, res, next) => {
  trackResponse(req, res);
  next();
};
