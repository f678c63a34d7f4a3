// Review of a filing (SPEC §6), mounted at /api/filings: a decision, the union's withdrawal, the review summary, the
// history (審核歷程); and the reviewer's worklist (待辦), mounted at /api/worklist.
import { Router } from 'express';
import { type Knex } from 'knex';
import { IdParams, ReviewBody, ReviewDecided, ReviewHistory, ReviewSummaryView, WithdrawBody, Worklist } from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAuth, requireRole } from '../http/auth';
import { loadedFiling, loadFiling } from '../http/load-filing';
import { orRefuse } from '../http/refusals';
import { filingView } from '../services/filings/view';
import { decideReview } from '../services/review/decide';
import { reviewHistory, reviewSummary } from '../services/review/history';
import { withdrawFiling } from '../services/review/withdraw';
import { worklist } from '../services/review/worklist';

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
  method: 'post',
  path: '/api/filings/{id}/withdraw',
  summary: '工會撤回自己提交、尚未有審核者處理（「已提交」）的版本；撤回後可重新上傳',
  security: SECURED,
  request: { params: IdParams, body: { content: { 'application/json': { schema: WithdrawBody } } } },
  responses: {
    200: { description: '已撤回：新的狀態與審核摘要', content: { 'application/json': { schema: ReviewDecided } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/worklist',
  summary: '待辦：等待您（地方主管機關或勞動部）審核的申報，等最久的在前，超過審核期限者標示逾期',
  security: SECURED,
  responses: { 200: { description: '待辦清單', content: { 'application/json': { schema: Worklist } } }, ...errorResponses(401, 403) },
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

  router.post('/:id/withdraw', loadFiling(db), async (req, res) => {
    const body = WithdrawBody.parse(req.body ?? {});
    const user = currentUser(req);
    const { filing } = orRefuse(await withdrawFiling(db, user, loadedFiling(req), body.lockVersion));
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

/** GET /api/worklist: only reviewers have one; `now` decides what is overdue (a parameter so tests can fix the clock). */
export const worklistRoutes = (db: Knex, now: () => Date = () => new Date()): Router => {
  const router = Router();
  router.use(requireAuth);
  router.get('/', requireRole('local_gov', 'ministry'), async (req, res) => {
    res.json(await worklist(db, currentUser(req), now()));
  });
  return router;
};
