// Loads the filing named in the URL within the caller's scope; anything outside it answers 404 (it does not exist for you).
import { type Knex } from 'knex';
import { type RequestHandler, type Request } from 'express';
import { Id } from '@portfund/api-contract/src/schemas';
import { type Filing } from '../models/filing';
import { findVisibleFiling } from '../services/scope';
import { currentUser } from './auth';
import { notFound } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    filing?: Filing;
  }
}

export const loadFiling =
  (db: Knex): RequestHandler =>
  async (req, _res, next) => {
    const id = Id.safeParse(req.params.id);
    const filing = id.success ? await findVisibleFiling(db, currentUser(req), id.data) : undefined;
    if (filing === undefined) throw notFound('申報資料');
    req.filing = filing;
    next();
  };

export const loadedFiling = (req: Request): Filing => {
  if (req.filing === undefined) throw notFound('申報資料');
  return req.filing;
};
