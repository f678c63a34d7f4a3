// While the server shuts down (SIGTERM), every answer closes its connection: a keep-alive client reconnects elsewhere.
import { type RequestHandler } from 'express';
import { isShuttingDown } from '../observability/lifecycle';

export const closeConnectionsWhenShuttingDown: RequestHandler = (_req, res, next) => {
  if (isShuttingDown()) res.set('Connection', 'close');
  next();
};
