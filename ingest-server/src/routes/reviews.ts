// Review of a filing (SPEC §6), mounted at /api/filings: a decision, the review summary, the history (審核歷程).
import { Router } from 'express';
import { type Knex } from 'knex';
import { IdParams, ReviewBody, ReviewDecided, ReviewHistory, ReviewSummaryView } from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAuth } from '../http/auth';
import { loadedFiling, loadFiling } from '../http/load-filing';
import { orRefuse } from '../http/refusals';
import { filingView } from '../services/filings/view';
import { decideReview } from '../services/review/decide';
import { reviewHistory, reviewSummary } from '../services/review/history';

registry.registerPath({
  method: 'post',
  path: '/api/filings/{id}/review',
  summary: '審核一筆申報：地方主管機關受理、核准（轉陳勞動部）、退回申請人、否決；勞動部核准或退回地方主管機關',
  security: SECURED,
  request: { params: IdParams, body: { content: { 'application/json': { schema: ReviewBody } } } },
  responses: {
    200: { description: '已審核：新的狀態與審核摘要', content: { 'application/json': { schema: ReviewDecided } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/review',
  summary: '申報的審核狀態、您可做的審核決定、最近的審核意見與審核歷程',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '審核摘要', content: { 'application/json': { schema: ReviewSummaryView } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/filings/{id}/history',
  summary: '審核歷程（提交與每一次審核：審核者、角色、決定、狀態變化、意見、時間），由舊到新',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '審核歷程', content: { 'application/json': { schema: ReviewHistory } } }, ...errorResponses(401, 404) },
});

export const reviewRoutes = (db: Knex): Router => {
  const router = Router();
  // every signed-in role reaches a filing in its scope (loadFiling); who may decide what is the state machine's to say
  router.use(requireAuth);

  router.post('/:id/review', loadFiling(db), async (req, res) => {
    const body = ReviewBody.parse(req.body ?? {});
    const user = currentUser(req);
    const { filing } = orRefuse(await decideReview(db, user, loadedFiling(req), body));
    res.json({ filing: filingView(filing), review: await reviewSummary(db, user, filing) });
  });

  router.get('/:id/review', loadFiling(db), async (req, res) => {
    res.json(await reviewSummary(db, currentUser(req), loadedFiling(req)));
  });

  router.get('/:id/history', loadFiling(db), async (req, res) => {
    const filing = loadedFiling(req);
    res.json({ filingId: filing.id, history: await reviewHistory(db, filing) });
  });

  return router;
};
